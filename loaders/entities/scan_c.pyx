# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.scan.scan_segments` (``keep`` given).

The pure-Python version in ``scan.py`` is the reference: this one walks the text once
in C instead of through ``SCANNER.finditer`` and per-run Python, and gives the same
list of segments (``tests/loaders/entities/test_scan_compiled.py`` checks it on every
corpus body and on generated text). A run follows ``scan_pattern.SCANNER``:

- a word is ``[A-Z]`` then any of ``\\w ' ’ . - / &`` (``\\w`` as ``re`` reads it on
  ``str``: a Unicode letter or digit, or ``_``);
- words are joined by a gap (spaces/tabs, or spaces/tabs around one line break),
  optionally followed by one connector (``of``, ``da`` ...) and spaces/tabs.
"""

from libc.stdlib cimport free, realloc


cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil


cdef struct Text:
    int kind
    void* data
    Py_ssize_t n


cdef inline Py_UCS4 at(const Text* t, Py_ssize_t i) noexcept nogil:
    return PyUnicode_READ(t.kind, t.data, i)

cdef tuple CONNECTORS = (
    "of", "for", "the", "de", "da", "del", "dos", "do", "bin", "ibn", "al", "van",
    "von", "der", "du", "la", "le", "y", "and",
)

_NEW = tuple.__new__


cdef inline bint is_upper(Py_UCS4 c) noexcept:
    return c >= 65 and c <= 90  # A-Z


cdef inline bint is_space(Py_UCS4 c) noexcept:
    return c == 32 or c == 9  # space, tab


cdef bint marks_between(const Text* t, Py_ssize_t start, Py_ssize_t end) noexcept:
    """:func:`has_mark` of ``text[start:end]``, read in place."""
    cdef Py_ssize_t k
    cdef Py_UCS4 c
    for k in range(start, end):
        c = at(t, k)
        if c == 45 or c == 39 or c == 0x2019:  # - ' ’
            return True
    return False


cdef inline bint is_word_char(Py_UCS4 c) noexcept:
    if c < 128:
        return (
            (c >= 97 and c <= 122) or (c >= 65 and c <= 90) or (c >= 48 and c <= 57)
            or c == 95 or c == 39 or c == 46 or c == 45 or c == 47 or c == 38
        )
    return c == 0x2019 or c.isalnum()


cdef Py_ssize_t word_end(const Text* t, Py_ssize_t i) noexcept:
    while i < t.n and is_word_char(at(t, i)):
        i += 1
    return i


cdef Py_ssize_t connector_at(const Text* t, Py_ssize_t q) noexcept:
    """The length of the connector at ``q`` followed by a space or tab, else 0."""
    cdef Py_ssize_t size = 0, k
    cdef str connector
    while q + size < t.n and size < 4 and 97 <= at(t, q + size) <= 122:  # a-z
        size += 1
    if size == 0 or q + size >= t.n or not is_space(at(t, q + size)):
        return 0
    for connector in CONNECTORS:
        if len(connector) != size:
            continue
        for k in range(size):
            if <Py_UCS4> connector[k] != at(t, q + k):
                break
        else:
            return size
    return 0


cdef Py_ssize_t next_word(const Text* t, Py_ssize_t q, Py_ssize_t* conn) noexcept:
    """After a gap ending at ``q``: the start of the next word (an optional connector
    and its spaces first, its span stored in ``conn[0]``, ``conn[1]``), or -1."""
    cdef Py_ssize_t size, r
    conn[0] = -1
    if q >= t.n:
        return -1
    if is_upper(at(t, q)):
        return q
    size = connector_at(t, q)
    if size == 0:
        return -1
    r = q + size
    while r < t.n and is_space(at(t, r)):
        r += 1
    if r < t.n and is_upper(at(t, r)):
        conn[0], conn[1] = q, q + size
        return r
    return -1


cdef Py_ssize_t gap_end(const Text* t, Py_ssize_t p, Py_ssize_t* conn) noexcept:
    """The start of the word joined to the word ending at ``p``, or -1."""
    cdef Py_ssize_t q = p, r
    while q < t.n and is_space(at(t, q)):
        q += 1
    if q > p:
        r = next_word(t, q, conn)
        if r >= 0:
            return r
    if q < t.n and at(t, q) == 10:  # one line break
        q += 1
        while q < t.n and is_space(at(t, q)):
            q += 1
        return next_word(t, q, conn)
    return -1


cdef bint is_dotted(str word):
    """``(?:[A-Z]\\.)+`` over the whole word (``U.S.``, ``J.``)."""
    cdef Py_ssize_t size = len(word), k
    if size == 0 or size % 2:
        return False
    for k in range(0, size, 2):
        if not is_upper(word[k]) or word[k + 1] != 46:
            return False
    return True


cdef bint ends_sentence(str word, frozenset abbreviations):
    return word[len(word) - 1] == 46 and word not in abbreviations and not is_dotted(word)


cdef bint any_kept(words, frozenset keep):
    cdef str word
    for word in words:
        if word in keep:
            return True
    return False


cdef inline bint has_mark(str text):
    """A hyphen or an apostrophe (``NATO-led``, ``CH-47``, ``Japan's``)."""
    return "-" in text or "'" in text or "’" in text


cdef bint may_matter(tuple words, str raw, frozenset keep):
    cdef str word
    if any_kept(words, keep) or has_mark(raw):
        return True
    word = words[len(words) - 1]
    return raw[len(raw) - 1] == 46 and word[: len(word) - 1] in keep


cdef bint words_may_matter(str run, list words, frozenset keep):
    cdef str word
    if any_kept(words, keep) or has_mark(run):
        return True
    if "." in run:
        for word in words:
            if word[len(word) - 1] == 46 and word[: len(word) - 1] in keep:
                return True
    return False


cdef class _Spans:
    """A growable C array of token spans (start, end)."""

    cdef Py_ssize_t* data
    cdef Py_ssize_t size
    cdef Py_ssize_t capacity

    def __cinit__(self):
        self.data = NULL
        self.size = 0
        self.capacity = 0

    def __dealloc__(self):
        free(self.data)

    cdef int push(self, Py_ssize_t start, Py_ssize_t end) except -1:
        cdef Py_ssize_t* grown
        if self.size + 2 > self.capacity:
            self.capacity = 2 * self.capacity + 64
            grown = <Py_ssize_t*> realloc(self.data, self.capacity * sizeof(Py_ssize_t))
            if grown == NULL:
                raise MemoryError("scan_c: no memory for token spans")
            self.data = grown
        self.data[self.size] = start
        self.data[self.size + 1] = end
        self.size += 2
        return 0


cdef void split_segments(
    str text, _Spans spans, list words, frozenset keep, frozenset abbreviations,
    object segment_type, list out,
) except *:
    """Cut a several-word run after sentence-ending words; keep what may matter."""
    cdef Py_ssize_t count = len(words), first = 0, k, begin, end
    cdef Py_ssize_t* at = spans.data
    cdef bint look = False
    cdef tuple chunk
    cdef str raw, word
    for k in range(count - 1):
        end = at[2 * k + 1]
        if text[end - 1] == 46 and (text[end] == 32 or text[end] == 10):
            look = True
            break
    for k in range(count):
        word = words[k]
        if k < count - 1 and not (look and word[len(word) - 1] == 46):
            continue
        if k < count - 1 and not ends_sentence(word, abbreviations):
            continue
        begin, end = at[2 * first], at[2 * k + 1]
        raw = text[begin:end]
        chunk = tuple(words[first : k + 1])
        if may_matter(chunk, raw, keep):
            out.append(_NEW(segment_type, (begin, end, chunk, raw)))
        first = k + 1


def scan_kept_segments(
    str text,
    frozenset keep,
    frozenset lone,
    frozenset abbreviations,
    frozenset sentence_starts,
    object segment_type,
):
    """The segments of ``text`` that may matter, as ``scan.scan_segments`` gives them."""
    cdef Py_ssize_t n = len(text), i = 0, start, end, nxt, k
    cdef Py_ssize_t conn[2]
    cdef _Spans spans = _Spans()
    cdef list out = [], words
    cdef str run
    cdef Text t
    t.kind, t.data, t.n = PyUnicode_KIND(text), PyUnicode_DATA(text), n
    while i < n:
        if not is_upper(at(&t, i)):
            i += 1
            continue
        start = i
        spans.size = 0
        end = word_end(&t, i + 1)
        spans.push(start, end)
        while True:
            nxt = gap_end(&t, end, conn)
            if nxt < 0:
                break
            if conn[0] >= 0:
                spans.push(conn[0], conn[1])
            end = word_end(&t, nxt + 1)
            spans.push(nxt, end)
        i = end
        run = text[start:end]
        if spans.size == 2:
            if (
                marks_between(&t, start, end)
                or run in lone
                or (run[: len(run) - 1] in keep and run not in sentence_starts)
            ):
                out.append(_NEW(segment_type, (start, end, (run,), run)))
            continue
        words = [text[spans.data[k] : spans.data[k + 1]] for k in range(0, spans.size, 2)]
        if words_may_matter(run, words, keep):
            split_segments(text, spans, words, keep, abbreviations, segment_type, out)
    return out

