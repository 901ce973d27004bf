# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.officials.iter_segment_mentions`: the titled
mentions of a segment never read before (title head or honorific, office, name, title
modifiers and affiliation), in C instead of per-word Python calls. Its word tables and
C methods are declared in ``officials_segment_c.pxd``: ``officials_c.MentionReader``
builds on it (a cable's officials: appositives and merging).

``officials_mentions.read_segment_mentions`` is the reference
(``tests/loaders/test_mentions_officials_compiled.py`` compares them on every corpus
segment and on generated words).
"""

from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_SET_ITEM
from cpython.unicode cimport Py_UNICODE_ISUPPER

from libc.stdint cimport uint64_t
from libc.string cimport memset

from loaders.entities.inplace_c cimport alloc_items, bare_word, ends_sentence
from loaders.entities.officials_table_c cimport SegmentTable
from loaders.entities.lexicon_words_c cimport (
    add_to_word_bloom, alpha_but_marks, char_at, fnv_ascii_lower, fnv_prefix,
    in_word_bloom, str_isupper,
)

from loaders.record_maker import record_maker


cdef class SegmentReader:
    """``officials_mentions.read_segment_mentions`` with its word tables: the (name end, official)
    mentions of one segment's words."""

    def __init__(
        self, dict lexicon, frozenset affiliation_kinds, frozenset title_heads,
        frozenset honorifics, frozenset name_particles, frozenset not_names,
        frozenset office_words, frozenset title_modifiers, frozenset common_words,
        frozenset common_caps, frozenset abbreviations, tuple verbish,
        Py_ssize_t max_name, Py_ssize_t max_caps_name, object mention_type,
        object official_type, frozenset org_words=frozenset(),
        Py_ssize_t table_limit=1 << 14,
    ):
        self.lexicon, self.kinds, self.heads = lexicon, affiliation_kinds, title_heads
        self.honorifics, self.particles, self.not_names = honorifics, name_particles, not_names
        self.office_words, self.modifiers = office_words, title_modifiers
        self.common_words, self.common_caps = common_words, common_caps
        self.abbreviations, self.verbish = abbreviations, verbish
        self.max_name, self.max_caps_name = max_name, max_caps_name
        self.org_words = org_words
        self.table = SegmentTable(table_limit)
        self.introducers = title_heads | honorifics
        memset(self.common_bloom, 0, sizeof(self.common_bloom))
        for word in common_words:
            add_to_word_bloom(self.common_bloom, fnv_prefix(word, len(word)))
        if not (
            isinstance(mention_type, type) and issubclass(mention_type, tuple)
            and mention_type.__basicsize__ == tuple.__basicsize__
            and len(getattr(mention_type, "_fields", ())) == 2
        ):
            raise TypeError("mention_type: a named tuple of two fields")
        if (
            not isinstance(official_type, type)
            or getattr(official_type, "__slots__", None) != ("name", "title", "affiliation")
            or official_type.__new__ is not object.__new__
        ):
            raise TypeError("official_type: a slots class of name, title, affiliation")
        self.mention_type, self.official_type = mention_type, official_type
        self.make_official = record_maker(official_type)

    cdef object new_official(self, str name, object title, object affiliation):
        """``official_type(name, title, affiliation)``, made by its record maker (slots
        filled in place, without the ``__init__`` call: ``loaders/record_maker.py``)."""
        return self.make_official(name, title, affiliation)

    cdef object new_mention(self, object name_end, object official):
        """``mention_type(name_end, official)``, built in place."""
        cdef object mention = alloc_items(self.mention_type, 2)
        Py_INCREF(name_end)
        PyTuple_SET_ITEM(mention, 0, name_end)
        Py_INCREF(official)
        PyTuple_SET_ITEM(mention, 1, official)
        return mention

    def __call__(self, tuple words, bint all_caps):
        return self.mentions(words, all_caps)

    cdef str bare(self, str word):
        """``scan.bare_word``."""
        return bare_word(word, self.abbreviations)

    cdef bint ends_sentence(self, str word):
        """``scan.ends_sentence``."""
        return ends_sentence(word, self.abbreviations)

    cdef object affiliation_of(self, str word, bint all_caps):
        """``officials_mentions.affiliation_of``."""
        cdef object entry = self.lexicon.get(self.bare(word))
        cdef Py_ssize_t n = len(word)
        if entry is not None and entry[0] in self.kinds:
            return entry[2]
        if 2 <= n <= 6 and word.isupper() and word.isalpha():
            if not all_caps and word not in self.heads:
                return word
        return None

    cdef bint is_name_word(self, str word, bint all_caps):
        """``officials_mentions.is_name_word``."""
        cdef Py_ssize_t n = len(word)
        if n == 0 or not Py_UNICODE_ISUPPER(char_at(word, 0)):
            return False
        if word in self.not_names or word in self.lexicon:
            return False
        if self.is_common(word):
            return False
        if all_caps:
            return (
                word not in self.common_caps and word.isalpha()
                and not word.endswith(self.verbish)
            )
        if n == 2 and char_at(word, 1) == 46:
            return True
        return not str_isupper(word) and alpha_but_marks(word)

    cdef bint is_common(self, str word):
        """``word.lower() in common_words``; an ASCII word the filter rules out is not
        copied in lower case."""
        cdef uint64_t h
        if fnv_ascii_lower(word, &h) and not in_word_bloom(self.common_bloom, h):
            return False
        return word.lower() in self.common_words

    cdef Py_ssize_t read_name(self, tuple words, Py_ssize_t start, bint all_caps):
        """``officials_mentions.read_name``."""
        cdef Py_ssize_t limit = self.max_caps_name if all_caps else self.max_name
        cdef Py_ssize_t end = start, index = start, taken = 0, n = len(words)
        cdef str word
        while index < n and taken < limit:
            word = <str> words[index]
            if taken and word in self.particles:
                index += 1
                continue
            if not self.is_name_word(self.bare(word), all_caps):
                break
            taken += 1
            index += 1
            end = index
            if self.ends_sentence(word):
                break
        if end > start:
            word = <str> words[end - 1]
            if len(word) == 2 and <Py_UCS4> word[1] == 46:
                end -= 1
        return end

    cdef Py_ssize_t read_office(self, tuple words, Py_ssize_t start):
        """``officials.read_office``."""
        cdef Py_ssize_t n = len(words), index
        cdef str word
        if start >= n or (words[start] != "of" and words[start] != "for"):
            return start
        index = start + 1
        while index < n:
            word = <str> words[index]
            if not (word in self.office_words or self.bare(word) in self.lexicon):
                break
            index += 2 if word == "and" else 1
        return index if index > start + 1 else start

    cdef tuple mention_at(self, tuple words, Py_ssize_t head, bint all_caps):
        """``officials_mentions.parse_mention``: (name end, official), or None."""
        cdef Py_ssize_t office_end = self.read_office(words, head + 1), index, start
        cdef Py_ssize_t name_end = self.read_name(words, office_end, all_caps)
        cdef object affiliation = None, found
        cdef str name
        if name_end == office_end:
            return None
        name = " ".join([self.bare(<str> words[index]) for index in range(office_end, name_end)])
        if words[head] in self.honorifics:
            return (name_end, self.new_official(name, None, None))
        start = head
        while (
            start > 0 and words[start - 1] in self.modifiers
            and not self.ends_sentence(<str> words[start - 1])
        ):
            start -= 1
        if start > 0 and not self.ends_sentence(<str> words[start - 1]):
            affiliation = self.affiliation_of(<str> words[start - 1], all_caps)
        if affiliation is None:
            for index in range(head + 1, office_end):
                found = self.affiliation_of(<str> words[index], all_caps)
                if found:
                    affiliation = found
                    break
        return (name_end, self.new_official(name, " ".join(words[start:office_end]), affiliation))

    cdef tuple read_appositive(self, tuple words, bint all_caps):
        """``officials.read_appositive``: (title, affiliation) of the words after a name."""
        cdef Py_ssize_t n = min(len(words), 9), first, k
        cdef object affiliation = self.affiliation_of(<str> words[0], all_caps)
        cdef bint titled = False, org = False
        cdef str joined
        first = 0 if affiliation is None else 1
        for k in range(first, n):
            if words[k] in self.heads:
                titled = True
                break
        if titled:
            joined = " ".join([self.bare(<str> words[k]) for k in range(first, n)])
            return (joined or None, affiliation)
        if affiliation is None:
            for k in range(n):
                if self.bare(<str> words[k]) in self.org_words:
                    org = True
                    break
        if affiliation is not None or org:
            return (None, " ".join([self.bare(<str> words[k]) for k in range(n)]))
        return (None, None)

    cdef tuple mentions(self, tuple words, bint all_caps):
        """The titled mentions of one segment's words."""
        cdef list found = []
        cdef Py_ssize_t index = 0, n = len(words)
        cdef tuple mention
        cdef object word
        while index < n:
            word = words[index]
            if word in self.heads or word in self.honorifics:
                mention = self.mention_at(words, index, all_caps)
                if mention is not None:
                    found.append(self.new_mention(mention[0], mention[1]))
                    index = mention[0]
                    continue
            index += 1
        return tuple(found)
