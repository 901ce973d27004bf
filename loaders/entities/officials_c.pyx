# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled officials of a cable (:meth:`MentionReader.find`): the titled mentions of
its segments (read by ``officials_segment_c.SegmentReader``, which this reader extends,
or remembered per words tuple), completed from appositives and merged per person.

``officials.find_officials_python`` and ``officials_mentions.read_segment_mentions`` are the
references (``tests/loaders/test_officials_find_compiled.py`` and
``test_mentions_officials_compiled.py`` compare them on every corpus body and segment
and on generated words).
"""

from cpython.unicode cimport Py_UNICODE_ISSPACE

from loaders.entities.officials_segment_c cimport SegmentReader


cdef class MentionReader(SegmentReader):
    """``officials_mentions.read_segment_mentions`` with its word tables: the (name end, official)
    mentions of one segment's words (``officials_segment_c.SegmentReader``); and a
    cable's officials (:meth:`find`), completed from appositives and merged per person."""

    def find(self, str text, list segments, bint all_caps, object segment_mentions,
             object name_words, list titled=None, Py_ssize_t generation=-1):
        """``officials.find_officials_python``: the officials of a cable's ``segments``
        (of ``text``), merged per person; ``name_words``: the merge's name keys,
        ``titled``: the indices of the segments naming a title head or an honorific, in
        order (None: found here, one C loop over the segments' words). A segment's
        mentions come from ``segment_mentions(words, all_caps)`` (cached), or, given the
        ``generation`` of the hit collector, from the reader's own table (emptied when
        that generation changes), read here when new."""
        cdef list found = []
        cdef Py_ssize_t index, n = len(segments), size
        cdef object segment, word, mention, item, mentions
        cdef tuple words
        if titled is None:
            titled = []
            for index in range(n):
                segment = segments[index]
                if not isinstance(segment, tuple):
                    raise TypeError("segments: tuples (scan.Segment)")
                for word in <tuple> (<tuple> segment)[2]:
                    if word in self.introducers:
                        titled.append(index)
                        break
        if generation >= 0:
            self.table.follow(generation)
        for item in titled:
            index = item
            segment = segments[index]
            if not isinstance(segment, tuple):
                raise TypeError("segments: tuples (scan.Segment)")
            words = <tuple> (<tuple> segment)[2]
            size = len(words)
            if generation < 0:
                mentions = segment_mentions(words, all_caps)
            else:
                mentions = self.table.get(words, all_caps)
                if mentions is None:
                    mentions = self.mentions(words, all_caps)
                    self.table.put(words, all_caps, mentions)
            for mention in mentions:
                if (<tuple> mention)[0] == size:
                    found.append(self.complete(text, segments, index, (<tuple> mention)[1], all_caps))
                else:
                    found.append((<tuple> mention)[1])
        return self.merge_found(found, name_words)

    cdef object complete(self, str text, list segments, Py_ssize_t index, object official,
                         bint all_caps):
        """``officials.complete_with_appositive``: a missing title or affiliation filled
        from ``Name, <appositive>``."""
        cdef tuple segment, after
        cdef Py_ssize_t end, start, k
        cdef bint comma = False
        cdef Py_UCS4 c
        cdef object title, affiliation
        if index + 1 >= len(segments):
            return official
        segment, after = <tuple> segments[index], <tuple> segments[index + 1]
        end, start = segment[1], after[0]
        if start - end > 3:
            return official
        for k in range(end, start):  # ``text[end:start].strip() == ","``
            c = text[k]
            if c == 44:  # ,
                if comma:
                    return official
                comma = True
            elif not Py_UNICODE_ISSPACE(c):
                return official
        if not comma:
            return official
        title, affiliation = self.read_appositive(<tuple> after[2], all_caps)
        return self.new_official(
            official.name, official.title or title, official.affiliation or affiliation
        )

    def merge(self, officials, object name_words):
        """``officials_merge.merge_officials`` (``name_words``: its name keys)."""
        return self.merge_found(list(officials), name_words)

    cdef tuple merge_found(self, list officials, object name_words):
        """``merge``: each official joins the first entry (in order) whose name words
        hold its own or are held by them, among the entries sharing a word with it
        (``by_word``: word -> the entries holding it)."""
        cdef list merged = [], keys = [], positions
        cdef dict by_word = {}
        cdef frozenset key, held
        cdef Py_ssize_t position, i
        cdef object official, word, item
        for official in officials:
            key = <frozenset?> name_words(official.name)
            position = -1
            for word in key:
                positions = by_word.get(word)
                if positions is None:
                    continue
                for item in positions:
                    i = item
                    if position < 0 or i < position:
                        held = <frozenset> keys[i]
                        if key <= held or held <= key:
                            position = i
            if position < 0:
                position = len(merged)
                merged.append(official)
                keys.append(key)
            else:
                merged[position] = self.merge_pair(merged[position], official)
                held = <frozenset> keys[position]
                if key <= held:
                    continue  # its words already point here
                keys[position] = held | key
            for word in key:
                positions = by_word.get(word)
                if positions is None:
                    by_word[word] = [position]
                elif position not in positions:
                    positions.append(position)
        return tuple(merged)

    cdef object merge_pair(self, object first, object second):
        """``officials_merge.merge_pair``."""
        cdef str name = first.name, other = second.name
        cdef object title = first.title, more = second.title, affiliation
        if len(other) > len(name):
            name = other
        if not title or (more and len(more) > len(title)):
            title = more or None
        affiliation = first.affiliation or second.affiliation
        if name is first.name and title is first.title and affiliation is first.affiliation:
            return first  # nothing new: a repeated mention
        return self.new_official(name, title, affiliation)
