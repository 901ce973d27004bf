# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled cores of :mod:`loaders.entities.requests`.

:class:`Subjects`: which request verbs have a subject just before them (``post``,
``embassy``, ``we`` ... in any ASCII case) or start with ``Please``: all the verbs of a
cable tested in one call, each window read in C (``subject_cues_python`` in
``requests.py`` is the reference, ``tests/loaders/test_requests_subjects.py`` compares).

:class:`PairStarts`, the core of :func:`loaders.entities.requests.search_generic`: the generic
request pattern tried only where a word starts with two letters such a request can start
with, the words found by a C loop over the window instead of a regular expression and a
Python loop over every word start. ``search_generic_python`` in ``requests.py`` is the
reference (``tests/loaders/test_requests_generic.py`` compares both with the pattern
searched at every offset).

With ``words`` (the starts every match begins with: ASCII letters and spaces), a pair is
tried only where one of them begins. A word without capitals is read as
``re.IGNORECASE`` reads it: ASCII letters in either case, ``İ``/``ı`` as ``i``, ``ſ``
as ``s``, Kelvin ``K`` as ``k`` (no other character is an ASCII letter under it;
``test_requests_generic.py`` checks); a word with a capital (``Please``) as written. A
space stands for a run of whitespace as the pattern's ``\\s+`` reads it
(``str.isspace``): ``we re`` begins ``We  request``. Five calls of the pattern in six
failed on the corpus before (``com``, ``cou``, ``pol``, ``we have`` ...).

