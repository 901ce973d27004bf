# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.geo.hits_of_kind`: the lexicon hits of one
kind (countries, organizations, places, assets), picked in one C loop over the hits
instead of a Python loop per extractor (a cable has ~70 hits; each extractor wants a
handful). The pure-Python function in ``geo.py`` is the reference
(``tests/loaders/test_geo_hits.py`` compares them).
"""

from cpython.unicode cimport Py_UNICODE_ISSPACE, Py_UNICODE_ISUPPER


cdef inline tuple entry_of(object hit, Py_ssize_t fields):
    """The entry of a hit, read in place (a Hit and its Entry are tuples), holding at
    least ``fields`` fields; TypeError for anything else."""
    if not isinstance(hit, tuple) or len(<tuple> hit) == 0:
        raise TypeError("hits: tuples (lexicon.Hit)")
    entry = (<tuple> hit)[0]
    if not isinstance(entry, tuple) or len(<tuple> entry) < fields:
        raise TypeError("hits: (Entry, ...) tuples")
    return <tuple> entry


def hits_of_kind(hits, kind):
    """The hits whose entry is of ``kind`` (compared by identity), in order."""
    cdef list found = []
    cdef object hit
    for hit in hits if type(hits) is list else list(hits):
        if entry_of(hit, 1)[0] is kind:
            found.append(hit)
    return found


def names_of_kind(hits, kind):
    """The names of the entries of the hits of ``kind`` (compared by identity), in order:
    as ``geo.place_names_python`` gives them, without the list of the hits between."""
    cdef list found = []
    cdef object hit
    cdef tuple entry
    for hit in hits if type(hits) is list else list(hits):
        entry = entry_of(hit, 3)
        if entry[0] is kind:
            found.append(entry[2])  # entry.name
    return found


def entries_of_kind(hits, kind):
    """The distinct entries (by equality) of the hits of ``kind``, in order of first
    mention: ``list(dict.fromkeys(...))`` of them, with each entry looked up by its key
    (a string, its hash kept) instead of hashing the whole entry for every hit."""
    cdef dict by_key = {}
    cdef list found = []
    cdef object hit, seen
    cdef tuple entry
    for hit in hits if type(hits) is list else list(hits):
        entry = entry_of(hit, 2)
        if entry[0] is not kind:
            continue
        seen = by_key.get((<tuple> entry)[1])
        if seen is None:  # equal entries have equal keys: a new key is a new entry
            hash(entry)  # as dict.fromkeys would: an unhashable entry is an error
            by_key[(<tuple> entry)[1]] = entry
            found.append(entry)
        elif seen is not entry and seen != entry and entry not in found:
            found.append(entry)  # another entry with the same key (not in the lexicon)
    return found


def lone_words(str text, list spans):
    """(start, word) of the word spans not followed by a whitespace character and an
    upper-case letter (not the first word of a longer name: ``New`` of ``New York``), in
    order: as ``geo.lone_words_python``."""
    cdef list found = []
    cdef object span
    cdef Py_ssize_t start, end, n = len(text)
    for span in spans:
        if not isinstance(span, tuple) or len(<tuple> span) != 2:
            raise TypeError("spans: (start, end) tuples")
        start, end = (<tuple> span)[0], (<tuple> span)[1]
        if not 0 <= start <= end <= n:
            raise ValueError("spans: inside the text")
        if end + 1 < n and Py_UNICODE_ISSPACE(text[end]) and Py_UNICODE_ISUPPER(text[end + 1]):
            continue
        found.append(((<tuple> span)[0], text[start:end]))
    return found
