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
read 16 bytes at a time with SSE2 (``occ_simd_c.pxd``; elsewhere the plain walk):
only where one of the needles' first characters is followed by one of their second
characters is the window looked up.

When every needle holds a pair of characters rare in English text (``request`` its
``qu``, ``invited`` its ``nv``; see ``substrings_c.pair_rarity``), the walk looks for
those exact pairs instead (``occ_walks_c.walk_anchored``): the common pairs the
needles start with (``re``, ``in``, ``as``) no longer stop it every few characters. A
needle's occurrences are then found in order, the needles' found out of order and sorted.
When a needle has no rare pair but every needle has four characters or more (`` in ``,
`` province``), each is anchored on its rarest four characters (``walk_quads``).
"""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)
from libc.stdlib cimport free, malloc
from libc.string cimport memset

from loaders.entities.occ_needles_c cimport (
    ASCII, MAX_NEEDLE, MAX_SET, NONE, Needle, Needles, add_to_set, all_below, key_of, record,
    starts_a_needle,
)
from loaders.entities.occ_simd_c cimport (
    OCC_MAX_SET, OCC_SIMD, occ_block_unit, occ_pairs, occ_pairs_block, occ_pairs_init,
)
from loaders.entities.occ_walks_c cimport walk_anchored, walk_quads
from loaders.entities.unicode_c cimport folded, unit

from loaders.entities.substrings_c import anchor_of, pair_rarity


cdef enum:
    MAX_TABLES = 64  # needle tables kept
    RARE_PAIR = 2000  # pair_rarity at most this: a needle's anchor is rare enough

if OCC_MAX_SET != MAX_SET:  # pragma: no cover - the two headers disagree
    raise ImportError("occurrences_c: MAX_SET is not OCC_MAX_SET")


cdef class _Needles:
    """The needles as C arrays (:c:type:`occ_needles_c.Needles`), chained by first
    character (ASCII ones by table) and by anchor pair or quad."""

    cdef Needles t

    def __cinit__(self, tuple offsets_of, tuple capitalised_after):
        cdef int j, count = len(offsets_of) + len(capitalised_after)
        cdef unsigned int c
        cdef Py_ssize_t k
        cdef str needle
        cdef Needle* item
        cdef bint capital
        cdef Needles* t = &self.t
        t.count = count
        t.items = <Needle*> malloc(max(1, count) * sizeof(Needle))
        if t.items == NULL:
            raise MemoryError("occurrences_c: no memory for needles")
        for j in range(ASCII):
            t.heads[j] = NONE
        t.wide = NONE
        t.all_long = True
        memset(t.starts, 0, sizeof(t.starts))
        t.first_count = t.second_count = 0
        for j in reversed(range(count)):  # each chain keeps the needles' order
            capital = j >= len(offsets_of)
            needle = capitalised_after[j - len(offsets_of)] if capital else offsets_of[j]
            if not 0 < len(needle) <= MAX_NEEDLE:
                raise ValueError(f"occurrences: a needle of 1 to {MAX_NEEDLE} characters")
            item = &t.items[j]
            item.size, item.ready, item.capital = len(needle), 0, capital
            for k in range(len(needle)):
                item.chars[k] = needle[k]
            if item.size < 3:
                t.all_long = False
            else:
                t.first_count = add_to_set(t.firsts, t.first_count, item.chars[0])
                t.second_count = add_to_set(t.seconds, t.second_count, item.chars[1])
                c = key_of(item.chars[0], item.chars[1], item.chars[2])
                t.starts[c >> 3] |= 1 << (c & 7)
            c = item.chars[0]
            if c < ASCII:
                item.next, t.heads[c] = t.heads[c], j
            else:
                item.next, t.wide = t.wide, j
        t.pair_count = self.anchor_runs((*offsets_of, *capitalised_after), 2)
        for j in range(t.pair_count):
            t.afirsts[j], t.aseconds[j] = t.aruns[4 * j], t.aruns[4 * j + 1]
        t.quad_count = -1
        if t.pair_count < 0:
            t.quad_count = self.anchor_runs((*offsets_of, *capitalised_after), 4)

    cdef int anchor_runs(self, tuple needles, int width) except -2:
        """Anchor each needle on its rarest run of ``width`` characters (2: its rarest
        pair, 4: its rarest four), chained by run: the number of distinct runs, or -1 when
        a needle is shorter, a pair not rare enough, or there are too many runs."""
        cdef int j, p, count = 0
        cdef Py_ssize_t k
        cdef str needle
        cdef Needle* item
        cdef Needles* t = &self.t
        if not needles or any(len(needle) < width for needle in needles):
            return -1
        for j in reversed(range(len(needles))):  # each chain keeps the needles' order
            needle = needles[j]
            item = &t.items[j]
            if width == 2:
                item.anchor = anchor_of(needle)
                if pair_rarity(needle, item.anchor) > RARE_PAIR:
                    return -1
            else:
                item.anchor = min(
                    range(len(needle) - 3),
                    key=lambda k: pair_rarity(needle, k) * pair_rarity(needle, k + 2),
                )
            for p in range(count):
                for k in range(width):
                    if t.aruns[4 * p + k] != item.chars[item.anchor + k]:
                        break
                else:
                    break
            else:
                if count == MAX_SET:
                    return -1
                p = count
                count += 1
                for k in range(width):
                    t.aruns[4 * p + k] = item.chars[item.anchor + k]
                t.achain[p] = NONE
            item.anext, t.achain[p] = t.achain[p], j
        return count

    def __dealloc__(self):
        free(self.t.items)


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
        for j in range(table.t.count):
            table.t.items[j].ready = 0
    return table


cdef int match_at(
    const unit* s, Py_ssize_t n, Py_ssize_t i, Needles* table, list offsets, list ends
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
            record(s, n, i, needle, NONE, offsets, ends)
    return 0


cdef Py_ssize_t walk_blocks(
    const unit* s, Py_ssize_t n, Needles* table, list offsets, list ends
) except -1:
    """Look for needles only where the block filter of first and second characters and
    the window filter agree. The offset where the character-by-character walk is to go on."""
    cdef occ_pairs pairs
    cdef Py_ssize_t i = 0, at
    cdef unsigned int mask
    cdef int width = occ_pairs_init(
        &pairs, table.firsts, table.first_count, table.seconds, table.second_count, sizeof(unit)
    )
    while i + width < n:  # s[i + width] is read too: the second character of the last one
        mask = occ_pairs_block(&pairs, s + i, sizeof(unit), width)
        while mask:
            at = i + occ_block_unit(mask, sizeof(unit), width)
            mask &= mask - 1
            if starts_a_needle(s, n, at, table):
                match_at(s, n, at, table, offsets, ends)
        i += width
    return i


cdef int walk(const unit* s, Py_ssize_t n, Needles* table, list offsets, list ends) except -1:
    cdef Py_ssize_t i, start
    if unit is not Py_UCS4 and OCC_SIMD and table.pair_count > 0:
        return walk_anchored(s, n, table, offsets, ends)
    if (
        unit is not Py_UCS4
        and OCC_SIMD
        and table.quad_count > 0
        and (unit is Py_UCS1 or all_below(table.aruns, 4 * table.quad_count, 256))
    ):
        return walk_quads(s, n, table, offsets, ends)
    if not table.all_long:
        for i in range(n):
            match_at(s, n, i, table, offsets, ends)
        return 0
    start = 0
    if unit is not Py_UCS4 and OCC_SIMD and table.first_count > 0 and table.second_count > 0:
        start = walk_blocks(s, n, table, offsets, ends)
    for i in range(start, n - 2):
        if starts_a_needle(s, n, i, table):
            match_at(s, n, i, table, offsets, ends)
    return 0


def offsets_and_capitalised_after(str text, tuple offsets_of, tuple capitalised_after):
    """The sorted offsets of each needle of ``offsets_of`` (an offset twice when two
    occur there), and the spans of the words ``[A-Z][a-z][\\w\\-]*`` just past the
    occurrences of a needle of ``capitalised_after``, in order of the occurrences; as
    ``occurrences.offsets_and_capitalised_after_python`` gives them."""
    cdef Needles* table = &table_of(offsets_of, capitalised_after).t
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


cdef bint any_folded_at(const unit* s, Py_ssize_t start, Py_ssize_t end, Needles* table):
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
    cdef Needles* table = &table_of(needles, ()).t
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
    return table_of(offsets_of, capitalised_after).t.pair_count


def anchor_quad_count(tuple offsets_of, tuple capitalised_after):
    """How many runs of four characters the quad walk looks for; -1 when it is not used."""
    return table_of(offsets_of, capitalised_after).t.quad_count
