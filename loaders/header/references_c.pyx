# cython: language_level=3
include "references.py"
