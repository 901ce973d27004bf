# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled lexicon matcher (:class:`LexiconMatcher`): ``lexicon.match_words`` in C, the
words tuples the hit collector (``hits_c.HitCollector``) has not seen matched without
Python. Its attributes and C methods are declared in ``hits_matcher_c.pxd``, so the
collector calls it directly.

``lexicon.match_words`` is the reference (``tests/loaders/test_mentions_matcher.py``
compares them on every corpus body and on generated text).
"""

from libc.stdint cimport uint64_t
from libc.string cimport memset

from loaders.entities.inplace_c cimport bare_word
from loaders.entities.lexicon_words_c cimport (
    FNV_PRIME, FNV_START, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ,
    add_to_word_bloom, char_at, fnv_prefix, in_word_bloom,
)


cdef inline bint is_possessive(str word, Py_ssize_t n):
    """``word`` (of length ``n``) ends in ``'s``, ``’s`` or ``'S``."""
    cdef Py_UCS4 last, prev
    if n < 2:
        return False
    last, prev = char_at(word, n - 1), char_at(word, n - 2)
    return (last == 115 and (prev == 39 or prev == 0x2019)) or (last == 83 and prev == 39)


cdef class LexiconMatcher:
    """``lexicon.match_words`` in C: (entry, first word, width) of every form of
    ``lexicon`` in a words tuple, longest first, left to right (``first_words``: first
    word → the form lengths starting with it, longest first; ``abbreviations``: words
    whose full stop stays; ``flag_words``: the words :meth:`match_flagged` notes).
    Not cached: the collector remembers its results."""

    def __init__(self, dict lexicon, dict first_words, frozenset abbreviations,
                 frozenset flag_words=frozenset()):
        self.lexicon, self.first_words = lexicon, first_words
        self.abbreviations, self.flag_words = abbreviations, flag_words
        memset(self.first_bloom, 0, sizeof(self.first_bloom))
        for word in first_words:
            add_to_word_bloom(self.first_bloom, fnv_prefix(word, len(word)))
        memset(self.flag_bloom, 0, sizeof(self.flag_bloom))
        for word in flag_words:
            add_to_word_bloom(self.flag_bloom, fnv_prefix(word, len(word)))

    cdef bint may_start(self, str word, Py_ssize_t size, bint* hyphen, uint64_t* full):
        """Could ``word`` (of length ``size``), as written or bare (less a closing full
        stop or possessive), be a first word? False: it is none, without a lookup.
        ``hyphen[0]``: the word holds a hyphen; ``full[0]``: the hash of the word."""
        cdef int kind = PyUnicode_KIND(word)
        cdef void* data = PyUnicode_DATA(word)
        cdef uint64_t h = FNV_START, less_one = FNV_START, less_two = FNV_START
        cdef Py_ssize_t k
        cdef Py_UCS4 c, last = 0, prev = 0
        hyphen[0] = False
        for k in range(size):
            c = PyUnicode_READ(kind, data, k)
            if c == 45:
                hyphen[0] = True
            less_two, less_one = less_one, h
            h = (h ^ <uint64_t> c) * FNV_PRIME
            prev, last = last, c
        full[0] = h
        if in_word_bloom(self.first_bloom, h):
            return True
        if size == 0:
            return False
        if last == 46:  # a closing full stop
            return in_word_bloom(self.first_bloom, less_one)
        if (last == 115 and (prev == 39 or prev == 0x2019)) or (last == 83 and prev == 39):
            return size >= 2 and in_word_bloom(self.first_bloom, less_two)  # 's ’s 'S
        return False

    def __call__(self, tuple words):
        return self.match(words)

    cdef str bare(self, str word):
        """``scan.bare_word``: without a closing full stop or possessive."""
        return bare_word(word, self.abbreviations)

    cdef object match_at(self, tuple words, Py_ssize_t first, tuple widths, Py_ssize_t* got):
        """``lexicon.match_at``: the longest form from ``words[first]``, its width in
        ``got[0]``; None when there is none."""
        cdef Py_ssize_t width, end, n = len(words), size
        cdef str last, key, tail
        cdef object entry
        cdef Py_UCS4 mark
        for item in widths:
            width = item
            end = first + width
            if end > n:
                continue
            last = <str> words[end - 1]
            key = last if width == 1 else " ".join(words[first:end])
            entry = self.lexicon.get(key)
            if entry is None:
                size = len(last)
                mark = char_at(last, size - 1)
                if mark != 46 and mark != 115 and mark != 83:  # . s S
                    continue
                tail = self.bare(last)
                if tail is last:
                    continue
                entry = self.lexicon.get(tail if width == 1 else key[: len(key) - size] + tail)
                if entry is None:
                    continue
            got[0] = width
            return entry
        return None

    cdef tuple match(self, tuple words):
        """The matches of one segment's ``words``."""
        return self.match_flagged(words, NULL)

    cdef bint is_flag_word(self, str word, uint64_t h):
        """``word`` (its hash ``h``) is a flag word; most words the filter rules out."""
        return in_word_bloom(self.flag_bloom, h) and word in self.flag_words

    cdef tuple match_flagged(self, tuple words, bint* flagged):
        """The matches of one segment's ``words``; a word the first-word filter rules
        out is looked up only when it holds a hyphen. ``flagged`` (unless NULL): set
        when a word is a flag word."""
        cdef list found = None
        cdef Py_ssize_t index = 0, n = len(words), width = 0, size, k
        cdef str word, head
        cdef object widths, entry
        cdef bint hyphen
        cdef uint64_t h
        while index < n:
            word = <str> words[index]
            size = len(word)
            widths = None
            if self.may_start(word, size, &hyphen, &h):
                widths = self.first_words.get(word)
                if widths is None and size and (
                    char_at(word, size - 1) == 46 or is_possessive(word, size)
                ):
                    widths = self.first_words.get(self.bare(word))
            if flagged != NULL and not flagged[0] and self.is_flag_word(word, h):
                flagged[0] = True
            if widths:
                entry = self.match_at(words, index, <tuple> widths, &width)
                if entry is not None:
                    if found is None:
                        found = []
                    found.append((entry, index, width))
                    if flagged != NULL and not flagged[0]:
                        for k in range(index + 1, index + width):  # the words not visited
                            if words[k] in self.flag_words:
                                flagged[0] = True
                    index += width
                    continue
            if hyphen:
                head, _, tail = word.partition("-")
                if head and tail:
                    entry = self.lexicon.get(head)
                    if entry is not None:
                        if found is None:
                            found = []
                        found.append((entry, index, 1))
            index += 1
        return () if found is None else tuple(found)
