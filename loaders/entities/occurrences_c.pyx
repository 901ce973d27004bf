# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :mod:`loaders.entities.occurrences`: every occurrence of a few
substrings, found in one walk over the text instead of one ``str.find`` chain per
substring (each of which reads the whole text again).

The pure-Python functions in ``occurrences.py`` are the reference; this gives the same
lists (``tests/loaders/test_geo_occurrences.py`` checks them on every corpus body and on
generated text). Each needle's occurrences are the ones its own ``str.find`` chain
finds: left to right, an occurrence overlapping the needle's previous one is skipped.

The walk reads the text's own code units (1, 2 or 4 bytes wide, one loop per width).
When every needle has three characters or more, a window of three characters is first
looked up in a bit set of the needles' first three (5 bits of each character): most
windows start no needle and cost one look-up. Texts of 1- and 2-byte units are first
read 16 bytes at a time with SSE2 (``occurrences_c.pxd``; elsewhere the plain walk):
only where one of the needles' first characters is followed by one of their second
characters is the window looked up.

When every needle holds a pair of characters rare in English text (``request`` its
``qu``, ``invited`` its ``nv``; see ``substrings_c.pair_rarity``), the walk looks for
those exact pairs instead (16 bytes at a time, ``occ_anchors``): the common pairs the
needles start with (``re``, ``in``, ``as``) no longer stop it every few characters. A
needle's occurrences are then found in order, the needles' found out of order and sorted.
When a needle has no rare pair but every needle has four characters or more (`` in ``,
`` province``), each is anchored on its rarest four characters instead (``occ_quads``).
"""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)
from libc.stdlib cimport free, malloc
from libc.string cimport memset

from loaders.entities.unicode_c cimport folded, is_word, unit

from loaders.entities.substrings_c import anchor_of, pair_rarity


cdef enum:
    ASCII = 128
    NONE = -1
    MAX_NEEDLE = 32
    KEY_BITS = 15  # three characters, 5 bits each
    KEY_MASK = (1 << KEY_BITS) - 1
    MAX_TABLES = 64  # needle tables kept
    MAX_SET = 16  # OCC_MAX_SET: at most this many distinct first (second) characters
    RARE_PAIR = 2000  # pair_rarity at most this: a needle's anchor is rare enough


cdef struct Needle:
    Py_UCS4 chars[MAX_NEEDLE]
    Py_ssize_t size
    Py_ssize_t ready  # where this needle's next occurrence may start
    bint capital  # report the end of occurrences followed by [A-Z][a-z], not offsets
    int next  # the next needle with the same first character, or NONE
    Py_ssize_t anchor  # the offset of its rare pair (anchored walk)
    int anext  # the next needle anchored on the same pair, or NONE
    Py_ssize_t quad  # the offset of its rarest four characters (quad walk)
    int qnext  # the next needle anchored on the same four, or NONE


cdef inline unsigned int key_of(unsigned int a, unsigned int b, unsigned int c) noexcept:
    return ((a & 31) << 10) | ((b & 31) << 5) | (c & 31)


cdef int add_to_set(unsigned int* chars, int count, unsigned int c) noexcept:
    """Add ``c`` to the set ``chars[:count]``: the new count (-1: the set overflowed)."""
    cdef int k
    if count < 0:
        return count
    for k in range(count):
        if chars[k] == c:
            return count
    if count == MAX_SET:
        return -1
    chars[count] = c
    return count + 1


cdef class _Needles:
    """The needles as C arrays, chained by first character (ASCII ones by table)."""

    cdef Needle* items
    cdef int count
    cdef int heads[ASCII]
    cdef int wide  # needles starting with a non-ASCII character, chained by ``next``
    cdef bint all_long  # every needle has 3 characters or more: the window filter works
    cdef unsigned char starts[(KEY_MASK + 1) >> 3]  # bit set of the needles' first three
    cdef unsigned int firsts[MAX_SET]  # the needles' distinct first characters
    cdef unsigned int seconds[MAX_SET]  # ... and second characters
    cdef int first_count, second_count  # -1 when more than MAX_SET
    cdef int pair_count  # distinct anchor pairs; -1: no anchored walk
    cdef unsigned int afirsts[MAX_SET]
    cdef unsigned int aseconds[MAX_SET]
    cdef int achain[MAX_SET]  # the first needle anchored on each pair
    cdef bint has_capital  # a needle reports the words after it
    cdef int quad_count  # distinct anchor quads; -1: no quad walk
    cdef unsigned int aquads[MAX_SET * 4]
    cdef int qchain[MAX_SET]  # the first needle anchored on each quad

    def __cinit__(self, tuple offsets_of, tuple capitalised_after):
        cdef int j, count = len(offsets_of) + len(capitalised_after)
        cdef unsigned int c
        cdef Py_ssize_t k
        cdef str needle
        cdef Needle* item
        cdef bint capital
        self.count = count
        self.items = <Needle*> malloc(max(1, count) * sizeof(Needle))
        if self.items == NULL:
            raise MemoryError("occurrences_c: no memory for needles")
        for j in range(ASCII):
            self.heads[j] = NONE
        self.wide = NONE
        self.all_long = True
        memset(self.starts, 0, sizeof(self.starts))
        self.first_count = self.second_count = 0
        for j in reversed(range(count)):  # each chain keeps the needles' order
            capital = j >= len(offsets_of)
            needle = capitalised_after[j - len(offsets_of)] if capital else offsets_of[j]
            if not 0 < len(needle) <= MAX_NEEDLE:
                raise ValueError(f"occurrences: a needle of 1 to {MAX_NEEDLE} characters")
            item = &self.items[j]
            item.size, item.ready, item.capital = len(needle), 0, capital
            for k in range(len(needle)):
                item.chars[k] = needle[k]
            if item.size < 3:
                self.all_long = False
            else:
                self.first_count = add_to_set(self.firsts, self.first_count, item.chars[0])
                self.second_count = add_to_set(self.seconds, self.second_count, item.chars[1])
                c = key_of(item.chars[0], item.chars[1], item.chars[2])
                self.starts[c >> 3] |= 1 << (c & 7)
            c = item.chars[0]
            if c < ASCII:
                item.next, self.heads[c] = self.heads[c], j
            else:
                item.next, self.wide = self.wide, j
        self.has_capital = len(capitalised_after) > 0
        self.pair_count = self.anchor_pairs((*offsets_of, *capitalised_after))
        self.quad_count = -1
        if self.pair_count < 0:
            self.quad_count = self.anchor_quads((*offsets_of, *capitalised_after))

    cdef int anchor_quads(self, tuple needles) except -2:
        """Anchor each needle on its rarest four characters: the number of distinct
        quads, or -1 when a needle is shorter or there are too many quads."""
        cdef int j, p, t, count = 0
        cdef str needle
        cdef Needle* item
        if not needles or any(len(needle) < 4 for needle in needles):
            return -1
        for j in reversed(range(len(needles))):  # each chain keeps the needles' order
            needle = needles[j]
            item = &self.items[j]
            item.quad = min(
                range(len(needle) - 3),
                key=lambda k: pair_rarity(needle, k) * pair_rarity(needle, k + 2),
            )
            for p in range(count):
                for t in range(4):
                    if self.aquads[4 * p + t] != item.chars[item.quad + t]:
                        break
                else:
                    break
            else:
                if count == MAX_SET:
                    return -1
                p = count
                count += 1
                for t in range(4):
                    self.aquads[4 * p + t] = item.chars[item.quad + t]
                self.qchain[p] = NONE
            item.qnext, self.qchain[p] = self.qchain[p], j
        return count

    cdef int anchor_pairs(self, tuple needles) except -2:
        """Anchor each needle on its rarest pair: the number of distinct pairs, or -1
        when a needle has no pair, none rare enough, or there are too many pairs."""
        cdef int j, p, count = 0
        cdef str needle
        cdef Needle* item
        if not needles or any(len(needle) < 2 for needle in needles):
            return -1
        for j in reversed(range(len(needles))):  # each chain keeps the needles' order
            needle = needles[j]
            item = &self.items[j]
            item.anchor = anchor_of(needle)
            if pair_rarity(needle, item.anchor) > RARE_PAIR:
                return -1
            for p in range(count):
                if (
                    self.afirsts[p] == item.chars[item.anchor]
                    and self.aseconds[p] == item.chars[item.anchor + 1]
                ):
                    break
            else:
                if count == MAX_SET:
                    return -1
                p = count
                count += 1
                self.afirsts[p] = item.chars[item.anchor]
                self.aseconds[p] = item.chars[item.anchor + 1]
                self.achain[p] = NONE
            item.anext, self.achain[p] = self.achain[p], j
        return count

    def __dealloc__(self):
        free(self.items)


cdef dict _TABLES = {}  # (needles, needles) → their table: the extractors use a few sets


cdef _Needles table_of(tuple offsets_of, tuple capitalised_after):
    """The table of these needles, ready for a new walk (built once, then kept)."""
    cdef tuple key = (offsets_of, capitalised_after)
    cdef _Needles table = _TABLES.get(key)
    cdef int j
    if table is None:
        if len(_TABLES) >= MAX_TABLES:
            _TABLES.clear()
        table = _TABLES[key] = _Needles(offsets_of, capitalised_after)
    else:
        for j in range(table.count):
            table.items[j].ready = 0
    return table


cdef inline bint is_capital_word(const unit* s, Py_ssize_t n, Py_ssize_t i) noexcept:
    """``[A-Z][a-z]`` at ``i``."""
    return i + 1 < n and 65 <= s[i] <= 90 and 97 <= s[i + 1] <= 122


cdef inline Py_ssize_t word_end(const unit* s, Py_ssize_t n, Py_ssize_t i) noexcept:
    """The end of ``[\\w\\-]*`` at ``i`` (``\\w`` as ``re`` reads it: a letter, digit or ``_``)."""
    cdef Py_UCS4 c
    while i < n:
        c = s[i]
        if not (is_word(c) or c == 45):
            break
        i += 1
    return i


cdef int match_at(
    const unit* s, Py_ssize_t n, Py_ssize_t i, _Needles table, list offsets, list ends
) except -1:
    """Record the needles occurring at ``i``."""
    cdef Py_UCS4 c = s[i]
    cdef int j = table.heads[c] if c < ASCII else table.wide
    cdef Py_ssize_t k
    cdef Needle* needle
    while j != NONE:
        needle = &table.items[j]
        j = needle.next
        if i < needle.ready or needle.chars[0] != c or i + needle.size > n:
            continue
        for k in range(1, needle.size):
            if s[i + k] != needle.chars[k]:
                break
        else:
            needle.ready = i + needle.size
            if not needle.capital:
                offsets.append(i)
            elif is_capital_word(s, n, needle.ready):
                ends.append((needle.ready, word_end(s, n, needle.ready + 2)))
    return 0


cdef inline bint starts_a_needle(const unit* s, Py_ssize_t n, Py_ssize_t i, _Needles table) noexcept:
    """Do the three characters at ``i`` start a needle, by the filter?"""
    cdef unsigned int key
    if i + 2 >= n:
        return False
    key = key_of(s[i], s[i + 1], s[i + 2])
    return table.starts[key >> 3] & (1 << (key & 7))


cdef inline bint all_below(const unsigned int* chars, int count, unsigned int limit) noexcept:
    cdef int k
    for k in range(count):
        if chars[k] >= limit:
            return False
    return True


cdef Py_ssize_t walk_blocks(
    const unit* s, Py_ssize_t n, _Needles table, list offsets, list ends
) except -1:
    """Walk 16 bytes at a time where the CPU compares them at once (SSE2): only where a
    first character of a needle is followed by a second one are needles looked for.
    2-byte units are packed to bytes, 16 at a time, when those characters are all below
    256 (those of the text keep their value). The offset where the character-by-character
    walk is to go on."""
    cdef occ_pairs pairs
    cdef Py_ssize_t i = 0, at
    cdef unsigned int mask
    cdef bint packed
    cdef int width
    if not OCC_SIMD or table.first_count <= 0 or table.second_count <= 0:
        return 0
    occ_pairs_init(&pairs, table.firsts, table.first_count, table.seconds, table.second_count)
    packed = unit is Py_UCS1 or (
        all_below(table.firsts, table.first_count, 256)
        and all_below(table.seconds, table.second_count, 256)
    )
    width = 16 if packed else 8
    while i + width < n:  # s[i + width] is read too: the second character of the last one
        if unit is Py_UCS1:
            mask = occ_mask8(&pairs, <const unsigned char*> (s + i))
        elif packed:
            mask = occ_mask16p(&pairs, <const unsigned short*> (s + i))
        else:
            mask = occ_mask16(&pairs, <const unsigned short*> (s + i))
        while mask:
            at = i + (occ_lowest_bit(mask) if packed else occ_lowest_bit(mask) >> 1)
            mask &= mask - 1
            if starts_a_needle(s, n, at, table):
                match_at(s, n, at, table, offsets, ends)
        i += width
    return i


cdef int anchored_at(
    const unit* s, Py_ssize_t n, Py_ssize_t at, _Needles table, list offsets, list found
) except -1:
    """Record the needles anchored on the pair at ``at`` that occur there; the words
    after a capital needle go to ``found`` as (offset, needle, span), to be sorted."""
    cdef int p, j = NONE
    cdef Py_ssize_t k, start
    cdef Needle* needle
    for p in range(table.pair_count):
        if s[at] == table.afirsts[p] and s[at + 1] == table.aseconds[p]:
            j = table.achain[p]
            break
    while j != NONE:
        needle = &table.items[j]
        start = at - needle.anchor
        if start >= needle.ready and start >= 0 and start + needle.size <= n:
            for k in range(needle.size):
                if s[start + k] != needle.chars[k]:
                    break
            else:
                needle.ready = start + needle.size
                if not needle.capital:
                    offsets.append(start)
                elif is_capital_word(s, n, needle.ready):
                    found.append(
                        (start, j, (needle.ready, word_end(s, n, needle.ready + 2)))
                    )
        j = needle.anext
    return 0


cdef int walk_anchored(
    const unit* s, Py_ssize_t n, _Needles table, list offsets, list ends
) except -1:
    """Walk 16 bytes at a time (SSE2, 2-byte units packed to bytes when every pair is of
    characters below 256): only where an anchor pair occurs are its needles compared."""
    cdef occ_anchors anchors
    cdef Py_ssize_t i = 0, at
    cdef unsigned int mask
    cdef bint packed
    cdef int width
    cdef list found = []
    occ_anchors_init(&anchors, table.afirsts, table.aseconds, table.pair_count)
    packed = unit is Py_UCS1 or anchors.n8 == table.pair_count
    width = 16 if packed else 8
    while i + width < n:  # s[i + width] is read too: the second of the last pair
        if unit is Py_UCS1:
            mask = occ_anchor_mask8(&anchors, <const unsigned char*> (s + i))
        elif packed:
            mask = occ_anchor_mask16p(&anchors, <const unsigned short*> (s + i))
        else:
            mask = occ_anchor_mask16(&anchors, <const unsigned short*> (s + i))
        while mask:
            at = i + (occ_lowest_bit(mask) if packed else occ_lowest_bit(mask) >> 1)
            mask &= mask - 1
            anchored_at(s, n, at, table, offsets, found)
        i += width
    while i + 1 < n:
        anchored_at(s, n, i, table, offsets, found)
        i += 1
    offsets.sort()
    if found:
        found.sort()
        ends.extend([span for _, _, span in found])
    return 0


cdef int quad_at(
    const unit* s, Py_ssize_t n, Py_ssize_t at, _Needles table, list offsets, list found
) except -1:
    """Record the needles anchored on the four characters at ``at`` that occur there (as
    :func:`anchored_at`)."""
    cdef int p, t, j = NONE
    cdef Py_ssize_t k, start
    cdef Needle* needle
    for p in range(table.quad_count):
        for t in range(4):
            if s[at + t] != table.aquads[4 * p + t]:
                break
        else:
            j = table.qchain[p]
            break
    while j != NONE:
        needle = &table.items[j]
        start = at - needle.quad
        if start >= needle.ready and start >= 0 and start + needle.size <= n:
            for k in range(needle.size):
                if s[start + k] != needle.chars[k]:
                    break
            else:
                needle.ready = start + needle.size
                if not needle.capital:
                    offsets.append(start)
                elif is_capital_word(s, n, needle.ready):
                    found.append(
                        (start, j, (needle.ready, word_end(s, n, needle.ready + 2)))
                    )
        j = needle.qnext
    return 0


cdef int walk_quads(
    const unit* s, Py_ssize_t n, _Needles table, list offsets, list ends
) except -1:
    """Walk 16 units at a time (SSE2; 2-byte units packed to bytes): only where an
    anchor quad starts are its needles compared. Every quad is of characters below 256
    for 2-byte units (checked by the caller)."""
    cdef occ_quads quads
    cdef Py_ssize_t i = 0, at
    cdef unsigned int mask
    cdef list found = []
    occ_quads_init(&quads, table.aquads, table.quad_count)
    while i + 18 < n:  # s[i + 18] is read too: the last of the last quad
        if unit is Py_UCS1:
            mask = occ_quad_mask8(&quads, <const unsigned char*> (s + i))
        else:
            mask = occ_quad_mask16p(&quads, <const unsigned short*> (s + i))
        while mask:
            at = i + occ_lowest_bit(mask)
            mask &= mask - 1
            quad_at(s, n, at, table, offsets, found)
        i += 16
    while i + 3 < n:
        quad_at(s, n, i, table, offsets, found)
        i += 1
    offsets.sort()
    if found:
        found.sort()
        ends.extend([span for _, _, span in found])
    return 0


cdef inline bint quads_fit(_Needles table, int width) noexcept:
    """Can the quad walk read text of this width (its quads' characters all fit)?"""
    return width == 1 or all_below(table.aquads, 4 * table.quad_count, 256)


cdef int walk(const unit* s, Py_ssize_t n, _Needles table, list offsets, list ends) except -1:
    cdef Py_ssize_t i, start
    if unit is not Py_UCS4 and OCC_SIMD and table.pair_count > 0:
        return walk_anchored(s, n, table, offsets, ends)
    if (
        unit is not Py_UCS4
        and OCC_SIMD
        and table.quad_count > 0
        and quads_fit(table, 1 if unit is Py_UCS1 else 2)
    ):
        return walk_quads(s, n, table, offsets, ends)
    if not table.all_long:
        for i in range(n):
            match_at(s, n, i, table, offsets, ends)
        return 0
    start = 0 if unit is Py_UCS4 else walk_blocks(s, n, table, offsets, ends)
    for i in range(start, n - 2):
        if starts_a_needle(s, n, i, table):
            match_at(s, n, i, table, offsets, ends)
    return 0


def offsets_and_capitalised_after(str text, tuple offsets_of, tuple capitalised_after):
    """The sorted offsets of each needle of ``offsets_of`` (an offset twice when two
    occur there), and the spans of the words ``[A-Z][a-z][\\w\\-]*`` just past the
    occurrences of a needle of ``capitalised_after``, in order of the occurrences; as
    ``occurrences.offsets_and_capitalised_after_python`` gives them."""
    cdef _Needles table = table_of(offsets_of, capitalised_after)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text)
    cdef list offsets = [], ends = []
    if kind == PyUnicode_1BYTE_KIND:
        walk(<const Py_UCS1*> data, n, table, offsets, ends)
    elif kind == PyUnicode_2BYTE_KIND:
        walk(<const Py_UCS2*> data, n, table, offsets, ends)
    else:
        walk(<const Py_UCS4*> data, n, table, offsets, ends)
    return offsets, ends


