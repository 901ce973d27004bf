"""One pass over the body: runs of capitalised words, cut into sentence segments.

Every dictionary and pattern extractor works on these segments instead of scanning
the text again. A run is a sequence of capitalised words, possibly wrapped over a line
break and joined by small connectors (``of``, ``for``, ``da``, ``bin`` ...):
``Minister of Defense Wardak``, ``Lula da Silva``. A run is cut after a word that ends
a sentence (``Japan.``) but not after an abbreviation (``Dr.``, ``U.S.``, ``J.``).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Final, NamedTuple

from loaders.entities.scan_pattern import SCANNER, lone_word_keep
from loaders.entities.scan_words import ABBREVIATIONS, SENTENCE_STARTS

try:  # the compiled scanner, built by ``pip install`` (scan_c.pyx); same results
    from loaders.entities.scan_c import KeptScanner as _KeptScanner
except ImportError:  # pragma: no cover - a checkout that was never built
    _KeptScanner = None  # type: ignore[assignment,misc]

__all__ = [
    "ABBREVIATIONS",
    "COMPILED",
    "SENTENCE_STARTS",
    "Segment",
    "bare_word",
    "compiled_scanner",
    "ends_sentence",
    "may_matter",
    "scan_all_segments",
    "scan_kept_python",
    "scan_segments",
    "split_run",
    "split_words",
    "words_may_matter",
]

#: True when the compiled scanner (``scan_c``) is in use.
COMPILED: Final = _KeptScanner is not None
_NEW: Final = tuple.__new__
_DOTTED: Final = re.compile(r"(?:[A-Z]\.)+$")
_TOKEN: Final = re.compile(r"\S+")
#: The last characters :func:`bare_word` may drop (``'s``, ``s'``, a full stop).
_BARE_ENDS: Final = frozenset("sS'’.")


class Segment(NamedTuple):
    """Capitalised words of one run between sentence ends, with their span in the text.

    Hot paths build it with ``tuple.__new__`` (:data:`_NEW`), a third of the cost of the
    generated constructor; the fields are the same.
    """

    start: int
    end: int
    words: tuple[str, ...]
    raw: str  # the segment as written, for fast substring checks


def ends_sentence(word: str) -> bool:
    """True when ``word`` closes a sentence (a full stop that is not an abbreviation).

    >>> [ends_sentence(w) for w in ("Japan.", "Dr.", "U.S.", "J.", "Japan")]
    [True, False, False, False, False]
    """
    return word.endswith(".") and word not in ABBREVIATIONS and not _DOTTED.match(word)


def split_run(text: str, start: int, end: int) -> list[Segment]:
    """Cut the run ``text[start:end]`` into segments after sentence-ending words.

    >>> [s.words for s in split_run("in Japan. The GOJ said", 3, 17)]
    [('Japan.',), ('The', 'GOJ')]
    """
    run = text[start:end]
    return split_words(start, run, run.split())


def split_words(start: int, run: str, words: list[str]) -> list[Segment]:
    """Cut a run (``run`` found at offset ``start``, split into ``words``) after
    sentence-ending words; word offsets are looked up only when there is a cut.

    >>> [(s.start, s.raw) for s in split_words(3, "Japan.  The GOJ", ["Japan.", "The", "GOJ"])]
    [(3, 'Japan.'), (11, 'The GOJ')]
    """
    if ". " in run or ".\n" in run:
        cuts = [i for i, word in enumerate(words[:-1]) if word[-1] == "." and ends_sentence(word)]
    else:
        cuts = []
    if not cuts:
        return [_NEW(Segment, (start, start + len(run), tuple(words), run))]
    spans = [match.span() for match in _TOKEN.finditer(run)]
    segments: list[Segment] = []
    first = 0
    for last in (*cuts, len(words) - 1):
        begin, end = spans[first][0], spans[last][1]
        segment = (start + begin, start + end, tuple(words[first : last + 1]), run[begin:end])
        segments.append(_NEW(Segment, segment))
        first = last + 1
    return segments


def scan_segments(text: str, keep: AbstractSet[str] | None = None) -> list[Segment]:
    """All capitalised segments of ``text``, in order.

    With ``keep``, only segments that may matter are kept: a word in ``keep`` (or in it
    once a full stop is dropped), a hyphen or an apostrophe. The rest cannot match; a
    run of several words is dropped whole when none of its words can matter.

    >>> [s.words for s in scan_segments("Foreign Minister\\nKoumura met NATO-led forces.")]
    [('Foreign', 'Minister', 'Koumura'), ('NATO-led',)]
    >>> [s.words for s in scan_segments("He met Tanaka Ichiro in Japan.", keep={"Japan"})]
    [('Japan.',)]
    """
    if keep is None:
        return scan_all_segments(text)
    frozen = frozenset(keep)
    if _KeptScanner is not None:
        return compiled_scanner(frozen).scan(text)
    return scan_kept_python(text, frozen, lone_word_keep(frozen))


@lru_cache(maxsize=8)
def compiled_scanner(keep: frozenset[str]) -> _KeptScanner:
    """The compiled scanner of one keep set, with its table of the runs it has seen
    (lone words its filters rule out are not stored; ``compiled_scanner.cache_clear()``
    drops the scanners).

    >>> scanner = compiled_scanner(frozenset({"Japan"})); scanner.clear()
    >>> [s.words for s in scanner.scan("He met Tanaka in Japan.")], len(scanner)
    ([('Japan.',)], 1)
    """
    return _KeptScanner(keep, lone_word_keep(keep), ABBREVIATIONS, SENTENCE_STARTS, Segment)


def scan_kept_python(text: str, frozen: frozenset[str], lone: frozenset[str]) -> list[Segment]:
    """:func:`scan_segments` with ``keep`` in pure Python: the reference for the compiled
    scanner (``lone`` is :func:`lone_word_keep` of ``frozen``).

    >>> [s.words for s in scan_kept_python("He met Tanaka in Japan.", frozenset({"Japan"}),
    ...                                     frozenset({"Japan"}))]
    [('Japan.',)]
    """
    segments: list[Segment] = []
    for match in SCANNER.finditer(text):
        run = match.group()
        if " " in run or "\n" in run or "\t" in run:
            words = run.split()
            if words_may_matter(run, words, frozen):
                for segment in split_words(match.start(), run, words):
                    if may_matter(segment[2], segment[3], frozen):
                        segments.append(segment)
        elif (
            run in lone
            or "-" in run
            or "'" in run
            or "’" in run
            or (run[:-1] in frozen and run not in SENTENCE_STARTS)
        ):
            segments.append(_NEW(Segment, (match.start(), match.end(), (run,), run)))
    return segments


def scan_all_segments(text: str) -> list[Segment]:
    """Every capitalised segment of ``text`` but lone sentence starts.

    >>> [s.words for s in scan_all_segments("The GOJ said. The talks")]
    [('The', 'GOJ')]
    """
    segments: list[Segment] = []
    for match in SCANNER.finditer(text):
        run = match.group()
        if " " in run or "\n" in run or "\t" in run:
            segments.extend(split_run(text, *match.span()))
        elif run not in SENTENCE_STARTS:
            segments.append(_NEW(Segment, (match.start(), match.end(), (run,), run)))
    return segments


def words_may_matter(run: str, words: list[str], keep: AbstractSet[str]) -> bool:
    """Could any segment of a several-word ``run`` (split into ``words``) matter (see
    :func:`may_matter`)? When not, the run is dropped before it is cut.

    >>> words_may_matter("Tanaka Ichiro", ["Tanaka", "Ichiro"], {"Japan"})
    False
    >>> words_may_matter("In Japan. The", ["In", "Japan.", "The"], {"Japan"})
    True
    """
    return (
        not keep.isdisjoint(words)
        or "-" in run
        or "'" in run
        or "’" in run
        or ("." in run and any(w[-1] == "." and w[:-1] in keep for w in words))
    )


def may_matter(words: tuple[str, ...], raw: str, keep: AbstractSet[str]) -> bool:
    """Could a segment match anything: a word in ``keep`` (before or after dropping a
    final full stop), a hyphen (``NATO-led``, ``CH-47``) or a possessive?

    >>> may_matter(("Tanaka", "Ichiro"), "Tanaka Ichiro", {"Japan"})
    False
    >>> may_matter(("In", "Japan."), "In Japan.", {"Japan"})
    True
    """
    return (
        not keep.isdisjoint(words)
        or "-" in raw
        or "'" in raw
        or "’" in raw
        or (raw[-1] == "." and words[-1][:-1] in keep)
    )


def bare_word(word: str) -> str:
    """A word without a closing full stop, comma-damaged or real possessive ``'s``.

    >>> [bare_word(w) for w in ("Japan's", "Koumura.", "U.S.", "Japan’s", "Jones'")]
    ['Japan', 'Koumura', 'U.S.', 'Japan', 'Jones']
    """
    if word[-1:] not in _BARE_ENDS:
        return word  # most words: one test
    if word.endswith(("'s", "’s", "'S")):
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    if word.endswith(".") and not _DOTTED.match(word) and word not in ABBREVIATIONS:
        return word[:-1]
    return word
