# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled header scan of ``text.strip_header``:

- ``header_end(body, lines, prose)``: ``text.header_end_python(body, lines, prose)``,
  the offset where the leading header block ends;
- ``line_start_kind(line)``: what ``text._LINE_START.match(line)`` says of a line:
  NO_MATCH, HEADER_LINE or PARAGRAPH_LINE (group 1, a numbered paragraph).

The lines are ``str.splitlines(keepends=True)``'s, found in place, and ``_LINE_START``
(``[ \\t]*`` then a paragraph number or a header word, case-insensitive) is matched
on each as ``re`` does: letters compared as ``re.IGNORECASE`` does for a ``str``
pattern (the simple lower case, with ``ſ`` as ``s`` and ``ı`` as ``i``), ``\\d`` any
decimal digit, ``\\b`` between a word character (alphanumeric or ``_``) and another
character or the end. Every part of the pattern is greedy and the next part never
starts with what the one before takes, so no backtracking is needed.
``tests/loaders/test_text_compiled.py`` compares both with their references on every
corpus body and on generated text.
"""

from loaders.entities.text_unicode_c cimport (
    Py_UCS1,
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISLINEBREAK,
    Py_UNICODE_ISSPACE,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    chars,
    fold,
)

ctypedef enum LineStart:
    START_NONE = 0
    START_HEADER = 1
    START_PARAGRAPH = 2

NO_MATCH, HEADER_LINE, PARAGRAPH_LINE = START_NONE, START_HEADER, START_PARAGRAPH

cdef enum:
    MAX_DIGITS = 3  # of a paragraph number
    EO_DIGITS = 4  # after the 1 of E.O. 1xxxx
    BANNER_LETTERS = 3  # spaced-out banner: at least ``C O N `` (letter, space)
    PILCROW = 0xB6

# The header words (``text._HEADER_WORDS``), in small letters; a space stands for
# itself. Each ended word is followed by an optional ending, then a word boundary.
cdef const char* ENDED[8]
cdef const char* ENDINGS[8]
ENDED[:] = [b"tag", b"subj", b"ref", b"reference", b"reftel", b"classified by",
            b"derived from", b"decl"]
ENDINGS[:] = [b"s", b"ect", b"s", b"s", b"", b"", b"", b"assify"]
cdef const char* PREFIXES[7]  # matched as they are, whatever follows
PREFIXES[:] = [b"sipdis", b"noforn", b"nodis", b"exdis", b"limdis", b"stadis",
               b"corrected copy"]
cdef const char* BANNERS[5]  # then a word boundary and no letter to the line's end
BANNERS[:] = [b"unclas", b"confidential", b"secret", b"sensitive", b"for official use"]


cdef inline bint is_letter(Py_UCS4 ch) noexcept nogil:
    """``[A-Z]`` with ``re.IGNORECASE``."""
    cdef unsigned int code = fold(ch)
    return 0x61 <= code <= 0x7A


cdef inline bint is_word(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    return i < n and (Py_UNICODE_ISALNUM(src[i]) or src[i] == 0x5F)


cdef inline Py_ssize_t skip_blanks(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    while i < n and (src[i] == 0x20 or src[i] == 0x09):
        i += 1
    return i


cdef inline Py_ssize_t skip_digits(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    while i < n and Py_UNICODE_ISDECIMAL(src[i]):
        i += 1
    return i


cdef inline Py_ssize_t word_end(
    const chars* src, Py_ssize_t i, Py_ssize_t n, const char* word
) noexcept nogil:
    """The end of ``word`` at ``i`` (case-insensitive), or -1."""
    cdef Py_ssize_t k = 0
    while word[k]:
        if i >= n or fold(src[i]) != <unsigned char>word[k]:
            return -1
        i += 1
        k += 1
    return i


cdef bint paragraph_number(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """``(?:¶[ \\t]*)?\\d{1,3}[ \\t]*(?:\\.[ \\t(]|,[ \\t]*\\()`` at ``i``."""
    cdef Py_ssize_t digits
    if i < n and src[i] == PILCROW:
        i = skip_blanks(src, i + 1, n)
    digits = skip_digits(src, i, n)
    if not 1 <= digits - i <= MAX_DIGITS:
        return False
    i = skip_blanks(src, digits, n)
    if i + 1 < n and src[i] == 0x2E:  # .
        return src[i + 1] == 0x20 or src[i + 1] == 0x09 or src[i + 1] == 0x28
    if i < n and src[i] == 0x2C:  # ,
        i = skip_blanks(src, i + 1, n)
        return i < n and src[i] == 0x28
    return False


cdef bint executive_order(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """``E\\.?[ ]?O\\.?[ ]?1\\d{4}`` at ``i``."""
    cdef int part
    for part in range(2):
        if i >= n or fold(src[i]) != (0x65 if part == 0 else 0x6F):  # e, o
            return False
        i += 1
        if i < n and src[i] == 0x2E:
            i += 1
        if i < n and src[i] == 0x20:
            i += 1
    if i >= n or src[i] != 0x31:  # 1
        return False
    return skip_digits(src, i + 1, n) - (i + 1) >= EO_DIGITS


cdef bint header_word(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """One of the alternatives of ``text._HEADER_WORDS`` at ``i``."""
    cdef Py_ssize_t k, end, longer, letter = i
    cdef unsigned int first = fold(src[i])  # (i < n) each word is tried only if it fits
    if first == 0x65 and executive_order(src, i, n):  # e
        return True
    for k in range(8):
        if first != <unsigned char>ENDED[k][0]:
            continue
        end = word_end(src, i, n, ENDED[k])
        if end >= 0:
            longer = word_end(src, end, n, ENDINGS[k])
            if longer >= 0 and not is_word(src, longer, n):
                return True
            if not is_word(src, end, n):
                return True
    for k in range(7):
        if first == <unsigned char>PREFIXES[k][0] and word_end(src, i, n, PREFIXES[k]) >= 0:
            return True
    for k in range(5):
        if first != <unsigned char>BANNERS[k][0]:
            continue
        end = word_end(src, i, n, BANNERS[k])
        if end >= 0 and not is_word(src, end, n):
            while end < n and src[end] != 0x0A and not is_letter(src[end]):
                end += 1
            if end == n or (end == n - 1 and src[end] == 0x0A):
                return True
    for k in range(BANNER_LETTERS):
        if not (letter + 1 < n and is_letter(src[letter]) and src[letter + 1] == 0x20):
            break
        letter += 2
    else:
        return True
    end = word_end(src, i, n, b"section ")
    if end < 0:
        return False
    k = skip_digits(src, end, n)
    if k == end:
        return False
    end = word_end(src, k, n, b" of ")
    return end >= 0 and skip_digits(src, end, n) > end


cdef LineStart kind_of(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """``_LINE_START.match`` on src[i:n]."""
    i = skip_blanks(src, i, n)
    if i >= n:
        return START_NONE
    if src[i] < 128 and not (
        0x30 <= src[i] <= 0x39 or 0x41 <= src[i] <= 0x5A or 0x61 <= src[i] <= 0x7A
    ):
        return START_NONE  # where neither a paragraph number nor a header word starts
    if paragraph_number(src, i, n):
        return START_PARAGRAPH
    return START_HEADER if header_word(src, i, n) else START_NONE


cdef struct Line:
    Py_ssize_t stop  # past its line break
    bint blank  # only whitespace (``not line.strip()``)
    Py_ssize_t ascii  # ASCII characters
    Py_ssize_t lower  # small ASCII letters


cdef void read_line(const chars* src, Py_ssize_t i, Py_ssize_t n, Line* line) noexcept nogil:
    """The line starting at ``i`` (``str.splitlines`` breaks): where it stops, and
    what the scan asks of it."""
    cdef Py_UCS4 ch
    line.blank = True
    line.ascii = line.lower = 0
    while i < n:
        ch = src[i]
        i += 1
        if ch < 128:
            line.ascii += 1
            line.lower += 0x61 <= ch <= 0x7A
            if ch > 0x20:  # neither whitespace nor a line break
                line.blank = False
                continue
        if line.blank and not Py_UNICODE_ISSPACE(ch):
            line.blank = False
        if Py_UNICODE_ISLINEBREAK(ch):
            if ch == 0x0D and i < n and src[i] == 0x0A:  # \r\n is one break
                line.ascii += 1
                i += 1
            break
    line.stop = i


cdef Py_ssize_t scan(
    const chars* src, Py_ssize_t n, Py_ssize_t lines, Py_ssize_t prose
) noexcept nogil:
    cdef Py_ssize_t start = 0, cut = 0, count = 0
    cdef bint in_block = False
    cdef LineStart kind
    cdef Line line
    while start < n and count < lines:
        read_line(src, start, n, &line)
        count += 1
        kind = kind_of(src, start, line.stop)
        if kind == START_PARAGRAPH:
            break
        if kind == START_HEADER:
            in_block = True
        elif line.blank:
            in_block = False
        elif not in_block and line.stop - start >= prose and line.lower * 2 > line.ascii:
            break  # running text
        if in_block or (line.blank and cut == start):
            cut = line.stop
        start = line.stop
    return cut


def header_end(str body not None, Py_ssize_t lines, Py_ssize_t prose):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(body)
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if kind == 1:
        return scan(<Py_UCS1*>data, n, lines, prose)
    if kind == 2:
        return scan(<Py_UCS2*>data, n, lines, prose)
    return scan(<Py_UCS4*>data, n, lines, prose)


def line_start_kind(str line not None):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(line)
    cdef int kind = PyUnicode_KIND(line)
    cdef void* data = PyUnicode_DATA(line)
    if kind == 1:
        return kind_of(<Py_UCS1*>data, 0, n)
    if kind == 2:
        return kind_of(<Py_UCS2*>data, 0, n)
    return kind_of(<Py_UCS4*>data, 0, n)
