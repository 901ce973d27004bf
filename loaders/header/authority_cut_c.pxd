# cython: language_level=3
"""The scans of ``authority_c.pyx`` for the patterns around the official in a
``Classified By`` value (``authority.py``), in ASCII (``cimport`` only): where
``_LEAD_RE`` ends, where ``_CUT_RE`` starts and where ``_TRAIL_RE`` starts. Each takes the
path the regular expression engine takes; the comments say why the backtracking it could
do never changes the answer."""

from loaders.header.ascii_c cimport (
    in_chars, is_space, is_word, lower, skip_space, text_t, word_at,
)


# ---- _LEAD_RE ``^(?:\(U\)\s*)?(?:CLASSIFIED\s+BY\s*:?\s*)+(?:BY\s+)?``: each part is
# taken greedily; a shorter take leaves whitespace or ``:`` where a letter must follow.

cdef inline Py_ssize_t lead_end(text_t s, Py_ssize_t a, Py_ssize_t n) noexcept:
    cdef Py_ssize_t q = skip_space(s, a + 3, n) if word_at(s, a, n, b"(u)") else a
    cdef Py_ssize_t i
    cdef bint found = False
    while word_at(s, q, n, b"classified"):
        i = q + 10
        if i >= n or not is_space(s[i]):
            break
        i = skip_space(s, i, n)
        if not word_at(s, i, n, b"by"):
            break
        i = skip_space(s, i + 2, n)
        if i < n and s[i] == 58:  # :
            i = skip_space(s, i + 1, n)
        q, found = i, True
    if not found:
        return a
    if word_at(s, q, n, b"by") and q + 2 < n and is_space(s[q + 2]):
        q = skip_space(s, q + 2, n)
    return q


# ---- _CUT_WORD_RE: every alternative opens with ``\b`` and a word character, and each
# has one path: an optional ``\s?`` or ``\.?`` taken wrongly leaves a character that the
# next literal cannot be.

cdef inline bint reason_at(text_t s, Py_ssize_t i, Py_ssize_t n) noexcept:
    """``rea\\s?s\\s?o\\s?n\\s?s?\\b`` at ``i``."""
    if not word_at(s, i, n, b"rea"):
        return False
    i += 3
    cdef const char* letters = b"son"
    cdef int k
    for k in range(3):
        if i < n and is_space(s[i]):
            i += 1
        if i >= n or lower(s[i]) != <unsigned char> letters[k]:
            return False
        i += 1
    # ``\s?s?\b`` after the n: no suffix (a non-word next), or ``s`` and a non-word next;
    # a space next already ends a word, so the two ways through ``\s`` add nothing
    if i >= n or not is_word(s[i]):
        return True
    return lower(s[i]) == 115 and (i + 1 >= n or not is_word(s[i + 1]))


cdef inline bint cut_word_at(text_t s, Py_ssize_t i, Py_ssize_t n) noexcept:
    cdef unsigned int c = lower(s[i])
    if c == 114:  # r
        return reason_at(s, i, n)
    if c == 102 or c == 112:  # for\s+rea... / per\s+1\s?\.
        if not word_at(s, i, n, b"for" if c == 102 else b"per"):
            return False
        i += 3
        if i >= n or not is_space(s[i]):
            return False
        i = skip_space(s, i, n)
        if c == 102:
            return reason_at(s, i, n)
        if i >= n or s[i] != 49:
            return False
        i += 1
        if i < n and is_space(s[i]):
            i += 1
        return i < n and s[i] == 46
    if c == 101:  # E\.?O\.?\s*1[23]
        i += 1
        if i < n and s[i] == 46:
            i += 1
        if i >= n or lower(s[i]) != 111:
            return False
        i += 1
        if i < n and s[i] == 46:
            i += 1
        i = skip_space(s, i, n)
        return i + 1 < n and s[i] == 49 and (s[i + 1] == 50 or s[i + 1] == 51)
    if c == 49:  # 1\s?[.:/]\s?[4-7]\b
        i += 1
        if i < n and is_space(s[i]):
            i += 1
        if i >= n or not in_chars(s[i], b".:/"):
            return False
        i += 1
        if i < n and is_space(s[i]):
            i += 1
        return i < n and 52 <= s[i] <= 55 and (i + 1 >= n or not is_word(s[i + 1]))
    return False


cdef inline Py_ssize_t cut_start(text_t s, Py_ssize_t a, Py_ssize_t n) noexcept:
    """``authority.cut_start`` of ``s[a:n]`` (an offset in ``s``), or -1."""
    cdef Py_ssize_t p, start
    for p in range(a, n):
        if (p == a or not is_word(s[p - 1])) and cut_word_at(s, p, n):
            start = p
            while start > a and is_space(s[start - 1]):
                start -= 1
            return start - 1 if start > a and in_chars(s[start - 1], b",;:") else start
    return -1


# ---- _TRAIL_RE ``(?:\s+(?:for|by))+$|\s*\([^()]*\)\s*$`` on a head with no whitespace at
# its end: both ways end at the end, so the one match is the leftmost.

cdef inline Py_ssize_t trail_start(text_t s, Py_ssize_t n) noexcept:
    cdef Py_ssize_t k, word, start = n
    if s[n - 1] == 41:  # )
        k = n - 2
        while k >= 0 and s[k] != 40 and s[k] != 41:
            k -= 1
        if k < 0 or s[k] == 41:
            return n
        while k > 0 and is_space(s[k - 1]):
            k -= 1
        return k
    while True:  # the run of ``\s+(?:for|by)`` groups ending at the end, read backwards
        if start >= 2 and word_at(s, start - 2, n, b"by"):
            word = start - 2
        elif start >= 3 and word_at(s, start - 3, n, b"for"):
            word = start - 3
        else:
            return start
        if word == 0 or not is_space(s[word - 1]):
            return start
        start = word
        while start > 0 and is_space(s[start - 1]):
            start -= 1