A word starts at ``i`` as the pattern's ``\\b`` reads it: the character before ``i``
(before the window too: ``re`` looks there) is no word character (a letter or digit as
``str.isalnum`` tells, or ``_``); the pair's second character may lie past the window.
"""

from cpython.unicode cimport (
    Py_UNICODE_ISSPACE, Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)
from libc.string cimport memset

from loaders.entities.unicode_c cimport folded, is_word, unit


cdef enum:
    ASCII = 128
    MAX_WIDE = 8  # second characters past ASCII (ı, İ, ſ ...)
    SECONDS = ASCII + MAX_WIDE
    MAX_SUBJECTS = 32
    LONGEST_SUBJECT = 32
    MAX_WORDS = 32
    LONGEST_WORD = 32


cdef inline unsigned int ignorecase_letter(unsigned int c) noexcept:
    """The ASCII lower-case letter ``c`` is under ``re.IGNORECASE`` (else ``c`` itself)."""
    if c < 128:
        return c + 32 if 65 <= c <= 90 else c
    if c == 0x130 or c == 0x131:
        return 105  # i
    if c == 0x17F:
        return 115  # s
    if c == 0x212A:
        return 107  # k
    return c


cdef class PairStarts:
    """Pairs of characters (the first one ASCII) where a pattern may start a match."""

    cdef unsigned char allowed[ASCII][SECONDS]  # 1: first, second is a pair
    cdef Py_UCS4 wide[MAX_WIDE]  # the non-ASCII second characters, by index - ASCII
    cdef int wide_count
    cdef unsigned int words[MAX_WORDS][LONGEST_WORD]
    cdef Py_ssize_t word_sizes[MAX_WORDS]
    cdef bint word_exact[MAX_WORDS]  # a word with a capital: compared as written
    cdef int word_count  # 0: no word test

    def __cinit__(self, pairs, words=()):
        cdef str pair, word
        cdef int index
        cdef Py_ssize_t k
        memset(self.allowed, 0, sizeof(self.allowed))
        self.wide_count = 0
        self.word_count = 0
        for word in words:
            if (
                self.word_count == MAX_WORDS
                or not 1 <= len(word) <= LONGEST_WORD
                or not (word.isascii() and word.replace(" ", "").isalpha())
                or word.startswith(" ")
            ):
                raise ValueError("words: up to 32, ASCII letters and spaces, 1 to 32 of them")
            self.word_exact[self.word_count] = not word.islower()
            for k in range(len(word)):
                self.words[self.word_count][k] = ord(word[k])
            self.word_sizes[self.word_count] = len(word)
            self.word_count += 1
        for pair in pairs:
            if len(pair) != 2 or ord(pair[0]) >= ASCII:
                raise ValueError("pairs: two characters, the first one ASCII")
            index = self.second_index(pair[1])
            if index < 0:
                if self.wide_count == MAX_WIDE:
                    raise ValueError(f"pairs: at most {MAX_WIDE} non-ASCII second characters")
                self.wide[self.wide_count] = pair[1]
                index = ASCII + self.wide_count
                self.wide_count += 1
            self.allowed[ord(pair[0])][index] = 1

    cdef inline int second_index(self, Py_UCS4 c) noexcept:
        cdef int k
        if c < ASCII:
            return c
        for k in range(self.wide_count):
            if self.wide[k] == c:
                return ASCII + k
        return -1

    cdef bint starts_a_word(self, const unit* s, Py_ssize_t n, Py_ssize_t i) noexcept:
        """Does one of the words begin at ``i`` (or are there none to test)?"""
        cdef int j
        cdef Py_ssize_t k, at
        cdef unsigned int c, want
        if self.word_count == 0:
            return True
        for j in range(self.word_count):
            at = i
            for k in range(self.word_sizes[j]):
                want = self.words[j][k]
                if at >= n:
                    break
                c = s[at]
                if want == 32:  # a run of whitespace
                    if not Py_UNICODE_ISSPACE(c):
                        break
                    at += 1
                    while at < n and Py_UNICODE_ISSPACE(s[at]):
                        at += 1
                    continue
                if (c if self.word_exact[j] else ignorecase_letter(c)) != want:
                    break
                at += 1
            else:
                return True
        return False

    cdef object first_match(
        self, const unit* s, Py_ssize_t n, str text, Py_ssize_t start, Py_ssize_t end, object match
    ):
        cdef Py_ssize_t i
        cdef Py_UCS4 c
        cdef int index
        cdef object found
        for i in range(start, end):
            c = s[i]
            if c >= ASCII or i + 1 >= n:
                continue
            index = self.second_index(s[i + 1])
            if index < 0 or not self.allowed[c][index]:
                continue
            if i > 0 and is_word(s[i - 1]):
                continue
            if not self.starts_a_word(s, n, i):
                continue
            found = match(text, i, end)
            if found is not None:
                return found
        return None

    def search(self, str text, Py_ssize_t start, Py_ssize_t end, pattern):
        """The first match of ``pattern`` (``.match`` at a pair starting a word) in
        ``text[start:end]``, the window read as ``re`` reads ``pos`` and ``endpos``."""
        cdef Py_ssize_t n = len(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef object match = pattern.match
        start = min(max(start, 0), n)
        end = min(max(end, 0), n)
        if kind == PyUnicode_1BYTE_KIND:
            return self.first_match(<const Py_UCS1*> data, n, text, start, end, match)
        if kind == PyUnicode_2BYTE_KIND:
            return self.first_match(<const Py_UCS2*> data, n, text, start, end, match)
        return self.first_match(<const Py_UCS4*> data, n, text, start, end, match)


cdef class Subjects:
    """Subjects (ASCII, no capitals, 2 to 32 characters) looked for, in any ASCII case,
    in the ``window`` characters before a request verb; verbs starting with ``prefix``
    need none."""

    cdef Py_UCS4 chars[MAX_SUBJECTS][LONGEST_SUBJECT]
    cdef Py_ssize_t sizes[MAX_SUBJECTS]
    cdef int count
    cdef unsigned char starts[ASCII][ASCII]  # 1: a subject starts with this pair
    cdef Py_UCS4 prefix[LONGEST_SUBJECT]
    cdef Py_ssize_t prefix_size
    cdef Py_ssize_t window

    def __cinit__(self, subjects, Py_ssize_t window, str prefix):
        cdef str subject
        cdef Py_ssize_t k
        memset(self.starts, 0, sizeof(self.starts))
        self.count = 0
        for subject in subjects:
            if (
                self.count == MAX_SUBJECTS
                or not 2 <= len(subject) <= LONGEST_SUBJECT
                or not subject.isascii()
                or any("A" <= c <= "Z" for c in subject)
            ):
                raise ValueError("subjects: up to 32, ASCII, no capitals, 2 to 32 characters")
            for k in range(len(subject)):
                self.chars[self.count][k] = subject[k]
            self.sizes[self.count] = len(subject)
            self.starts[ord(subject[0])][ord(subject[1])] = 1
            self.count += 1
        if len(prefix) > LONGEST_SUBJECT or window < 0:
            raise ValueError("prefix: up to 32 characters; window: not negative")
        for k in range(len(prefix)):
            self.prefix[k] = prefix[k]
        self.prefix_size = len(prefix)
        self.window = window

    cdef bint names_one(self, const unit* s, Py_ssize_t n, Py_ssize_t position) noexcept:
        cdef Py_ssize_t i, k, start = position - self.window if position > self.window else 0
        cdef Py_UCS4 first, second
        cdef int j
        if position + self.prefix_size <= n:
            for k in range(self.prefix_size):
                if s[position + k] != self.prefix[k]:
                    break
            else:
                return True
        for i in range(start, position - 1):
            first, second = folded(s[i]), folded(s[i + 1])
            if first >= ASCII or second >= ASCII or not self.starts[first][second]:
                continue
            for j in range(self.count):
                if (
                    self.chars[j][0] != first
                    or self.chars[j][1] != second
                    or i + self.sizes[j] > position
                ):
                    continue
                for k in range(2, self.sizes[j]):
                    if folded(s[i + k]) != self.chars[j][k]:
                        break
                else:
                    return True
        return False

    cdef list naming_units(self, const unit* s, Py_ssize_t n, list cues):
        cdef list found = []
        cdef object cue
        cdef Py_ssize_t position
        for cue in cues:
            position = cue
            if not 0 <= position <= n:
                raise ValueError("cues: offsets in the text")
            if self.names_one(s, n, position):
                found.append(cue)
        return found

    def naming(self, str text, list cues):
        """The cues (offsets in ``text``, in order) that start with the prefix or have
        a subject among the ``window`` characters before them."""
        cdef Py_ssize_t n = len(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        if kind == PyUnicode_1BYTE_KIND:
            return self.naming_units(<const Py_UCS1*> data, n, cues)
        if kind == PyUnicode_2BYTE_KIND:
            return self.naming_units(<const Py_UCS2*> data, n, cues)
        return self.naming_units(<const Py_UCS4*> data, n, cues)
