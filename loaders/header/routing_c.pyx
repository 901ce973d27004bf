# cython: language_level=3
include "routing.py"
