# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled reader of the official of a ``Classified By`` value (``authority.py``), for
ASCII text and ``’`` (read as ``'``, as every pattern there reads them alike): the
patterns ignore case, and past ASCII that reaches ``ſ``, ``ı`` and the Kelvin sign; their
whitespace and digits are Unicode's. Any other text raises :class:`Declined` and the
pure-Python reference reads it (``reasons_c`` and ``signers_c`` decline by it too).

``classified_by(value)`` is ``parse_classified_by_python(value)``; it also declines where
the trailing pattern could read a final newline. The patterns are scanned in
``authority_cut_c.pxd``; ``tests/loaders/test_authority_compiled.py`` compares the reader
with the reference.
"""

from loaders.header.ascii_c cimport (
    PyUnicode_DATA, ascii_data, has_char, has_lower, in_chars, is_alpha, is_lower, is_space,
    is_upper, skip_space, strip_end, strip_start, text_t, upper, word_at,
)
from loaders.header.authority_cut_c cimport cut_start, lead_end, trail_start
from loaders.header.tables import title_words
from loaders.record import ClassifiedBy
from loaders.record_maker import record_maker

cdef enum:
    LONGEST_TOKEN = 64  # longer tokens are no title word (the longest has 20 letters)
    HEAD = 120  # a value with no reasons: its official is looked for in this many characters
    BLOOM_BITS = 4096
    BLOOM_BYTES = 512

#: ``ClassifiedBy(name, title)`` with its slots filled in place (see :mod:`loaders.record_maker`).
cdef object MAKE_OFFICIAL = record_maker(ClassifiedBy)

cdef object _TITLE_WORDS = None
cdef unsigned char _MAYBE_TITLE[BLOOM_BYTES]  # bits of the title words' two hashes


class Declined(ValueError):
    """Text the compiled reader leaves to the pure-Python reference."""


cdef object official(str name, object title):
    """``ClassifiedBy(name, title)``."""
    return MAKE_OFFICIAL(name, title)


cdef inline unsigned int fnv(const char* word, Py_ssize_t n) noexcept:
    cdef unsigned int h = 2166136261u
    cdef Py_ssize_t i
    for i in range(n):
        h = (h ^ <unsigned char> word[i]) * 16777619u
    return h


cdef inline bint maybe_title(const char* word, Py_ssize_t n) noexcept:
    """False when ``word`` is no title word (True: it may be one)."""
    cdef unsigned int h = fnv(word, n), x = h % BLOOM_BITS, y = (h >> 16) % BLOOM_BITS
    return (_MAYBE_TITLE[x >> 3] >> (x & 7)) & (_MAYBE_TITLE[y >> 3] >> (y & 7)) & 1


cdef load_title_words():
    """The title words (``tables.title_words``), and their filter: an upper-cased token
    whose bits are not both set is no title word, and skips the set lookup."""
    global _TITLE_WORDS
    cdef bytes word
    cdef unsigned int h, x, y
    words = title_words()
    for text in words:
        if text.isascii():
            word = text.encode("ascii")
            h = fnv(word, len(word))
            x, y = h % BLOOM_BITS, (h >> 16) % BLOOM_BITS
            _MAYBE_TITLE[x >> 3] |= 1 << (x & 7)
            _MAYBE_TITLE[y >> 3] |= 1 << (y & 7)
    _TITLE_WORDS = words


# ---- split_name_title and is_title_token

cdef inline bint is_name_suffix(const char* bare, Py_ssize_t n) noexcept:
    """``JR SR II III IV`` (``authority._NAME_SUFFIXES``)."""
    if n == 2:
        return (bare[1] == c'R' and (bare[0] == c'J' or bare[0] == c'S')) or (
            bare[0] == c'I' and (bare[1] == c'I' or bare[1] == c'V')
        )
    return n == 3 and bare[0] == c'I' and bare[1] == c'I' and bare[2] == c'I'


cdef bint is_title_token(text_t s, Py_ssize_t a, Py_ssize_t b, bint mixed):
    cdef Py_ssize_t i, ba = a, bb = b, capitals = 0, lowers = 0
    cdef char bare[LONGEST_TOKEN]
    while ba < bb and in_chars(s[ba], b".,;:"):
        ba += 1
    while bb > ba and in_chars(s[bb - 1], b".,;:"):
        bb -= 1
    for i in range(ba, bb if bb - ba <= LONGEST_TOKEN else ba):
        bare[i - ba] = <char> upper(s[i])
    if is_name_suffix(bare, bb - ba):
        return False
    for i in range(a, b):
        if s[i] == 47:  # /
            return True
        capitals += is_upper(s[i])
        lowers += is_lower(s[i])
    if not is_alpha(s[a]):
        return True
    if (
        bb - ba <= LONGEST_TOKEN
        and maybe_title(bare, bb - ba)
        and bare[:bb - ba].decode("ascii") in _TITLE_WORDS
    ):
        return True
    if not mixed:
        return False
    if capitals and not lowers:  # str.isupper
        return 1 < b - a <= 4 and not has_char(s, a, b, 46)  # an acronym, no "."
    return is_lower(s[a]) or capitals >= 3


cdef int token_count(
    text_t s, Py_ssize_t a, Py_ssize_t b, Py_ssize_t* starts, Py_ssize_t* ends
) noexcept:
    """Tokens of ``s[a:b]`` (``str.split()``), at most 5 counted, the first 4 kept."""
    cdef int count = 0
    cdef Py_ssize_t i = a
    while True:
        i = skip_space(s, i, b)
        if i >= b or count == 5:
            return count
        if count < 4:
            starts[count] = i
        while i < b and not is_space(s[i]):
            i += 1
        if count < 4:
            ends[count] = i
        count += 1


cdef bint is_name_run(text_t s, Py_ssize_t a, Py_ssize_t b, bint mixed):
    cdef Py_ssize_t starts[4]
    cdef Py_ssize_t ends[4]
    cdef int k, count = token_count(s, a, b, starts, ends)
    if not 2 <= count <= 4:
        return False
    for k in range(count):
        if is_title_token(s, starts[k], ends[k], mixed):
            return False
    return True


cdef object split_name_title(str head, text_t s, Py_ssize_t a, Py_ssize_t b):
    cdef bint mixed = has_lower(s, a, b)
    cdef Py_ssize_t i, pa, pb, found_a = -1, found_b = -1
    cdef list parts = []
    cdef Py_ssize_t start, count
    i = a
    while i <= b:  # the parts between commas, stripped, the first name run kept apart
        pa = i
        while i < b and s[i] != 44:
            i += 1
        pb = i
        i += 1
        while pa < pb and is_space(s[pa]):
            pa += 1
        while pb > pa and is_space(s[pb - 1]):
            pb -= 1
        if pa == pb:
            continue
        if found_a < 0 and is_name_run(s, pa, pb, mixed):
            found_a, found_b = pa, pb
        else:
            parts.append(head[pa:pb])
    if found_a >= 0:
        return official(head[found_a:found_b], ", ".join(parts) or None)
    # else the name: up to 4 tokens (commas read as spaces) back from the end that are
    # no title word, read backwards; what is before them is the title
    i, start, count = b, b, 0
    while count < 4:
        while i > a and (is_space(s[i - 1]) or s[i - 1] == 44):
            i -= 1
        if i == a:
            break
        pb = i
        while i > a and not (is_space(s[i - 1]) or s[i - 1] == 44):
            i -= 1
        if is_title_token(s, i, pb, mixed):
            break
        start, count = i, count + 1
    if count == 0:
        return None
    title = joined(head, s, a, start)
    return official(joined(head, s, start, b), title.strip(" ,;") or None)


cdef inline bint is_separator(unsigned int c) noexcept:
    return is_space(c) or c == 44


cdef str joined(str head, text_t s, Py_ssize_t a, Py_ssize_t b):
    """``" ".join(head[a:b].replace(",", " ").split())``: the slice itself when its tokens
    are one space apart."""
    cdef Py_ssize_t i
    while a < b and is_separator(s[a]):
        a += 1
    while b > a and is_separator(s[b - 1]):
        b -= 1
    for i in range(a, b):
        if is_separator(s[i]) and (s[i] != 32 or is_separator(s[i + 1])):
            return " ".join(head[a:b].replace(",", " ").split())
    return head[a:b]


def classified_by(str value not None):
    cdef str scan = value
    cdef text_t s = ascii_data(value)
    if s == NULL:  # ’ reads as ' everywhere (is_title_token puts ' for it): read it so
        scan = value.replace("’", "'")
        s = ascii_data(scan)
        if s == NULL:
            raise Declined("not ASCII")
    cdef Py_ssize_t a = 0, b = len(value), cut, end
    if _TITLE_WORDS is None:
        load_title_words()
    while a < b and is_space(s[a]):
        a += 1
    while b > a and is_space(s[b - 1]):
        b -= 1
    a = lead_end(s, a, b)
    cut = cut_start(s, a, b)
    cut = cut if cut >= 0 else min(b, a + HEAD)
    # the head as written (its names are sliced from it) and as read (``shead``)
    cdef str head = value[a:cut], shead = head if scan is value else scan[a:cut]
    if ";" in shead:
        shead = shead.replace(";", " ")
        head = shead if scan is value else head.replace(";", " ")
    s = <text_t> PyUnicode_DATA(shead)
    b = strip_end(s, 0, len(shead), b" .,;:")
    a = strip_start(s, 0, b, b" .,;:")
    end = b
    while end > a and is_space(s[end - 1]):
        end -= 1
    if end > a and (
        s[end - 1] == 41
        or (end - a >= 2 and word_at(s, end - 2, end, b"by"))
        or (end - a >= 3 and word_at(s, end - 3, end, b"for"))
    ):
        if end != b:
            raise Declined("a trailing pattern before whitespace")
        if a or b != len(shead):
            shead, head = shead[a:b], (shead[a:b] if scan is value else head[a:b])
            s = <text_t> PyUnicode_DATA(shead)
            a, b = 0, len(shead)
        b = trail_start(s, b)
    b = strip_end(s, a, b, b" .,;:")
    a = strip_start(s, a, b, b" .,;:")
    return split_name_title(head, s, a, b)
