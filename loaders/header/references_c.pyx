# cython: language_level=3, binding=False
include "references.py"
