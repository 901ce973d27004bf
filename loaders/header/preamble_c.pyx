# cython: language_level=3
include "preamble.py"
