# cython: language_level=3, boundscheck=False, wraparound=False
"""Whole-word counts of several needles in one pass over a haystack (compiled).

``count_words(haystack, needles)`` gives, for each needle, what
``loaders.to_graph_build.count_lowered`` gives (at least 1; overlapping occurrences
count; a whole word: no ``str.isalnum`` character just before or just after). An
occurrence of a needle starting with an alphanumeric character begins a maximal
alphanumeric run of the haystack as long as the needle's own first run, so one pass
over the haystack's runs, with the needles bucketed by that length, finds them all.
Needles starting otherwise (rare) are counted with ``str.find``, as the reference does.
"""

from libc.stdlib cimport free, malloc

cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil

cdef enum:
    LONG_RUN = 64  # longer first runs share the last bucket

ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4

cdef unsigned char ASCII_ALNUM[128]
for _code in range(128):
    ASCII_ALNUM[_code] = chr(_code).isalnum()


cdef inline bint is_alnum(Py_UCS4 ch) noexcept:
    if ch < 128:
        return ASCII_ALNUM[ch]
    return ch.isalnum()


cdef struct Needles:
    Py_ssize_t* first_run  # length of the needle's first alphanumeric run (0: none)
    Py_ssize_t* size
    int* kind
    void** data
    Py_ssize_t* order  # needle numbers by first-run length
    Py_ssize_t* found
    Py_ssize_t bucket[LONG_RUN + 2]  # bucket[s - 1] .. bucket[s]: first runs of length s


cdef void scan_runs(const chars* text, Py_ssize_t limit, Needles* n) noexcept:
    cdef Py_ssize_t i = 0, start, run, slot, k, j, m, c
    cdef bint same
    while i < limit:
        if not is_alnum(text[i]):
            i += 1
            continue
        start = i
        i += 1
        while i < limit and is_alnum(text[i]):
            i += 1
        run = i - start
        slot = run if run < LONG_RUN else LONG_RUN
        for k in range(n.bucket[slot - 1], n.bucket[slot]):
            j = n.order[k]
            m = n.size[j]
            if n.first_run[j] != run or start + m > limit:
                continue
            same = True
            for c in range(m):
                if PyUnicode_READ(n.kind[j], n.data[j], c) != text[start + c]:
                    same = False
                    break
            if same and (start + m == limit or not is_alnum(text[start + m])):
                n.found[j] += 1


cdef Py_ssize_t first_run(str needle):
    cdef Py_ssize_t size = len(needle), k = 0
    while k < size and is_alnum(needle[k]):
        k += 1
    return k


def count_found(str haystack, str needle) -> int:
    """The reference loop (``str.find``), for a needle that does not start a word."""
    cdef Py_ssize_t count = 0, size = len(needle), limit = len(haystack), found, end
    found = haystack.find(needle) if size else -1
    while found >= 0:
        end = found + size
        if (found == 0 or not is_alnum(haystack[found - 1])) and (
            end == limit or not is_alnum(haystack[end])
        ):
            count += 1
        found = haystack.find(needle, found + 1)
    return max(1, count)


cdef void bucket_needles(list items, Needles* n, list counts, str haystack):
    cdef Py_ssize_t count = len(items), j, slot
    cdef str needle
    for slot in range(LONG_RUN + 2):
        n.bucket[slot] = 0
    for j in range(count):
        needle = items[j]
        n.found[j] = 0
        n.size[j] = len(needle)
        n.kind[j] = PyUnicode_KIND(needle)
        n.data[j] = PyUnicode_DATA(needle)
        n.first_run[j] = first_run(needle)
        if n.first_run[j] > 0:
            n.bucket[min(n.first_run[j], LONG_RUN) + 1] += 1
        elif n.size[j]:
            counts[j] = count_found(haystack, needle)
    for slot in range(1, LONG_RUN + 2):
        n.bucket[slot] += n.bucket[slot - 1]
    for j in range(count):
        if n.first_run[j] > 0:
            slot = min(n.first_run[j], LONG_RUN)
            n.order[n.bucket[slot]] = j
            n.bucket[slot] += 1


def count_words(str haystack, needles) -> list:
    """Each needle's whole-word count in ``haystack``, at least 1.

    >>> count_words("isaf, isafx isaf a a a", ["isaf", "a a", "x", "", ",", "isaf, isafx"])
    [2, 2, 1, 1, 1, 1]
    """
    cdef list items = list(needles)
    cdef Py_ssize_t count = len(items), j
    cdef int kind = PyUnicode_KIND(haystack)
    cdef void* data = PyUnicode_DATA(haystack)
    cdef list counts = [1] * count
    cdef Needles n
    n.first_run = <Py_ssize_t*> malloc((count + 1) * sizeof(Py_ssize_t))
    n.size = <Py_ssize_t*> malloc((count + 1) * sizeof(Py_ssize_t))
    n.kind = <int*> malloc((count + 1) * sizeof(int))
    n.data = <void**> malloc((count + 1) * sizeof(void*))
    n.order = <Py_ssize_t*> malloc((count + 1) * sizeof(Py_ssize_t))
    n.found = <Py_ssize_t*> malloc((count + 1) * sizeof(Py_ssize_t))
    try:
        if not (n.first_run and n.size and n.kind and n.data and n.order and n.found):
            raise MemoryError()
        bucket_needles(items, &n, counts, haystack)
        if kind == 1:
            scan_runs(<const Py_UCS1*> data, len(haystack), &n)
        elif kind == 2:
            scan_runs(<const Py_UCS2*> data, len(haystack), &n)
        else:
            scan_runs(<const Py_UCS4*> data, len(haystack), &n)
        for j in range(count):
            if n.first_run[j] > 0 and n.found[j] > 1:
                counts[j] = n.found[j]
        return counts
    finally:
        free(n.first_run); free(n.size); free(n.kind); free(n.data); free(n.order); free(n.found)
