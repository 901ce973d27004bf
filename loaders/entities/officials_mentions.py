"""Titled mentions in one segment's words, in pure Python: the reference for the
compiled mention reader (``officials_c``, ``officials_segment_c``), which
:mod:`loaders.entities.officials` runs when it is built.

A mention opens with a title or courtesy form (``Foreign Minister``, ``Dr.``) and runs
to the name after it (``Koumura``, ``Jason Hamm``), with an office or country in between
(``Minister of Defense Wardak``) read as the affiliation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from loaders.entities.common_words import COMMON_WORDS
from loaders.entities.lexicon import LEXICON, EntryKind
from loaders.entities.scan import bare_word, ends_sentence
from loaders.entities.title_words import (
    COMMON_CAPS,
    HONORIFICS,
    NAME_PARTICLES,
    NOT_NAMES,
    OFFICE_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from loaders.record import Official

#: The most words a name runs to (in capitals text, where names are harder to tell).
MAX_NAME_WORDS: Final = 4
MAX_CAPS_NAME_WORDS: Final = 2
#: Endings of capitals words that are verbs or abstract nouns, never names.
VERBISH: Final = ("ED", "ING", "ION", "IONS", "MENT", "LY", "ATES", "IZES", "ISES", "ENCE")
#: Lexicon kinds a word before the title may name as the official's affiliation.
AFFILIATION_KINDS: Final = frozenset({EntryKind.COUNTRY, EntryKind.ORGANIZATION})


class Mention(NamedTuple):
    """One titled mention: where the name ends (word index) and what was found."""

    name_end: int
    official: Official


def affiliation_of(word: str, all_caps: bool) -> str | None:
    """Country name, organization code or office acronym that ``word`` denotes.

    >>> affiliation_of("Japanese", False), affiliation_of("OSD", False)
    ('Japan', 'OSD')
    >>> affiliation_of("Foreign", False) is None
    True
    """
    entry = LEXICON.get(bare_word(word))
    if entry is not None and entry.kind in AFFILIATION_KINDS:
        return entry.name
    is_acronym = 2 <= len(word) <= 6 and word.isupper() and word.isalpha()
    return word if is_acronym and not all_caps and word not in TITLE_HEADS else None


def is_name_word(word: str, all_caps: bool) -> bool:
    """Can ``word`` (bare) be part of a person's name?

    >>> [is_name_word(w, False) for w in ("Koumura", "Embassy", "June", "NATO", "J.")]
    [True, False, False, False, True]
    >>> [is_name_word(w, True) for w in ("SAID", "KOUMURA", "INVESTIGATES")]
    [False, True, False]
    """
    if not word[:1].isupper() or word in NOT_NAMES or word in LEXICON:
        return False
    if word.lower() in COMMON_WORDS:
        return False
    if all_caps:
        return word not in COMMON_CAPS and word.isalpha() and not word.endswith(VERBISH)
    if len(word) == 2 and word[1] == ".":
        return True
    return not word.isupper() and word.replace("-", "").replace("'", "").isalpha()


def read_name(words: Sequence[str], start: int, all_caps: bool) -> int:
    """Index just past the name that starts at ``words[start]`` (== start: no name).

    >>> read_name(("Lula", "da", "Silva", "Administration"), 0, False)
    3
    >>> read_name(("of", "Japan"), 0, False)
    0
    """
    limit = MAX_CAPS_NAME_WORDS if all_caps else MAX_NAME_WORDS
    end = index = start
    taken = 0
    while index < len(words) and taken < limit:
        word = words[index]
        if word in NAME_PARTICLES and taken:
            index += 1
            continue
        if not is_name_word(bare_word(word), all_caps):
            break
        taken += 1
        index += 1
        end = index
        if ends_sentence(word):
            break
    if end > start and len(words[end - 1]) == 2 and words[end - 1][1] == ".":
        end -= 1  # a trailing initial is not a surname
    return end


def read_office(words: Sequence[str], start: int) -> int:
    """Index past ``of Defense`` / ``for Foreign Affairs`` following a title head.

    >>> read_office(("of", "Foreign", "Affairs", "Spanta"), 0)
    3
    >>> read_office(("of", "Health", "and", "Consumption", "Soria"), 0)
    4
    """
    if start >= len(words) or words[start] not in ("of", "for"):
        return start
    index = start + 1
    while index < len(words) and (
        words[index] in OFFICE_WORDS or bare_word(words[index]) in LEXICON
    ):
        index += 2 if words[index] == "and" else 1
    return index if index > start + 1 else start


def read_title_start(words: Sequence[str], head: int, all_caps: bool) -> tuple[int, str | None]:
    """Walk left from a title head over modifiers: (first title word, affiliation).

    >>> read_title_start(("The", "Japan", "Foreign", "Minister"), 3, False)
    (2, 'Japan')
    """
    index = head
    while index > 0 and words[index - 1] in TITLE_MODIFIERS and not ends_sentence(words[index - 1]):
        index -= 1
    if index > 0 and not ends_sentence(words[index - 1]):
        affiliation = affiliation_of(words[index - 1], all_caps)
        if affiliation is not None:
            return index, affiliation
    return index, None


def parse_mention(words: Sequence[str], head: int, all_caps: bool) -> Mention | None:
    """The official introduced by the title head or honorific at ``words[head]``.

    >>> parse_mention(("Japan", "Foreign", "Minister", "Koumura"), 2, False).official
    Official(name='Koumura', title='Foreign Minister', affiliation='Japan')
    >>> parse_mention(("Minister", "of", "Defense", "Wardak"), 0, False).official.title
    'Minister of Defense'
    >>> parse_mention(("Chief", "of", "Mission"), 0, False) is None
    True
    """
    office_end = read_office(words, head + 1)
    name_end = read_name(words, office_end, all_caps)
    if name_end == office_end:
        return None
    name = " ".join(bare_word(word) for word in words[office_end:name_end])
    if words[head] in HONORIFICS:
        return Mention(name_end, Official(name=name, title=None, affiliation=None))
    title_start, affiliation = read_title_start(words, head, all_caps)
    office = words[head + 1 : office_end]
    if affiliation is None:
        affiliation = next(
            (found for word in office if (found := affiliation_of(word, all_caps))), None
        )
    title = " ".join(words[title_start:office_end])
    return Mention(name_end, Official(name=name, title=title, affiliation=affiliation))


def read_segment_mentions(words: tuple[str, ...], all_caps: bool) -> tuple[Mention, ...]:
    """All titled mentions in one segment's words, in pure Python: the reference for the
    compiled reader (``officials_c``).

    >>> [m.official.name for m in read_segment_mentions(
    ...     ("Secretary", "General", "Ban", "Ki-moon", "and", "President", "Bush"), False)]
    ['Ban Ki-moon', 'Bush']
    >>> read_segment_mentions(("Mr.", "Tanaka"), False)[0].official.name
    'Tanaka'
    """
    mentions: list[Mention] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in TITLE_HEADS or word in HONORIFICS:
            mention = parse_mention(words, index, all_caps)
            if mention is not None:
                mentions.append(mention)
                index = mention.name_end
                continue
        index += 1
    return tuple(mentions)
