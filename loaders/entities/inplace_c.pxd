# cython: language_level=3
"""Inline helpers shared by the compiled entity modules (``cimport`` only; no module of
its own): named tuples built in place, and the word tests of ``scan.py`` (dotted
initials, a word without its closing full stop or possessive, a sentence's last word)."""

from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_SET_ITEM


cdef extern from *:
    """
    #define inplace_alloc_items(kind, n) PyType_GenericAlloc((PyTypeObject*)(kind), (n))
    """
    object alloc_items "inplace_alloc_items"(object kind, Py_ssize_t n)


cdef inline object new_tuple4(object kind, object a, object b, object c, object d):
    """``kind(a, b, c, d)`` for a named tuple ``kind`` of four fields, built in place
    (``tuple.__new__`` would first build the tuple of its arguments)."""
    cdef object item = alloc_items(kind, 4)
    Py_INCREF(a)
    PyTuple_SET_ITEM(item, 0, a)
    Py_INCREF(b)
    PyTuple_SET_ITEM(item, 1, b)
    Py_INCREF(c)
    PyTuple_SET_ITEM(item, 2, c)
    Py_INCREF(d)
    PyTuple_SET_ITEM(item, 3, d)
    return item


cdef inline bint is_dotted(str word):
    """``(?:[A-Z]\\.)+`` over the whole word (``U.S.``, ``J.``)."""
    cdef Py_ssize_t size = len(word), k
    if size == 0 or size % 2:
        return False
    for k in range(0, size, 2):
        if not (65 <= <Py_UCS4>word[k] <= 90) or <Py_UCS4>word[k + 1] != 46:
            return False
    return True


cdef inline str bare_word(str word, frozenset abbreviations):
    """``scan.bare_word``: the word without a closing full stop (not of initials or an
    abbreviation) or possessive (``'s``, ``’s``, ``'S``, ``s'``, ``s’``)."""
    cdef Py_ssize_t n = len(word)
    cdef Py_UCS4 last, prev
    if n == 0:
        return word
    last = word[n - 1]
    if n >= 2:
        prev = word[n - 2]
        if (last == 115 and (prev == 39 or prev == 0x2019)) or (last == 83 and prev == 39):
            return word[: n - 2]
        if prev == 115 and (last == 39 or last == 0x2019):
            return word[: n - 1]
    if last == 46 and not is_dotted(word) and word not in abbreviations:
        return word[: n - 1]
    return word


cdef inline bint ends_sentence(str word, frozenset abbreviations):
    """``scan.ends_sentence``: the word closes a sentence (a full stop that is not of
    initials or an abbreviation)."""
    cdef Py_ssize_t n = len(word)
    return (
        n > 0 and <Py_UCS4>word[n - 1] == 46
        and word not in abbreviations and not is_dotted(word)
    )
