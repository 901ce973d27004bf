# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled reader of the signature on the last lines of a body
(``authority.parse_signers_python``): the lines are walked back from the end of the body
in place, none of its tail copied, and each is tested without a regular expression.

``signers(body)`` is ``parse_signers_python(body)``, for a body of any width: the name
patterns' letters are ASCII (no ``re.IGNORECASE``), their whitespace is Unicode's, as the
``strip`` of a line. It raises ``authority_c.Declined`` and leaves the body to the
pure-Python reference where the line it reads ends in an ISO-like date holding a
character past ASCII (``\\d`` is Unicode's), or is 1-4 characters with one (``upper``).

The last lines are those of ``body[max(0, e - 2000):e]``, ``e`` the end of the body
without its trailing whitespace: ``last_lines`` reads 400 characters first, but only
keeps their lines when there are more than the 4 it needs, whole lines the same there.
``tests/loaders/test_authority_compiled.py`` compares this reader with the reference.
"""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)

from loaders.entities.unicode_c cimport unit
from loaders.header.ascii_c cimport is_alpha, is_digit, is_lower, is_space, is_upper, upper
from loaders.header.authority_c import Declined

cdef extern from "Python.h":
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)

#: ``authority._NOT_SIGNERS`` (the compiled test checks they are the same).
NOT_SIGNERS = frozenset(
    """BT NNNN END SUMMARY COMMENT TEXT NOTE SIPDIS NOFORN UNCLASSIFIED CONFIDENTIAL SECRET
    MINIMIZE CONSIDERED THANKS""".split()
)

cdef tuple _NOT_SIGNER_WORDS = tuple(word.encode("ascii") for word in NOT_SIGNERS)

cdef enum:
    TAIL = 2000  # authority.SIGNER_TAIL
    LINES = 4


cdef inline bint is_break(Py_UCS4 c) noexcept:
    """A line break of ``str.splitlines``."""
    return 10 <= c <= 13 or 28 <= c <= 30 or c == 0x85 or c == 0x2028 or c == 0x2029


cdef inline bint space(Py_UCS4 c) noexcept:
    """Whitespace of ``str.isspace`` (``\\s``, ``str.strip``)."""
    return c == 32 or (is_space(c) if c < 128 else Py_UNICODE_ISSPACE(c))


cdef inline bint is_name_char(unsigned int c) noexcept:
    """``[A-Z'\\-]``."""
    return is_upper(c) or c == 39 or c == 45


cdef bint is_signer_line(const unit* s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """``_SIGNER_LINE_RE`` matches ``s[a:b]`` (``[A-Z][A-Z'\\-]+`` words, up to 3, one space
    or ``/`` apart; or a letter, ``[a-z]*``, ``[A-Z]?`` and ``[a-z'\\-]+``)."""
    cdef Py_ssize_t i = a, j, words = 0, capital = -1
    while i < b and is_upper(s[i]):
        j = i + 1
        i = j
        while i < b and is_name_char(s[i]):
            i += 1
        if i == j:
            break
        words += 1
        if i == b:
            return True
        if words == 3 or (s[i] != 32 and s[i] != 47):
            break
        i += 1
    if b - a < 2 or not is_alpha(s[a]):
        return False
    for i in range(a + 1, b):
        if is_upper(s[i]):
            if capital >= 0:
                return False
            capital = i
        elif not (is_lower(s[i]) or s[i] == 39 or s[i] == 45):
            return False
    if capital < 0:
        return True
    for i in range(a + 1, capital):
        if not is_lower(s[i]):
            return False
    return capital < b - 1


cdef Py_ssize_t name_after_sentence(const unit* s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """Where ``_AFTER_SENTENCE_RE`` (``[.)]\\s+`` and one or two capitalised words at the
    end) finds its name after the last ``.`` or ``)`` of ``s[a:b]``, or -1."""
    cdef Py_ssize_t i = b - 1, start, j
    while i >= a and s[i] != 46 and s[i] != 41:
        i -= 1
    if i < a:
        return -1
    i += 1
    if i >= b or not space(s[i]):
        return -1
    while i < b and space(s[i]):
        i += 1
    start = i
    j = capitalised_word(s, i, b)
    if j - i < 3:  # [A-Z][A-Z'\-]{2,}
        return -1
    if j == b:
        return start
    if s[j] != 32:
        return -1
    i = j + 1
    j = capitalised_word(s, i, b)
    return start if j - i >= 2 and j == b else -1


cdef inline Py_ssize_t capitalised_word(const unit* s, Py_ssize_t i, Py_ssize_t b) noexcept:
    """The end of ``[A-Z][A-Z'\-]*`` at ``i`` (``i`` when there is none)."""
    if i >= b or not is_upper(s[i]):
        return i
    i += 1
    while i < b and is_name_char(s[i]):
        i += 1
    return i


cdef inline bint iso_date_at(const unit* s, Py_ssize_t i) except -1:
    """``\\d{4}-\\d{2}-\\d{2}`` at ``i`` in ASCII digits (declined past ASCII)."""
    cdef int k
    cdef bint ascii = True
    for k in range(10):
        if k == 4 or k == 7:
            if s[i + k] != 45:
                return False
        elif s[i + k] >= 128:
            ascii = False
        elif not is_digit(s[i + k]):
            return False
    if not ascii:
        raise Declined("a date of digits past ASCII")
    return True


cdef object signers_on(const unit* s, Py_ssize_t a, Py_ssize_t b, str body):
    """The signers of the line ``s[a:b]``, or None when it is skipped."""
    cdef Py_ssize_t start, i
    while a < b and space(s[a]):
        a += 1
    while b > a and space(s[b - 1]):
        b -= 1
    if b > a and s[b - 1] == 46:  # without_signer_tail: a final "." or ISO date
        b -= 1
        while b > a and space(s[b - 1]):
            b -= 1
    elif b - a >= 10 and iso_date_at(s, b - 10):
        b -= 10
        while b > a and space(s[b - 1]):
            b -= 1
    if a == b or s[a] == 35:  # empty, or "#..."
        return None
    if b - a <= 4:
        for i in range(a, b):
            if s[i] >= 128:
                raise Declined("a short line past ASCII")
    if (b - a == 2 and upper(s[a]) == 66 and upper(s[a + 1]) == 84) or (
        b - a == 4 and upper(s[a]) == upper(s[a + 1]) == upper(s[a + 2]) == upper(s[a + 3]) == 78
    ):  # BT, NNNN
        return None
    if not is_signer_line(s, a, b):
        start = name_after_sentence(s, a, b)
        if start < 0:
            return ()
        a = start  # a name of capitalised words: always a signer line
    # the names, split at "/": words one space apart, nothing to strip, capitals but in
    # a mixed-case name (one word, no "/")
    cdef bint mixed = False
    start = a
    for i in range(a, b + 1):
        if i == b or s[i] == 32 or s[i] == 47:
            if is_not_signer(s, start, i):
                return ()
            start = i + 1
        elif is_lower(s[i]):
            mixed = True
    return (body[a:b].upper(),) if mixed else tuple(body[a:b].split("/"))


cdef bint is_not_signer(const unit* s, Py_ssize_t a, Py_ssize_t b):
    """``s[a:b]`` upper-cased is one of :data:`NOT_SIGNERS`."""
    cdef bytes word
    cdef Py_ssize_t k
    for word in _NOT_SIGNER_WORDS:
        if len(word) == b - a:
            for k in range(b - a):
                if upper(s[a + k]) != <unsigned char> word[k]:
                    break
            else:
                return True
    return False


cdef object signers_of(const unit* s, Py_ssize_t n, str body):
    cdef Py_ssize_t e = n, low, line_end, start, b
    cdef int count = 0
    cdef object found
    while e > 0 and Py_UNICODE_ISSPACE(s[e - 1]):
        e -= 1
    low = e - TAIL if e > TAIL else 0
    line_end = e
    cdef bint more = e > low
    while more and count < LINES:  # the lines of body[low:e], from the last
        count += 1
        b = line_end - 1
        while b >= low and not is_break(s[b]):
            b -= 1
        if b < low:
            start, more = low, False
        else:
            start = b + 1
        found = signers_on(s, start, line_end, body)
        if found is not None:
            return found
        line_end = b - 1 if b > low and s[b] == 10 and s[b - 1] == 13 else b
    return ()


def signers(str body not None):
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if kind == PyUnicode_1BYTE_KIND:
        return signers_of(<const Py_UCS1*> data, len(body), body)
    if kind == PyUnicode_2BYTE_KIND:
        return signers_of(<const Py_UCS2*> data, len(body), body)
    return signers_of(<const Py_UCS4*> data, len(body), body)
