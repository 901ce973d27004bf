# cython: language_level=3, binding=False
include "authority.py"
