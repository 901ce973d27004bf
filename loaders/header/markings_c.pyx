# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled searches of :mod:`loaders.header.markings`: the spaced-out banner in a whole
body, and the caveat words in the first lines of a preamble head.

``banner_start(text)`` is ``_BANNER_RE.search(text).start()`` (``-1``: no banner): the
first offset where ``C O N F I D E N T I A L``, ``S E C R E T`` or
``U N C L A S S I F I E D`` starts, each letter in either ASCII case, each space a space.
Every banner has spaces one, three and five characters after its start: SSE2 finds
those triples 16 (or 8) units at a time and only they are read further. Ignoring case,
``re`` also lets ``İ``, ``ı`` and ``ſ`` stand for a letter: where a triple's banner
holds any character past ASCII where a letter goes, the search declines (``DECLINED``)
and ``markings.py`` asks the regex.

``caveat_words(text, lines)`` is ``find_caveats_python(text.splitlines()[:lines])``
(``lines < 0``: every line) for ASCII text, and ``None`` for any other text (``re``
ignoring case, and ``\\b`` around a word, read letters past ASCII). A word counts where
it starts after a non-word character (or the start), ends before one (or the end), and
matches a caveat word, letters in either case, the spaces of
``FOR OFFICIAL USE ONLY`` spaces. No caveat word holds a line break, so the lines are
read where they stand, not joined.

