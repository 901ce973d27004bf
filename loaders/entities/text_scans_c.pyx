# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled read-only scans of body text (``text.py``, ``summary.py``):

- ``ascii_letter_counts(text, stop)``: the ASCII characters, capitals and small
  letters of ``text[:stop]``;
- ``ruler_run_start(text, start, end)``: where the first run of four or more ruler
  characters (``[-=_*]{4,}``) starts in ``text[start:end]``, or -1.

Each has a pure-Python reference (``text.ascii_letter_counts_python``,
``summary.ruler_run_start_python``) that it must equal and that is used when this
module is not built; ``tests/loaders/test_text_compiled.py`` compares them on every
corpus body and on generated text. Spans are clamped to the text as slicing would.
"""

from loaders.entities.text2_c cimport letter_counts1, letter_counts2
from loaders.entities.text_unicode_c cimport (
    Py_UCS1,
    Py_UCS2,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    chars,
    clamp_span,
    is_ruler_char,
)

cdef enum:
    RULER_RUN = 4  # ruler characters in a row that make a ruler


# For a Latin-1 character, what it adds to the three counts of ascii_letter_counts,
# packed in one integer: ASCII at bit 0, capital at COUNT_BITS, small letter at twice.
cdef enum:
    COUNT_BITS = 21
    COUNT_BLOCK = 1 << 20  # characters counted before unpacking (fields cannot overflow)
cdef unsigned long long LETTER_COUNTS[256]
for _code in range(256):
    LETTER_COUNTS[_code] = (
        (_code < 128)
        + ((0x41 <= _code <= 0x5A) << COUNT_BITS)
        + ((0x61 <= _code <= 0x7A) << (2 * COUNT_BITS))
    )


cdef void count_letters(
    const chars* src, Py_ssize_t stop, Py_ssize_t* counts
) noexcept nogil:
    cdef Py_ssize_t i, block = 0, block_stop
    cdef unsigned long long packed
    cdef unsigned long long mask = (1ULL << COUNT_BITS) - 1
    cdef Py_UCS4 ch
    counts[0] = counts[1] = counts[2] = 0
    if chars is Py_UCS1:  # 16 (8) at a time first (text2_c), then the rest
        block = letter_counts1(src, stop, counts)
    elif chars is Py_UCS2:
        block = letter_counts2(src, stop, counts)
    while block < stop:
        block_stop = min(block + COUNT_BLOCK, stop)
        packed = 0
        for i in range(block, block_stop):
            ch = src[i]
            if chars is Py_UCS1:
                packed += LETTER_COUNTS[ch]
            else:
                if ch < 256:
                    packed += LETTER_COUNTS[ch]
        counts[0] += packed & mask
        counts[1] += (packed >> COUNT_BITS) & mask
        counts[2] += packed >> (2 * COUNT_BITS)
        block = block_stop


def ascii_letter_counts(str text not None, Py_ssize_t stop):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t counts[3]
    stop = 0 if stop < 0 else (length if stop > length else stop)
    if kind == 1:
        count_letters(<Py_UCS1*>data, stop, counts)
    elif kind == 2:
        count_letters(<Py_UCS2*>data, stop, counts)
    else:
        count_letters(<Py_UCS4*>data, stop, counts)
    return counts[0], counts[1], counts[2]


cdef Py_ssize_t first_ruler_run(
    const chars* src, Py_ssize_t start, Py_ssize_t end
) noexcept nogil:
    cdef Py_ssize_t i, run = 0
    cdef Py_UCS4 ch
    for i in range(start, end):
        ch = src[i]
        if is_ruler_char(ch):
            run += 1
            if run == RULER_RUN:
                return i + 1 - RULER_RUN
        else:
            run = 0
    return -1


def ruler_run_start(str text not None, Py_ssize_t start, Py_ssize_t end):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    clamp_span(length, &start, &end)
    if kind == 1:
        return first_ruler_run(<Py_UCS1*>data, start, end)
    if kind == 2:
        return first_ruler_run(<Py_UCS2*>data, start, end)
    return first_ruler_run(<Py_UCS4*>data, start, end)
