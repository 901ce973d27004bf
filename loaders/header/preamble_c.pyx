# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled preamble split (``preamble.py``): the end of the preamble, its five field
keywords and their values, read in one call in C instead of five regular expressions
over the upper-cased region and a Python loop per field.

``split_preamble(body)`` gives the :class:`~loaders.header.preamble.Preamble` that
``split_preamble_python`` (the reference and fallback; ``test_preamble_compiled.py``
compares) gives. A subject in which ``clean_subject_text`` may find a page mark or a
banner is cleaned by that function; the dataclass is made by its record maker (slots
filled in place, without the ``__init__`` frame: see ``loaders/record_maker.py``).

Keywords are looked for in the region as ``str.upper`` gives it: read in place through
a table of the upper case of Latin-1 (General Punctuation has no case); a region with
another character (``ß``, ``ſ``, ``ı``, ``ﬁ`` ...) is upper-cased by Python and its
offsets used in the region, as the Python code uses them.
"""

from loaders.header.preamble_keys_c cimport CBY, EO, NFIELDS, REF, SUBJECT, TAGS, find_fields
from loaders.header.preamble_text_c cimport (
    LIMIT, PyUnicode_FromKindAndData, Py_UCS1, Py_UCS2, blank_line, chars, collapse, find,
    names_reason, preamble_end, ref_end, strips, subject_hint,
)


cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)


cdef enum:
    REF_LIMIT = 600  # preamble.MAX_REF
    CBY_LIMIT = 300

MAX_PREAMBLE = LIMIT
MAX_REF = REF_LIMIT
#: The field names, by index (``preamble._FIELDS``'s).
FIELD_NAMES = ("eo", "tags", "subject", "ref", "cby")
#: ``chr(c).upper()`` of each Latin-1 character; NO_FOLD where it is not one character.
cdef Py_UCS4 NO_FOLD = 0xFFFFFFFF
cdef Py_UCS4 UPPER[256]
for _c in range(256):
    _u = chr(_c).upper()
    UPPER[_c] = ord(_u) if len(_u) == 1 else NO_FOLD
#: ``ß`` is the only Latin-1 character whose upper case is not one character.
cdef bint ONLY_SHARP_S = all((UPPER[_c] == NO_FOLD) == (_c == 0xDF) for _c in range(256))
#: 1 + the field whose keyword a Latin-1 character opens (0: none), in the region read
#: through ``UPPER`` and in a region already upper-cased.
cdef unsigned char OPENS_FOLDED[256]
cdef unsigned char OPENS_UPPER[256]
for _f, _first in enumerate("ETSRC"):
    for _c in range(256):
        OPENS_FOLDED[_c] = _f + 1 if UPPER[_c] == ord(_first) else OPENS_FOLDED[_c]
    OPENS_UPPER[ord(_first)] = _f + 1
#: Only ASCII letters open a keyword, read through ``UPPER`` (``find_fields`` then skips
#: blocks without the letters).
cdef bint ASCII_OPENS = all(
    not OPENS_FOLDED[_c] or chr(_c).isascii() and chr(_c).isalpha() for _c in range(256)
)
#: General Punctuation (U+2000-U+206F: quotes, dashes, spaces) is its own upper case.
PUNCTUATION_FOLDS = all(chr(_c).upper() == chr(_c) for _c in range(0x2000, 0x2070))
cdef bint PUNCT_OK = PUNCTUATION_FOLDS
#: ``Preamble``'s fields, in the order ``parts_of`` gives their values (a test compares).
SLOTS = ("head", "decl", "tags", "subject", "ref", "classified_by", "end")
#: What ``preamble.py`` (which imports this module) gives, read at the first split: the
#: maker of its dataclass (slots filled in place, see :mod:`loaders.record_maker`) and the
#: subject cleaner.
cdef object make_preamble = None
cdef object clean_subject_text = None
#: The output of a value (never longer than the region it is read from); made a str
#: before any Python code runs (the subject cleaner, the next value).
cdef Py_UCS4 BUF[LIMIT]


cdef bint folds(const chars* s, Py_ssize_t n) noexcept nogil:
    """Is every character of ``s[:n]`` one whose upper case ``up`` knows?"""
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    if chars is Py_UCS1 and ONLY_SHARP_S:
        return find(s, 0, n, 0xDF) == n
    for i in range(n):
        c = s[i]
        if c < 256:
            if UPPER[c] == NO_FOLD:
                return False
        elif not (PUNCT_OK and 0x2000 <= c < 0x2070):
            return False
    return True


cdef int fields_of(str text, Py_ssize_t m, bint fold, Py_ssize_t* starts, Py_ssize_t* ends):
    """``find_fields`` in ``text[:m]``, upper-cased by the table when ``fold``."""
    cdef const Py_UCS4* upper = UPPER if fold else NULL
    cdef const unsigned char* opens = &OPENS_FOLDED[0] if fold else &OPENS_UPPER[0]
    cdef bint ascii_opens = ASCII_OPENS or not fold
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    if kind == 1:
        return find_fields(<Py_UCS1*> data, m, upper, opens, ascii_opens, starts, ends)
    if kind == 2:
        return find_fields(<Py_UCS2*> data, m, upper, opens, ascii_opens, starts, ends)
    return find_fields(<Py_UCS4*> data, m, upper, opens, ascii_opens, starts, ends)


cdef Py_ssize_t value_of(
    const chars* s, Py_ssize_t a, Py_ssize_t b, int field, chars* out
) noexcept nogil:
    """The value of ``field`` read from ``s[a:b]`` into ``out`` (``split_preamble_python``'s
    loop): its length."""
    cdef Py_ssize_t n, k
    if field != REF:
        n = collapse(s, a, blank_line(s, a, b), out, LIMIT)
        if field == CBY and not names_reason(out, n):
            n = collapse(s, a, b, out, CBY_LIMIT)
        return n
    n = collapse(s, a, ref_end(s, a, b), out, LIMIT)
    if n <= REF_LIMIT:
        return n
    for k in range(REF_LIMIT - 1, -1, -1):  # value[:MAX_REF].rsplit(" ", 1)[0]
        if out[k] == 0x20:
            return k
    return REF_LIMIT


cdef tuple parts_of(const chars* s, str body, int kind, Py_ssize_t length):
    """The fields of a ``Preamble`` of a body of ``kind`` read as ``s``, in order."""
    cdef Py_ssize_t end = preamble_end(s, length)
    cdef Py_ssize_t starts[NFIELDS]
    cdef Py_ssize_t ends[NFIELDS]
    cdef int order[NFIELDS]
    cdef int count = 0, f, k, field
    cdef Py_ssize_t a, b, n
    cdef chars* out = <chars*> BUF
    if folds(s, end):
        fields_of(body, end, True, starts, ends)
    else:  # offsets in the upper-cased region, used in the region (as Python does)
        upper = body[:end].upper()
        fields_of(upper, len(upper), False, starts, ends)
    for f in range(NFIELDS):  # the fields found, by start
        if starts[f] >= 0:
            k = count
            while k and starts[order[k - 1]] > starts[f]:
                order[k] = order[k - 1]
                k -= 1
            order[k] = f
            count += 1
    values = [None] * NFIELDS
    for k in range(count):
        field = order[k]
        a = min(ends[field], end)
        b = max(a, min(starts[order[k + 1]], end) if k + 1 < count else end)
        n = value_of(s, a, b, field, out)
        if field != SUBJECT:
            values[field] = PyUnicode_FromKindAndData(kind, out, n)
        elif subject_hint(out, n):
            values[field] = clean_subject_text(PyUnicode_FromKindAndData(kind, out, n)) or None
        else:  # clean_subject_text of a value with no hint: its ends stripped
            a = 0
            while a < n and strips(out[a]):
                a += 1
            while n > a and strips(out[n - 1]):
                n -= 1
            if n > a:
                values[field] = PyUnicode_FromKindAndData(kind, out + a, n - a)
    head = body[: min(starts[order[0]], end) if count else end]
    return (head, values[EO], values[TAGS], values[SUBJECT], values[REF], values[CBY], end)


cdef int load() except -1:
    global make_preamble, clean_subject_text
    from loaders.header import preamble
    from loaders.record_maker import record_maker

    clean_subject_text = preamble.clean_subject_text
    make_preamble = record_maker(preamble.Preamble)
    return 0


def split_preamble(str body not None):
    """The preamble fields of a body, as ``split_preamble_python`` reads them."""
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if make_preamble is None:
        load()
    if kind == 1:
        values = parts_of(<Py_UCS1*> data, body, kind, len(body))
    elif kind == 2:
        values = parts_of(<Py_UCS2*> data, body, kind, len(body))
    else:
        values = parts_of(<Py_UCS4*> data, body, kind, len(body))
    return make_preamble(*values)
