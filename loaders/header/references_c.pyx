# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled REF line (``references.py``): the references of a value of ASCII (and
``¶``) read in one C pass, instead of the bullet regexes, the kind patterns and the cable
regex loop of the reference ``parse_references_python``.

``references_ascii(value, citing_id, year)`` gives what ``parse_references_python`` gives,
or None where it declines: a value holding a character past ASCII but ``¶`` (``str.upper``
and ``re`` read those otherwise), a non-ASCII citing id, the ``A ... REF B ...`` form
(rewritten by regex first), and a citing id whose serial is too long for a C double; the
reference reads those. ``tests/loaders/test_references_compiled.py`` compares both. The
patterns are read by hand in ``references_scan_c.pxd``; stations are canonicalised by
``stations.canonical_station`` (Python, cached), alias lookups are Python dict lookups.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND
from libc.string cimport memcmp

from loaders.header.ascii_c cimport is_digit, is_space, is_upper as is_up
from loaders.header.references_scan_c cimport (
    NOT_CABLE_BIT, Cable, bullet_at, chars, kind_bits, more_at, next_cable, ref_bullet, spaces,
    write_name,
)


from loaders.header.stations import canonical_station
from loaders.header.tables import station_aliases
from loaders.record import RefKind
from loaders.record_maker import make_reference as make_reference_record

cdef extern from "Python.h":
    object PyUnicode_DecodeLatin1(const char* s, Py_ssize_t size, const char* errors)

#: Words that are no station (``references._NOT_STATION``; the test compares).
NOT_STATION = frozenset(
    """AND OR THE OF ON IN DTG REF REFS REFTEL REFTELS PREVIOUS PARA PARAS PARAGRAPH NO
    NUMBER NR DATED SEPTEL EMAIL E-MAIL TELCON MEMO REPORT PAGE SECTION FROM TO AT BY ALSO
    SEE IIR FAM FAH POINTS OSC TD TDX JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC
    JANUARY FEBRUARY MARCH APRIL JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER
    """.split()
)
#: ``references._SERIAL_SLACK`` (the test compares).
SERIAL_SLACK = (1.05, 20)
cdef object CABLE = RefKind.CABLE, MESSAGE = RefKind.MESSAGE, OTHER = RefKind.OTHER
#: The kinds of the bits of ``kind_bits`` (EMAIL_BIT ... MEMO_BIT), in order.
cdef tuple KINDS = (RefKind.EMAIL, RefKind.TELCON, MESSAGE, RefKind.REPORT, RefKind.MEMO)
cdef tuple LETTERS = tuple(chr(c) for c in range(ord("Z") + 1))  # the bullets by code

_TWO_DIGITS = tuple(f"{year:02d}" for year in range(100))
#: ``Reference(*fields)`` with its slots filled in place (see :mod:`loaders.record_maker`).
cdef object MAKE_REFERENCE = make_reference_record

cdef enum:
    LONGEST = 16  # no word of NOT_STATION is longer
# NOT_STATION by length: the words of length L are _NS_WORDS[_NS_FROM[L]:_NS_FROM[L + 1]]
_NS_BYTES = sorted((word.encode() for word in NOT_STATION), key=len)
cdef const char* _NS_WORDS[128]
cdef Py_ssize_t _NS_FROM[LONGEST + 2]


cdef void fill_not_station():
    cdef bytes word
    cdef Py_ssize_t k, length = 0
    if len(_NS_BYTES) > 128 or max(map(len, _NS_BYTES)) > LONGEST:
        raise ValueError("references_c: NOT_STATION outgrew its C table")
    for k, word in enumerate(_NS_BYTES):
        _NS_WORDS[k] = <const char*>word
        while length < len(word):
            length += 1
            _NS_FROM[length] = k
    while length <= LONGEST:
        length += 1
        _NS_FROM[length] = len(_NS_BYTES)


fill_not_station()