cdef bint any_folded_at(const unit* s, Py_ssize_t start, Py_ssize_t end, _Needles table):
    cdef Py_ssize_t i, k
    cdef Py_UCS4 c
    cdef int j
    cdef Needle* needle
    for i in range(start, end):
        c = folded(s[i])
        j = table.heads[c] if c < ASCII else table.wide
        while j != NONE:
            needle = &table.items[j]
            j = needle.next
            if needle.chars[0] != c or i + needle.size > end:
                continue
            for k in range(1, needle.size):
                if folded(s[i + k]) != needle.chars[k]:
                    break
            else:
                return True
    return False


def occurs_folded(str text, tuple needles, Py_ssize_t start, Py_ssize_t end):
    """Does a needle (no ASCII capitals in it) occur in ``text[start:end]`` read with
    ASCII capitals in lower case? As ``occurrences.occurs_folded_python`` tells."""
    cdef _Needles table = table_of(needles, ())
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text)
    start, end = min(n, max(0, start + n if start < 0 else start)), min(n, max(0, end + n if end < 0 else end))
    if kind == PyUnicode_1BYTE_KIND:
        return any_folded_at(<const Py_UCS1*> data, start, end, table)
    if kind == PyUnicode_2BYTE_KIND:
        return any_folded_at(<const Py_UCS2*> data, start, end, table)
    return any_folded_at(<const Py_UCS4*> data, start, end, table)


def anchor_pair_count(tuple offsets_of, tuple capitalised_after):
    """How many rare pairs the anchored walk looks for with these needles; -1 when it is
    not used (tests tell the walks apart with it)."""
    return table_of(offsets_of, capitalised_after).pair_count


def anchor_quad_count(tuple offsets_of, tuple capitalised_after):
    """How many runs of four characters the quad walk looks for; -1 when it is not used."""
    return table_of(offsets_of, capitalised_after).quad_count
