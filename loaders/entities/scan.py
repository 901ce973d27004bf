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
from typing import Final, NamedTuple

_RUN: Final = re.compile(
    r"[A-Z][\w'’.\-/&]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?:(?:of|for|the|de|da|del|dos|do|bin|ibn|al|van|von|der|du|la|le|y|and)[ \t]+)?"
    r"[A-Z][\w'’.\-/&]*)*"
)
ABBREVIATIONS: Final = frozenset(
    [
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Gen.",
        "Lt.",
        "Col.",
        "Maj.",
        "Capt.",
        "Adm.",
        "Sen.",
        "Rep.",
        "Amb.",
        "Gov.",
        "Pres.",
        "Prof.",
        "St.",
        "Jr.",
        "Sr.",
        "Sgt.",
        "Cmdr.",
        "Brig.",
        "Hon.",
        "No.",
        "Mt.",
        "Ft.",
        "Dept.",
        "Govt.",
        "Lt.Gen.",
        "Maj.Gen.",
        "Brig.Gen.",
        "MR.",
        "MRS.",
        "MS.",
        "DR.",
        "GEN.",
        "LT.",
        "COL.",
        "MAJ.",
        "CAPT.",
        "ADM.",
        "SEN.",
        "REP.",
        "AMB.",
        "GOV.",
        "PROF.",
        "ST.",
    ]
)
_NEW: Final = tuple.__new__
_DOTTED: Final = re.compile(r"(?:[A-Z]\.)+$")
#: Lone capitalised words that start sentences and never name anything: not kept.
SENTENCE_STARTS: Final = frozenset(
    str.split(
        """The This That These Those He She It They We I In On At For But And As If When While
    After Before During Since Although However Also A An Our His Her Their Its There Both
    Some All Many Most Other Such According Despite Following With Without From To By Of
    Under Over Between Among Through Into What Which Who Why How Where Please Comment Note
    End Summary Background Moreover Meanwhile Further Furthermore Instead Indeed Perhaps
    Still Yet Thus Even Only Each Any No Not Nor Or So Then Than Once Now Today Yesterday
    Asked Given Noting Regarding Separately Finally First Second Third Next Last Overall"""
    )
)


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
    words = run.split()
    if (". " not in run and ".\n" not in run) or not any(map(ends_sentence, words[:-1])):
        return [_NEW(Segment, (start, end, tuple(words), run))]
    segments: list[Segment] = []
    position, seg_start = start, start
    current: list[str] = []
    for word in words:
        position = text.index(word, position) + len(word)
        if not current:
            seg_start = position - len(word)
        current.append(word)
        if ends_sentence(word):
            segments.append(Segment(seg_start, position, tuple(current), text[seg_start:position]))
            current = []
    if current:
        segments.append(Segment(seg_start, position, tuple(current), text[seg_start:position]))
    return segments


def scan_segments(text: str, keep: AbstractSet[str] | None = None) -> list[Segment]:
    """All capitalised segments of ``text``, in order.

    With ``keep``, only segments that may matter are kept: a word in ``keep`` (or in it
    once a full stop is dropped), a hyphen or an apostrophe. The rest cannot match.

    >>> [s.words for s in scan_segments("Foreign Minister\\nKoumura met NATO-led forces.")]
    [('Foreign', 'Minister', 'Koumura'), ('NATO-led',)]
    >>> [s.words for s in scan_segments("He met Tanaka Ichiro in Japan.", keep={"Japan"})]
    [('Japan.',)]
    """
    segments: list[Segment] = []
    for match in _RUN.finditer(text):
        run = match.group()
        if " " in run or "\n" in run or "\t" in run:
            for segment in split_run(text, *match.span()):
                if keep is None or may_matter(segment.words, segment.raw, keep):
                    segments.append(segment)
        elif run not in SENTENCE_STARTS and (
            keep is None
            or run in keep
            or "-" in run
            or "'" in run
            or "’" in run
            or run[:-1] in keep
        ):
            segments.append(_NEW(Segment, (match.start(), match.end(), (run,), run)))
    return segments


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
    if word.endswith(("'s", "’s", "'S")):
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    if word.endswith(".") and not _DOTTED.match(word) and word not in ABBREVIATIONS:
        return word[:-1]
    return word