cdef inline bint not_station(chars c, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """``c[a:b]`` is one of :data:`NOT_STATION`."""
    cdef Py_ssize_t k
    if b - a > LONGEST:
        return False
    for k in range(_NS_FROM[b - a], _NS_FROM[b - a + 1]):
        if _NS_WORDS[k][0] == c[a] and memcmp(c + a, _NS_WORDS[k], b - a) == 0:
            return True
    return False


cdef inline object kind_of(int bits):
    """``references.classify_other`` of a text of these :func:`kind_bits`: the kind of
    the lowest bit (the first pattern of ``_KIND_WORDS`` that occurs)."""
    cdef int k
    for k in range(5):
        if bits & (1 << k):
            return KINDS[k]
    return OTHER


cdef str ascii_str(chars c, Py_ssize_t a, Py_ssize_t b):
    return PyUnicode_DecodeLatin1(<const char*>c + a, b - a, NULL)


cdef class Citing:
    """What ``references.year_of_cited`` needs of the citing cable, read once: its
    station, the highest serial still of its year and the year before, when its id reads
    ``(\\d{2})([A-Z]+?)(\\d+)`` and the ``year`` given ends with its year."""

    cdef str citing_id, year2, station, before  # station: None when no rule applies
    cdef double most
    cdef str last_name  # the station the last match named, as written, and its key
    cdef object last_key

    cdef bint read(self, str citing_id, str year) except -1:
        """False when the citing id's serial is too long to read here."""
        cdef chars ci = <chars>PyUnicode_DATA(citing_id)
        cdef Py_ssize_t m = len(citing_id), k = 2, j
        cdef long long serial = 0
        self.citing_id, self.year2 = citing_id, year[max(len(year) - 2, 0):]
        self.station = None
        if m < 4 or not (is_digit(ci[0]) and is_digit(ci[1])) or citing_id[:2] != self.year2:
            return True
        while k < m and is_up(ci[k]):
            k += 1
        for j in range(k, m):
            if not is_digit(ci[j]):
                return True
            serial = serial * 10 + ci[j] - 48
        if k == 2 or k == m:
            return True
        if m - k > 15:
            return False
        factor, slack = SERIAL_SLACK
        self.most = serial * factor + slack  # Python arithmetic, as the reference's
        self.station = citing_id[2:k]
        self.before = _TWO_DIGITS[((ci[0] - 48) * 10 + ci[1] - 48 + 99) % 100]
        return True

    cdef inline str year_of(self, str key, long serial):
        """The year of a cited cable of station ``key`` written without one."""
        if self.station is not None and serial > self.most and key == self.station:
            return self.before
        return self.year2


cdef inline object make_reference(tuple fields):
    """``Reference(*fields)``, made by the record maker (no ``__init__`` call)."""
    return MAKE_REFERENCE(*fields)


cdef inline void add(list refs, tuple fields) except *:
    """Keep ``fields`` once, in order (the reference's dict; the lists are short)."""
    if fields not in refs:
        refs.append(fields)


cdef object station_key(chars c, unsigned char* scratch, Cable* m, Py_ssize_t first,
                        Citing citing):
    """``canonical_station`` of the station a match names; asked once for a station
    named again and again in a row (``A. BAKU 1761 B. BAKU 1819``)."""
    cdef Py_ssize_t length = write_name(c, scratch, m, first, True)
    cdef str last = citing.last_name
    if last is not None and len(last) == length and memcmp(
            PyUnicode_DATA(last), scratch, length) == 0:
        return citing.last_key
    citing.last_name = ascii_str(scratch, 0, length)
    citing.last_key = canonical_station(citing.last_name)
    return citing.last_key


cdef bint is_station(chars c, unsigned char* scratch, Cable* m, Py_ssize_t* first) except -1:
    """``references.cable_mentions``' test of a match's words: ``first`` is the first
    word after the leading ones that are no station or one letter."""
    cdef Py_ssize_t k = 0
    while k < m.words and (
            m.word_b[k] - m.word_a[k] == 1 or not_station(c, m.word_a[k], m.word_b[k])):
        k += 1
    first[0] = k
    if k == m.words:
        return False
    for k in range(k, m.words):
        if c[m.word_b[k] - 1] == 45 or not_station(c, m.word_a[k], m.word_b[k]):  # "-"
            joined = ascii_str(scratch, 0, write_name(c, scratch, m, first[0], False))
            return joined in station_aliases()
    return True


cdef read_bullet(chars c, unsigned char* scratch, Py_ssize_t a, Py_ssize_t b, object bullet,
                 Citing citing, list refs):
    """Add the references of one bullet's text ``c[a:b]`` to ``refs``, as
    ``references.parse_references_python`` does."""
    cdef Py_ssize_t sa, sb, pos, more, first
    cdef Cable m
    cdef long serial
    cdef bint found = False
    a = spaces(c, a, b)
    while b > a and is_space(c[b - 1]):
        b -= 1
    if a == b:
        return
    sa, sb = a, b
    while sa < sb and (c[sa] == 32 or c[sa] == 44 or c[sa] == 59 or c[sa] == 46):  # " ,;."
        sa += 1
    while sb > sa and (c[sb - 1] == 32 or c[sb - 1] == 44 or c[sb - 1] == 59 or c[sb - 1] == 46):
        sb -= 1
    text = ascii_str(c, sa, sb)
    cdef int bits = kind_bits(c, a, b)
    kind = kind_of(bits)
    if kind is not MESSAGE and not bits & NOT_CABLE_BIT:
        pos = a
        while next_cable(c, pos, a, b, &m):
            pos = m.end
            if not is_station(c, scratch, &m, &first):
                pos = m.word_b[0]
                continue
            found = True
            key = station_key(c, scratch, &m, first, citing)
            if m.suffix_a >= 0:
                written = ascii_str(c, m.suffix_a, m.suffix_a + 2)
            elif m.year_a >= 0:
                written = ascii_str(c, m.year_b - 2, m.year_b)
            else:
                written = None
            serial = m.serial
            while True:
                year = written if written is not None else citing.year_of(key, serial)
                cable_id = f"{year}{key}{serial}"
                if cable_id != citing.citing_id:
                    add(refs, (bullet, CABLE, cable_id, text))
                more = more_at(c, pos, b, &serial)
                if more < 0:
                    break
                pos = more
    if not found:
        add(refs, (bullet, kind, None, text))


def references_ascii(value, citing_id, year):
    """``parse_references_python(value, citing_id=citing_id, year=year)``, or None where
    this reading declines (see the module's docstring)."""
    if type(value) is not str or type(citing_id) is not str or type(year) is not str:
        return None
    if not value:
        return ()
    if PyUnicode_KIND(value) != 1 or not citing_id.isascii():
        return None
    citing = Citing()
    if not citing.read(citing_id, year):
        return None
    cdef Py_ssize_t n = len(value)
    cdef unsigned char* c = <unsigned char*>PyMem_Malloc(2 * n)  # the text, then scratch
    if c == NULL:
        raise MemoryError()
    try:
        return read_value(value, c, n, citing)
    finally:
        PyMem_Free(c)


cdef read_value(str value, unsigned char* c, Py_ssize_t n, Citing citing):
    """The references of ``value`` (``c`` holds ``2 * n`` bytes), or None."""
    cdef chars src = <chars>PyUnicode_DATA(value)
    cdef Py_ssize_t i, a, b, last, end
    cdef int letter, bullet = -1
    cdef unsigned char ch
    for i in range(n):  # value.upper().replace("¶", " ")
        ch = src[i]
        if ch == 0xB6:
            c[i] = 32
        elif ch >= 128:
            return None
        else:
            c[i] = ch - 32 if 97 <= ch <= 122 else ch
    a = spaces(c, 0, n)
    b = n
    while b > a and is_space(c[b - 1]):
        b -= 1
    if ref_bullet(c, a, b):
        return None
    refs = []
    last = a
    for i in range(a, b):  # split_bullets: the next letter, or the same again
        letter = bullet_at(c, i, a, b, &end)
        if letter < 0 or (letter != (65 if bullet < 0 else bullet + 1) and letter != bullet
                          and not (bullet < 0 and i == a)):
            continue
        read_bullet(c, c + n, last, i, LETTERS[bullet] if bullet >= 0 else None, citing, refs)
        bullet, last = letter, end
    read_bullet(c, c + n, last, b, LETTERS[bullet] if bullet >= 0 else None, citing, refs)
    return tuple([make_reference(fields) for fields in refs])