``markings.py`` holds the pure-Python references (the fallback when this module is not
built); ``tests/loaders/test_markings_compiled.py`` compares them.
"""

from cpython.unicode cimport Py_UCS1, Py_UCS2, PyUnicode_DATA, PyUnicode_KIND

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    bint PyUnicode_IS_ASCII(object o)

ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4

cdef enum:
    OTHER = 0  # not a word character
    WORD = 1  # a word character
    START = 2  # a word character some caveat word starts with
    BREAK = 3  # a line break of ``str.splitlines``
    NO_BANNER = -1
    UNSURE = -2
    WORDS = 11
    LONGEST = 24

#: What :func:`banner_start` gives when the regex must decide.
DECLINED = UNSURE
#: The banners, in the order of ``markings._BANNER_RE``'s alternatives.
BANNERS = ("C O N F I D E N T I A L", "S E C R E T", "U N C L A S S I F I E D")
#: ``markings.CAVEAT_WORDS``, in its order (a test checks they agree).
CAVEAT_WORDS = (
    "NOFORN", "SIPDIS", "EXDIS", "NODIS", "LIMDIS", "STADIS", "ROGER", "CHEROKEE", "ORCON",
    "SENSITIVE", "FOR OFFICIAL USE ONLY",
)

cdef char BANNER_CHARS[3][LONGEST]
cdef Py_ssize_t BANNER_LEN[3]
cdef char WORD_CHARS[WORDS][LONGEST]
cdef Py_ssize_t WORD_LEN[WORDS]
cdef unsigned char CLASS[128]  # what an ASCII character is to the caveat scan (an enum)
cdef unsigned int FIRST[128]  # the bits of the caveat words a letter (either case) starts
cdef tuple WORD_OBJECTS = CAVEAT_WORDS


cdef void store(str word, char* chars, Py_ssize_t* length):
    """The ASCII ``word`` as C characters and their count (the tables below)."""
    cdef Py_ssize_t j
    length[0] = len(word)
    for j in range(length[0]):
        chars[j] = <char> ord(word[j])


assert len(CAVEAT_WORDS) == WORDS and max(map(len, BANNERS + CAVEAT_WORDS)) < LONGEST
for _k, _word in enumerate(BANNERS):
    store(_word, BANNER_CHARS[_k], &BANNER_LEN[_k])
for _k, _word in enumerate(CAVEAT_WORDS):
    store(_word, WORD_CHARS[_k], &WORD_LEN[_k])
    FIRST[ord(_word[0])] |= 1 << _k
    FIRST[ord(_word[0].lower())] |= 1 << _k
for _code in range(128):
    if chr(_code).isalnum() or _code == 0x5F:
        CLASS[_code] = START if FIRST[_code] else WORD
    elif chr(_code) in "\n\r\x0b\x0c\x1c\x1d\x1e":
        CLASS[_code] = BREAK


cdef inline unsigned int upper(unsigned int ch) noexcept nogil:
    """An ASCII small letter in upper case; any other character as it is."""
    return ch - 32 if 0x61 <= ch <= 0x7A else ch


cdef inline bint is_word(Py_UCS1 ch) noexcept nogil:
    """``\\w`` on ASCII: a letter, a digit or ``_``."""
    return CLASS[ch] == WORD or CLASS[ch] == START


cdef int banner_at(const chars* src, Py_ssize_t start, Py_ssize_t n) noexcept nogil:
    """1 when a banner starts at ``start``, 0 when none does, ``UNSURE`` when one may
    (a character past ASCII where its letter goes)."""
    cdef int k, result = 0
    cdef Py_ssize_t j, size
    cdef bint unsure
    cdef Py_UCS4 ch
    for k in range(3):
        size = BANNER_LEN[k]
        if start + size > n:
            continue
        unsure = False
        for j in range(size):
            ch = src[start + j]
            if BANNER_CHARS[k][j] == 0x20:
                if ch != 0x20:
                    break
            elif ch >= 128:
                unsure = True
            elif upper(ch) != <unsigned int> BANNER_CHARS[k][j]:
                break
        else:
            if not unsure:
                return 1
            result = UNSURE
    return result


cdef inline int try_triple(const chars* src, Py_ssize_t p, Py_ssize_t n) noexcept nogil:
    """What :func:`banner_at` says of the start before the space triple at ``p``."""
    return banner_at(src, p - 1, n) if p else 0


cdef Py_ssize_t first_banner(const chars* src, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t p = 0
    cdef unsigned int mask
    cdef int found
    if chars is Py_UCS1 and MK_SIMD:
        while p + 20 <= n:
            mask = mk_spaced8(<const unsigned char*>(src + p))
            while mask:
                found = try_triple(src, p + mk_lowest_bit(mask), n)
                if found:
                    return p + mk_lowest_bit(mask) - 1 if found == 1 else UNSURE
                mask &= mask - 1
            p += 16
    elif chars is Py_UCS2 and MK_SIMD:
        while p + 12 <= n:
            mask = mk_spaced16(<const unsigned short*>(src + p))
            while mask:
                found = try_triple(src, p + (mk_lowest_bit(mask) >> 1), n)
                if found:
                    return p + (mk_lowest_bit(mask) >> 1) - 1 if found == 1 else UNSURE
                mask &= mask - 1
            p += 8
    while p + 4 < n:
        if src[p] == 0x20 and src[p + 2] == 0x20 and src[p + 4] == 0x20:
            found = try_triple(src, p, n)
            if found:
                return p - 1 if found == 1 else UNSURE
        p += 1
    return NO_BANNER


def banner_start(str text not None):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    if kind == 1:
        return first_banner(<Py_UCS1*> PyUnicode_DATA(text), n)
    if kind == 2:
        return first_banner(<Py_UCS2*> PyUnicode_DATA(text), n)
    return first_banner(<Py_UCS4*> PyUnicode_DATA(text), n)


cdef int word_at(const Py_UCS1* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """The index of the caveat word at ``i`` (a word start), or -1."""
    cdef int k
    cdef unsigned int words = FIRST[src[i]]
    cdef Py_ssize_t j, size
    for k in range(WORDS):
        if not words & (1u << k):
            continue
        size = WORD_LEN[k]
        if i + size > n or (i + size < n and is_word(src[i + size])):
            continue
        for j in range(1, size):
            if upper(src[i + j]) != <unsigned int> WORD_CHARS[k][j]:
                break
        else:
            return k
    return -1


def caveat_words(str text not None, Py_ssize_t lines):
    if not PyUnicode_IS_ASCII(text):
        return None
    cdef const Py_UCS1* src = <const Py_UCS1*> PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0
    cdef int k, seen = 0, order[WORDS], count = 0
    cdef unsigned char kind, previous = OTHER
    if lines == 0:
        return ()
    while i < n:
        kind = CLASS[src[i]]
        if kind == START and previous == OTHER:
            k = word_at(src, i, n)
            if k >= 0:
                if not seen & (1 << k):
                    seen |= 1 << k
                    order[count] = k
                    count += 1
                i += WORD_LEN[k]
                previous = WORD  # the word's last letter
                continue
        elif kind == BREAK:
            if src[i] == 0x0D and i + 1 < n and src[i + 1] == 0x0A:
                i += 1
            lines -= 1
            if lines == 0:
                break
        previous = OTHER if kind == OTHER or kind == BREAK else WORD
        i += 1
    if count == 0:
        return ()
    return tuple([WORD_OBJECTS[order[k]] for k in range(count)])
