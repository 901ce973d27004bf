# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled reading of a TAGS value (:mod:`loaders.header.tags`): its codes, in order,
once each, before they are classified.

``tag_codes(value, known, split_glued)`` equals ``tags.tag_codes_python(value)`` for an
ASCII value, and is ``None`` for any other (``str.upper`` and ``re`` read letters,
digits and spaces past ASCII their own way; ``tags.py`` then reads the value itself).
One C pass over the upper-cased value stands for ``tags._TOKEN_RE``:

- ``(...)`` with no ``(`` or ``)`` inside is a person, its spaces collapsed and
  ``" ,"`` stripped (kept when anything is left);
- a run of characters that are not whitespace (``\\s``: ``\\t-\\r``, ``\\x1c-\\x1f``
  and space in ASCII), ``,``, ``;``, ``(`` or ``)`` is a token, ``.:-`` stripped from
  its ends; an unknown token of 6 to 16 letters is cut by ``split_glued``;
- tokens between persons are grouped as ``tags.group_words`` does: runs of unknown
  words of more than 4 letters joined by a space.

``known`` is ``tags.known_codes()`` and ``split_glued`` is ``tags.split_glued`` (both
stay Python: set look-ups, rare cuts). ``tests/loaders/test_tags_compiled.py`` compares
this with the reference on every corpus TAGS value and on generated values.
"""

from cpython.unicode cimport Py_UCS1, PyUnicode_DATA

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    bint PyUnicode_IS_ASCII(object o)

cdef unsigned char STOP[128]  # 1: ends a token (whitespace , ; ( )); 2: also a separator
for _ch in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ,;)":
    STOP[ord(_ch)] = 2
STOP[ord("(")] = 1


cdef inline bint is_trimmed(Py_UCS1 ch) noexcept nogil:
    """One of the ``.:-`` stripped from a token's ends."""
    return ch == 0x2E or ch == 0x3A or ch == 0x2D


cdef inline bint all_letters(const Py_UCS1* s, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    """``str.isalpha`` of ASCII ``s[start:end]`` (False when empty)."""
    cdef Py_ssize_t i
    if start >= end:
        return False
    for i in range(start, end):
        if not (0x41 <= s[i] <= 0x5A or 0x61 <= s[i] <= 0x7A):
            return False
    return True


cdef inline bint is_word_of_run(str token, frozenset known):
    """True when ``group_words`` puts the token in a run: unknown, over 4 letters."""
    if len(token) <= 4:
        return False
    if PyUnicode_IS_ASCII(token):  # always, unless split_glued gave something else
        if not all_letters(<const Py_UCS1*> PyUnicode_DATA(token), 0, len(token)):
            return False
    elif not token.isalpha():
        return False
    return token not in known


cdef list flush(list pending, dict codes, frozenset known):
    """``group_words(pending)`` added to ``codes``; an empty list for the next tokens."""
    cdef list run = []
    cdef str token
    for token in pending:
        if is_word_of_run(token, known):
            run.append(token)
            continue
        if run:
            codes[" ".join(run)] = None
            run = []
        codes[token] = None
    if run:
        codes[" ".join(run)] = None
    return []


def tag_codes(str value not None, frozenset known not None, split_glued):
    if not PyUnicode_IS_ASCII(value):
        return None
    cdef str text = value.upper()
    cdef const Py_UCS1* s = <const Py_UCS1*> PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, j, start, end
    cdef dict codes = {}
    cdef list pending = []
    cdef str token
    while i < n:
        if s[i] == 0x28:  # "(": a person when a ")" comes before another "("
            j = i + 1
            while j < n and s[j] != 0x28 and s[j] != 0x29:
                j += 1
            if j < n and s[j] == 0x29:
                pending = flush(pending, codes, known)
                token = " ".join(text[i + 1 : j].split()).strip(" ,")
                if token:
                    codes[token] = None
                i = j + 1
            else:
                i += 1
            continue
        if STOP[s[i]] == 2:
            i += 1
            continue
        j = i
        while j < n and not STOP[s[j]]:
            j += 1
        start, end = i, j
        i = j
        while start < end and is_trimmed(s[start]):
            start += 1
        while end > start and is_trimmed(s[end - 1]):
            end -= 1
        if start == end:
            continue
        token = text[start:end]
        if 6 <= end - start <= 16 and all_letters(s, start, end) and token not in known:
            pending.extend(split_glued(token))
        else:
            pending.append(token)
    flush(pending, codes, known)
    return tuple(codes)
