# cython: language_level=3
include "tags.py"
