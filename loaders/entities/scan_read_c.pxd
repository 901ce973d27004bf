# cython: language_level=3
"""Inline helpers of ``scan_c.pyx`` (``cimport`` only; no module of its own): reading a
run the table has not seen, into the pieces (segments) its entry will hold, as
``scan.scan_kept_python`` reads it: a lone word is kept when it is in ``lone``, in
``keep`` less a closing full stop (not a sentence start) or has a mark; a run of several
words is cut after sentence-ending words and each segment is kept when a word is in
``keep`` (as written, or the last one less its full stop) or it has a mark."""

from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from libc.stdlib cimport realloc

from loaders.entities.inplace_c cimport ends_sentence
from loaders.entities.scan_table_c cimport Piece
from loaders.entities.scan_text_c cimport Spans, chars, marks_between


cdef struct Pieces:
    Piece* data  # their references owned until a table entry takes them over
    Py_ssize_t size
    Py_ssize_t capacity


cdef inline void drop_pieces(Pieces* pieces) noexcept:
    """Forget every piece (their references dropped)."""
    cdef Py_ssize_t k
    for k in range(pieces.size):
        Py_XDECREF(pieces.data[k].words)
        Py_XDECREF(pieces.data[k].raw)
    pieces.size = 0


cdef inline int push_piece(
    Pieces* pieces, Py_ssize_t start, Py_ssize_t end, tuple words, str raw
) except -1:
    cdef Piece* grown
    if pieces.size + 1 > pieces.capacity:
        grown = <Piece*> realloc(pieces.data, (2 * pieces.capacity + 8) * sizeof(Piece))
        if grown == NULL:
            raise MemoryError("scan_c: no memory for segments")
        pieces.data, pieces.capacity = grown, 2 * pieces.capacity + 8
    Py_INCREF(words)
    Py_INCREF(raw)
    pieces.data[pieces.size].start, pieces.data[pieces.size].end = start, end
    pieces.data[pieces.size].words = <PyObject*> words
    pieces.data[pieces.size].raw = <PyObject*> raw
    pieces.size += 1
    return 0


cdef inline int read_lone(
    str text, const chars* s, Py_ssize_t start, Py_ssize_t end, frozenset lone,
    frozenset keep, frozenset sentence_starts, Pieces* out,
) except -1:
    """The piece of the lone word ``text[start:end]``, when it may matter."""
    cdef str run = text[start:end]
    if (
        marks_between(s, start, end)
        or run in lone
        or (run[: len(run) - 1] in keep and run not in sentence_starts)
    ):
        push_piece(out, 0, end - start, (run,), run)
    return 0


cdef inline bint any_kept(
    tuple words, Py_ssize_t first, Py_ssize_t last, frozenset keep
) except -1:
    cdef Py_ssize_t k
    for k in range(first, last + 1):
        if words[k] in keep:
            return True
    return False


cdef inline tuple words_of(str text, const Py_ssize_t* span, Py_ssize_t count):
    """The words of a run (their spans in ``span``), as a tuple."""
    cdef tuple words = PyTuple_New(count)
    cdef str word
    cdef Py_ssize_t k
    for k in range(count):
        word = text[span[2 * k] : span[2 * k + 1]]
        Py_INCREF(word)
        PyTuple_SET_ITEM(words, k, word)
    return words


cdef inline int read_several(
    str text, const chars* s, Py_ssize_t base, const Spans* spans, frozenset keep,
    frozenset abbreviations, Pieces* out,
) except -1:
    """Cut a several-word run (word spans in ``spans``, from ``base``) after
    sentence-ending words; the segments that may matter as pieces in ``out``."""
    cdef Py_ssize_t count = spans.size // 2, first = 0, k, begin, end
    cdef const Py_ssize_t* span = spans.data
    cdef tuple words = words_of(text, span, count)
    cdef bint look = False
    cdef str word
    for k in range(count - 1):
        end = span[2 * k + 1]
        if s[end - 1] == 46 and (s[end] == 32 or s[end] == 10):
            look = True
            break
    for k in range(count):
        word = words[k]
        end = span[2 * k + 1]
        if k < count - 1 and not (
            look and s[end - 1] == 46 and ends_sentence(word, abbreviations)
        ):
            continue
        begin = span[2 * first]
        if (
            any_kept(words, first, k, keep)
            or marks_between(s, begin, end)
            or (s[end - 1] == 46 and word[: len(word) - 1] in keep)
        ):
            push_piece(
                out, begin - base, end - base,
                words if first == 0 and k == count - 1 else words[first : k + 1],
                text[begin:end],
            )
        first = k + 1
    return 0
