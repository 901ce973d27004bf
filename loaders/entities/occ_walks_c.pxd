# cython: language_level=3
"""The anchored walks of ``occurrences_c`` (``cimport`` only; no module of its own): the
text read a block of 16 bytes at a time by the SSE2 filters of ``occ_simd_c``, needles
compared only around the offsets a block's mask names.

- :func:`walk_anchored`: where one of the needles' rare pairs occurs (``qu`` of
  ``request``), each needle compared around its pair;
- :func:`walk_quads`: where one of the needles' rarest runs of four characters occurs
  (`` in ``, `` pro`` of `` province``).

The anchored walks find each needle's occurrences in order but the needles' out of
order: the offsets and the spans are sorted at the end."""

from loaders.entities.occ_needles_c cimport NONE, Needle, Needles, record
from loaders.entities.occ_simd_c cimport (
    occ_anchors, occ_anchors_block, occ_anchors_init, occ_block_unit, occ_quads,
    occ_quads_block, occ_quads_init,
)
from loaders.entities.unicode_c cimport unit


cdef inline int anchored_from(
    const unit* s, Py_ssize_t n, Py_ssize_t at, Needles* table, int j, list offsets, list found
) except -1:
    """Record the needles of the chain ``j`` (anchored on the pair or quad at ``at``) that
    occur there; the words after a capital needle go to ``found`` as (offset, needle,
    span), to be sorted."""
    cdef Py_ssize_t k, start
    cdef Needle* needle
    while j != NONE:
        needle = &table.items[j]
        start = at - needle.anchor
        if start >= needle.ready and start >= 0 and start + needle.size <= n:
            for k in range(needle.size):
                if s[start + k] != needle.chars[k]:
                    break
            else:
                record(s, n, start, needle, j, offsets, found)
        j = needle.anext
    return 0


cdef inline int pair_at(
    const unit* s, Py_ssize_t n, Py_ssize_t at, Needles* table, list offsets, list found
) except -1:
    """Record the needles anchored on the pair at ``at`` that occur there."""
    cdef int p
    for p in range(table.pair_count):
        if s[at] == table.afirsts[p] and s[at + 1] == table.aseconds[p]:
            return anchored_from(s, n, at, table, table.achain[p], offsets, found)
    return 0


cdef inline int quad_at(
    const unit* s, Py_ssize_t n, Py_ssize_t at, Needles* table, list offsets, list found
) except -1:
    """Record the needles anchored on the four characters at ``at`` that occur there."""
    cdef int p, t
    for p in range(table.quad_count):
        for t in range(4):
            if s[at + t] != table.aruns[4 * p + t]:
                break
        else:
            return anchored_from(s, n, at, table, table.achain[p], offsets, found)
    return 0


cdef inline int sort_found(list offsets, list ends, list found) except -1:
    """The anchored walks' offsets in order, and the spans of ``found`` in order of the
    needles' occurrences added to ``ends``."""
    offsets.sort()
    if found:
        found.sort()
        ends.extend([span for _, _, span in found])
    return 0


cdef inline int walk_anchored(
    const unit* s, Py_ssize_t n, Needles* table, list offsets, list ends
) except -1:
    """Compare needles only where an anchor pair occurs (1- and 2-byte units)."""
    cdef occ_anchors anchors
    cdef Py_ssize_t i = 0, at
    cdef unsigned int mask
    cdef list found = []
    cdef int width = occ_anchors_init(
        &anchors, table.afirsts, table.aseconds, table.pair_count, sizeof(unit)
    )
    while i + width < n:  # s[i + width] is read too: the second of the last pair
        mask = occ_anchors_block(&anchors, s + i, sizeof(unit), width)
        while mask:
            at = i + occ_block_unit(mask, sizeof(unit), width)
            pair_at(s, n, at, table, offsets, found)
            mask &= mask - 1
        i += width
    while i + 1 < n:
        pair_at(s, n, i, table, offsets, found)
        i += 1
    return sort_found(offsets, ends, found)


cdef inline int walk_quads(
    const unit* s, Py_ssize_t n, Needles* table, list offsets, list ends
) except -1:
    """Compare needles only where an anchor quad starts (1- and 2-byte units; for 2-byte
    units every quad is of characters below 256: checked by the caller)."""
    cdef occ_quads quads
    cdef Py_ssize_t i = 0, at
    cdef unsigned int mask
    cdef list found = []
    occ_quads_init(&quads, table.aruns, table.quad_count)
    while i + 18 < n:  # s[i + 18] is read too: the last of the last quad
        mask = occ_quads_block(&quads, s + i, sizeof(unit))
        while mask:
            at = i + occ_block_unit(mask, sizeof(unit), 16)
            quad_at(s, n, at, table, offsets, found)
            mask &= mask - 1
        i += 16
    while i + 3 < n:
        quad_at(s, n, i, table, offsets, found)
        i += 1
    return sort_found(offsets, ends, found)
