"""Officials mentioned in a cable: name, title and affiliation where the text gives them.

A person is found where a title or courtesy form introduces a name
(``Foreign Minister Koumura``, ``National Security Adviser Rassoul``,
``Minister of Defense Wardak``, ``Dr. Jason Hamm, OSD Country Director for Japan``).
Bare names without a title are not taken: capitalised words alone are too often places,
parties or sentence starts. Mentions of one person are merged (``Koumura`` with
``Masahiko Koumura``): one entry per person per cable, the fullest name kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Final

from loaders.entities.common_words import COMMON_WORDS
from loaders.entities.lexicon import COMPILED_HITS, LEXICON
from loaders.entities.officials_mentions import (
    AFFILIATION_KINDS,
    MAX_CAPS_NAME_WORDS,
    MAX_NAME_WORDS,
    VERBISH,
    Mention,
    affiliation_of,
    read_segment_mentions,
)
from loaders.entities.officials_merge import merge_officials, name_words
from loaders.entities.scan import Segment, bare_word, scan_segments
from loaders.entities.scan_words import ABBREVIATIONS
from loaders.entities.segment_filters import indices_naming_any
from loaders.entities.title_words import (
    COMMON_CAPS,
    HONORIFICS,
    NAME_PARTICLES,
    NOT_NAMES,
    OFFICE_WORDS,
    ORG_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from loaders.record import Official

try:  # the compiled mention reader, built by ``pip install`` (officials_c.pyx); same results
    from loaders.entities.officials_c import MentionReader
except ImportError:  # pragma: no cover - a checkout that was never built
    MentionReader = None  # type: ignore[assignment,misc]

_MAX_APPOSITIVE_WORDS: Final = 9
INTRODUCERS: Final = TITLE_HEADS | HONORIFICS


def compiled_reader(table_limit: int = 1 << 14) -> MentionReader | None:
    """The compiled reader of this module's word tables, its table of segment mentions
    holding at most ``table_limit`` words tuples (None when ``officials_c`` is not built).

    >>> reader = compiled_reader(4)
    >>> reader is None or reader(("Mr.", "Tanaka"), False)[0].official.name == "Tanaka"
    True
    """
    if MentionReader is None:
        return None
    return MentionReader(
        LEXICON, AFFILIATION_KINDS, TITLE_HEADS, HONORIFICS, NAME_PARTICLES, NOT_NAMES,
        OFFICE_WORDS, TITLE_MODIFIERS, COMMON_WORDS, COMMON_CAPS, ABBREVIATIONS, VERBISH,
        MAX_NAME_WORDS, MAX_CAPS_NAME_WORDS, Mention, Official, ORG_WORDS, table_limit,
    )  # fmt: skip


#: The compiled reader (None when not built): a new segment's mentions, a cable's merge.
_READER: Final = compiled_reader()
_READ_MENTIONS: Final[Callable[[tuple[str, ...], bool], tuple[Mention, ...]]] = (
    read_segment_mentions if _READER is None else _READER
)
#: The lexicon's hit collector when it notes the segments naming an introducer (it has
#: just read them, and knows them without reading their words again).
_FLAGGED: Final = (
    COMPILED_HITS if COMPILED_HITS is not None and COMPILED_HITS.flag_words == INTRODUCERS else None
)
#: All titled mentions in one segment's words, cached (titled segments recur): the
#: cache calls the compiled reader itself, without a Python frame between.
iter_segment_mentions: Final = lru_cache(maxsize=1 << 14)(_READ_MENTIONS)


def read_appositive(segment: Segment, all_caps: bool) -> tuple[str | None, str | None]:
    """(title, affiliation) from the words after ``Name,``: ``OSD Country Director ...``.

    >>> seg = Segment(0, 0, ("OSD", "Country", "Director", "for", "Japan"), "")
    >>> read_appositive(seg, False)
    ('Country Director for Japan', 'OSD')
    >>> read_appositive(Segment(0, 0, ("State", "Political-Military", "Affairs"), ""), False)
    (None, 'State Political-Military Affairs')
    >>> read_appositive(Segment(0, 0, ("Lula",), ""), False)
    (None, None)
    """
    words = segment.words[:_MAX_APPOSITIVE_WORDS]
    affiliation = affiliation_of(words[0], all_caps)
    rest = words[1:] if affiliation is not None else words
    if any(word in TITLE_HEADS for word in rest):
        return " ".join(bare_word(word) for word in rest) or None, affiliation
    if affiliation is not None or any(bare_word(word) in ORG_WORDS for word in words):
        return None, " ".join(bare_word(word) for word in words)
    return None, None


def follows_with_comma(text: str, segment: Segment, after: Segment) -> bool:
    """True when ``after`` starts right after ``segment`` and a comma: ``Hamm, OSD``.

    >>> text = "Hamm, OSD Director"
    >>> follows_with_comma(text, Segment(0, 4, (), ""), Segment(6, 18, (), ""))
    True
    """
    end, start = segment[1], after[0]
    return start - end <= 3 and text[end:start].strip() == ","


def complete_with_appositive(
    text: str, segments: Sequence[Segment], index: int, official: Official, all_caps: bool
) -> Official:
    """Fill a missing title or affiliation from an appositive after the name."""
    if index + 1 >= len(segments) or not follows_with_comma(
        text, segments[index], segments[index + 1]
    ):
        return official
    title, affiliation = read_appositive(segments[index + 1], all_caps)
    return Official(
        name=official.name,
        title=official.title or title,
        affiliation=official.affiliation or affiliation,
    )


def find_officials(
    text: str, segments: Sequence[Segment], all_caps: bool = False
) -> tuple[Official, ...]:
    """Officials in already scanned ``segments`` of ``text``, merged per person: in one
    compiled call when ``officials_c`` is built (a list of segments), else
    :func:`find_officials_python`.

    >>> text = "Foreign Minister Koumura and Mr. Tanaka."
    >>> [o.name for o in find_officials(text, scan_segments(text))]
    ['Koumura', 'Tanaka']
    """
    if _READER is None or type(segments) is not list:
        return find_officials_python(text, segments, all_caps)
    if _FLAGGED is None:
        return _READER.find(text, segments, all_caps, iter_segment_mentions, name_words)
    titled = _FLAGGED.flagged(segments)
    generation = _FLAGGED.generation  # the reader's table is emptied with the collector's
    return _READER.find(
        text, segments, all_caps, iter_segment_mentions, name_words, titled, generation
    )


def find_officials_python(
    text: str, segments: Sequence[Segment], all_caps: bool = False
) -> tuple[Official, ...]:
    """:func:`find_officials` in Python: the reference for the compiled ``find``.

    >>> text = "Dr. Jason Hamm, OSD Country Director for Japan, called."
    >>> find_officials_python(text, scan_segments(text))[0].affiliation
    'OSD'
    """
    found: list[Official] = []
    for index in indices_naming_any(segments, INTRODUCERS):
        words = segments[index][2]
        for name_end, official in iter_segment_mentions(words, all_caps):
            if name_end == len(words):
                official = complete_with_appositive(text, segments, index, official, all_caps)
            found.append(official)
    return merge_officials(found)


def extract_officials(text: str, all_caps: bool = False) -> tuple[Official, ...]:
    """Officials mentioned in ``text``.

    >>> for o in extract_officials("Please brief Foreign Minister Koumura.  Questions to "
    ...                            "Dr. Jason Hamm, OSD Country Director for Japan, at x."):
    ...     print(o)
    Official(name='Koumura', title='Foreign Minister', affiliation=None)
    Official(name='Jason Hamm', title='Country Director for Japan', affiliation='OSD')
    """
    return find_officials(text, scan_segments(text), all_caps)
