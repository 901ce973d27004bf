# cython: language_level=3
"""Inline helpers of the compiled lexicon matcher, hit collector and mention reader
(``hits_matcher_c``, ``hits_c``, ``officials_segment_c``; ``cimport`` only): characters
read in place, the ``str`` tests the readers ask of a word (``isupper``, ``isalpha``
less hyphens and apostrophes) without a method call or a new string, and bloom filters
over an FNV-1a hash of a word's characters, which rule most words out of a set before
Python hashes them or ``str.lower`` copies them."""

from libc.stdint cimport uint8_t, uint64_t
from cpython.unicode cimport (
    Py_UNICODE_ISALPHA, Py_UNICODE_ISLOWER, Py_UNICODE_ISTITLE, Py_UNICODE_ISUPPER,
    PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ, PyUnicode_READ_CHAR,
)


cdef enum:
    WORD_BLOOM_BITS = 1 << 16  # of one filter: 8 KB
    WORD_BLOOM_BYTES = WORD_BLOOM_BITS >> 3
    FNV_START = 14695981039346656037ULL
    FNV_PRIME = 1099511628211ULL


cdef inline Py_UCS4 char_at(str word, Py_ssize_t index) noexcept:
    """``word[index]`` for ``0 <= index < len(word)``, read in place."""
    return PyUnicode_READ_CHAR(word, index)


cdef inline uint64_t fnv_prefix(str word, Py_ssize_t size) noexcept:
    """FNV-1a of the first ``size`` characters of ``word``."""
    cdef int kind = PyUnicode_KIND(word)
    cdef void* data = PyUnicode_DATA(word)
    cdef uint64_t h = FNV_START
    cdef Py_ssize_t k
    for k in range(size):
        h = (h ^ <uint64_t> PyUnicode_READ(kind, data, k)) * FNV_PRIME
    return h


cdef inline bint fnv_ascii_lower(str word, uint64_t* h) noexcept:
    """FNV-1a of ``word.lower()`` in ``h[0]`` when ``word`` is ASCII (False otherwise:
    ``str.lower`` of other letters may change their number)."""
    cdef int kind = PyUnicode_KIND(word)
    cdef void* data = PyUnicode_DATA(word)
    cdef uint64_t value = FNV_START, code
    cdef Py_ssize_t k
    for k in range(PyUnicode_GET_LENGTH(word)):
        code = PyUnicode_READ(kind, data, k)
        if code >= 128:
            return False
        if 65 <= code <= 90:
            code += 32  # A-Z: a-z
        value = (value ^ code) * FNV_PRIME
    h[0] = value
    return True


cdef inline bint in_word_bloom(const uint8_t* bloom, uint64_t h) noexcept:
    """Two bits of ``h`` set in ``bloom`` (WORD_BLOOM_BYTES): False rules the word out."""
    cdef uint64_t a = (h >> 20) & (WORD_BLOOM_BITS - 1), b = (h >> 40) & (WORD_BLOOM_BITS - 1)
    return (bloom[a >> 3] >> (a & 7)) & 1 and (bloom[b >> 3] >> (b & 7)) & 1


cdef inline void add_to_word_bloom(uint8_t* bloom, uint64_t h) noexcept:
    cdef uint64_t a = (h >> 20) & (WORD_BLOOM_BITS - 1), b = (h >> 40) & (WORD_BLOOM_BITS - 1)
    bloom[a >> 3] |= 1 << (a & 7)
    bloom[b >> 3] |= 1 << (b & 7)


cdef inline bint str_isupper(str word) noexcept:
    """``word.isupper()``: a cased character and none in lower or title case."""
    cdef int kind = PyUnicode_KIND(word)
    cdef void* data = PyUnicode_DATA(word)
    cdef bint cased = False
    cdef Py_ssize_t k
    cdef Py_UCS4 c
    for k in range(PyUnicode_GET_LENGTH(word)):
        c = PyUnicode_READ(kind, data, k)
        if Py_UNICODE_ISLOWER(c) or Py_UNICODE_ISTITLE(c):
            return False
        if not cased and Py_UNICODE_ISUPPER(c):
            cased = True
    return cased


cdef inline bint alpha_but_marks(str word) noexcept:
    """``word.replace("-", "").replace("'", "").isalpha()``: a letter, and letters only
    besides hyphens and apostrophes."""
    cdef int kind = PyUnicode_KIND(word)
    cdef void* data = PyUnicode_DATA(word)
    cdef bint letter = False
    cdef Py_ssize_t k
    cdef Py_UCS4 c
    for k in range(PyUnicode_GET_LENGTH(word)):
        c = PyUnicode_READ(kind, data, k)
        if c == 45 or c == 39:  # - '
            continue
        if not Py_UNICODE_ISALPHA(c):
            return False
        letter = True
    return letter
