# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled readers of the classification reasons (``authority.parse_reasons_python``)
and of a ``DECL`` date (``dtg.parse_us_date``), for ASCII text only, as ``authority_c``
(the reasons also with ``’``, which their pattern reads as ``'``): any other text raises
``authority_c.Declined`` and the pure-Python reference reads it.

- ``reasons(value)``: ``parse_reasons_python(value)``;
- ``us_date(text)``: ``parse_us_date(text)``.

``tests/loaders/test_authority_compiled.py`` compares them with the references.
"""

from loaders.header.ascii_c cimport (
    ascii_data, in_chars, is_alpha, is_digit, is_space, lower, skip_space, text_t, word_at,
)
from loaders.header.authority_c import Declined


# ---- _REASON_RE ``1\s?[.:/]\s?([4-7])\.?((?:[\s(),&/'’]|AND|OR|[A-Ha-h](?![A-Za-z]))*)``:
# nothing follows the repeated group, so its first greedy reading is the match; then
# _LETTER_RE ``(?<![A-Za-z])([A-Ha-h])(?![A-Za-z])`` in that group (read as its own string).

cdef Py_ssize_t reason_end(text_t s, Py_ssize_t i, Py_ssize_t n) noexcept:
    """The end of the repeated group opening at ``i``."""
    while i < n:
        if is_space(s[i]) or in_chars(s[i], b"(),&/'"):
            i += 1
        elif word_at(s, i, n, b"and"):
            i += 3
        elif word_at(s, i, n, b"or"):
            i += 2
        elif 97 <= lower(s[i]) <= 104 and not (i + 1 < n and is_alpha(s[i + 1])):
            i += 1
        else:
            break
    return i


def reasons(str value not None):
    cdef text_t s = ascii_data(value)
    if s == NULL:  # ’ reads as ' (both in the pattern's class, neither a letter)
        value = value.replace("’", "'")
        s = ascii_data(value)
        if s == NULL:
            raise Declined("not ASCII")
    cdef Py_ssize_t n = len(value), p = 0, i, g, k
    cdef int digit, letter
    cdef bint seen[4][8]
    cdef list found = []
    for digit in range(4):
        for letter in range(8):
            seen[digit][letter] = False
    while p < n:
        i = p + 1
        p += 1
        if s[i - 1] != 49:  # 1
            continue
        if i < n and is_space(s[i]):
            i += 1
        if i >= n or not in_chars(s[i], b".:/"):
            continue
        i += 1
        if i < n and is_space(s[i]):
            i += 1
        if i >= n or not 52 <= s[i] <= 55:  # 4-7
            continue
        digit = s[i] - 52
        i += 1
        if i < n and s[i] == 46:
            i += 1
        g = reason_end(s, i, n)
        for k in range(i, g):
            letter = lower(s[k]) - 97
            if (
                0 <= letter < 8
                and (k == i or not is_alpha(s[k - 1]))
                and (k + 1 == g or not is_alpha(s[k + 1]))
                and not seen[digit][letter]
            ):
                seen[digit][letter] = True
                found.append(f"1.{digit + 4}({chr(letter + 97)})")
        p = g
    return tuple(found)


# ---- dtg._US_DATE_RE ``(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})``: the first
# group can only end where its run of digits ends (a digit cannot open ``\s*[/.-]``), so
# it is the last 1-4 digits of a run; the second is a whole run of 1-2 digits.

cdef inline Py_ssize_t separator_after(text_t s, Py_ssize_t i, Py_ssize_t n) noexcept:
    """The offset after ``\\s*[/.-]\\s*`` at ``i``, or -1."""
    i = skip_space(s, i, n)
    if i >= n or not in_chars(s[i], b"/.-"):
        return -1
    return skip_space(s, i + 1, n)


cdef inline int number(text_t s, Py_ssize_t a, Py_ssize_t b) noexcept:
    cdef int value = 0
    while a < b:
        value = value * 10 + s[a] - 48
        a += 1
    return value


cdef inline bint is_date(int year, int month, int day) noexcept:
    cdef int last
    if not (1 <= year <= 9999 and 1 <= month <= 12 and day >= 1):
        return False
    if month == 2:
        last = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    else:
        last = 30 if month in (4, 6, 9, 11) else 31
    return day <= last


def us_date(str text not None):
    cdef text_t s = ascii_data(text)
    if s == NULL:
        raise Declined("not ASCII")
    cdef Py_ssize_t n = len(text), p = 0, r, i, j, u, v
    cdef int year, month, day
    while p < n:
        if not is_digit(s[p]):
            p += 1
            continue
        r = p
        while r < n and is_digit(s[r]):
            r += 1
        i = separator_after(s, r, n)
        j = i
        while 0 <= j < n and is_digit(s[j]):
            j += 1
        u = separator_after(s, j, n) if 1 <= j - i <= 2 else -1
        v = u
        while 0 <= v < n and is_digit(s[v]):
            v += 1
        if u < 0 or v == u:
            p = r
            continue
        p = max(p, r - 4)
        v = min(v, u + 4)
        if r - p == 4:
            year, month, day = number(s, p, r), number(s, i, j), number(s, u, v)
        else:
            year, month, day = number(s, u, v), number(s, p, r), number(s, i, j)
            if v - u <= 2:
                year += 1900 if year >= 60 else 2000
        if not is_date(year, month, day):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
