# cython: language_level=3
include "authority.py"
