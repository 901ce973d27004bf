"""Action requests: which posts a cable asks to act, what to do, and by when.

Two forms. A block addressed to posts by name (``FOR OTTAWA, PARIS, BERLIN, ROME, AND
LONDON:  Embassies are requested to ...``, ``FOR USNATO (POINTS REL NATO) :``), and a
generic request (``Posts are requested to ...``, ``Embassy is instructed to ...``)
that goes to every action addressee of the cable and to every post named in a block;
a post asked by name keeps its own action and inherits the generic deadline.
``Embassy requests Department guidance`` asks STATE.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from loaders.entities.deadlines import find_deadline
from loaders.entities.occurrences import occurs_folded
from loaders.entities.request_blocks import MAX_ACTION, Ask, block_asks, iter_for_blocks
from loaders.entities.request_cues import CAPS_CUES as _CAPS_CUES
from loaders.entities.request_cues import CAPS_CUES_AND_FORS as _CAPS_CUES_AND_FORS
from loaders.entities.request_cues import CUE_WORDS as _CUE_WORDS
from loaders.entities.request_cues import CUES_AND_FORS as _CUES_AND_FORS
from loaders.entities.request_cues import needle_offsets
from loaders.entities.stations import is_station, station_key
from loaders.entities.text import collapse_spaces
from loaders.record import PostRef, Recipient, Request, Role
from loaders.record_maker import make_post, make_request

_VERBS: Final = r"(?:requested|asked|instructed|invited|encouraged|tasked|authorized)\b"
_GENERIC: Final = re.compile(
    rf"""\b(?:
      (?:embassy|consulate|mission)\s+(?P<named>(?-i:[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?))
        \s+(?:is|are)\s+(?:hereby\s+|therefore\s+|also\s+)?{_VERBS}
    | (?P<who>(?:all\s+|action\s+)?(?:posts?|embass(?:y|ies)|missions?|consulates?|addressees
              |chiefs?\s+of\s+mission|USNATO|USUN|USEU))
        \s+(?:are|is)\s+(?:hereby\s+|therefore\s+|also\s+)?{_VERBS}
    | (?:department|washington)\s+(?:requests|asks|instructs)\s+(?:that\s+)?(?:the\s+)?
        (?:posts?|embass(?:y|ies)|missions?|addressees)\b
    | (?:(?<=[.:)]\s)|(?<=[.:)]\s\s)|(?<=\n))(?-i:Please)\s+(?:also\s+)?
        (?:report|deliver|provide|convey|advise|inform|raise|share|approach|draw|pass
          |respond|confirm|ensure|send|brief|seek|urge|notify|forward|transmit)\b
    | (?P<dept>(?:we|embassy|post|mission|USNATO|USEU|USUN)\s+
        (?:requests?|seeks?|asks?|would\s+appreciate)\s+(?:that\s+)?(?:the\s+)?
        (?:department|washington|dept|guidance|approval))
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: What every generic request starts with (a space: ``\s+``; ``Please`` as written).
_GENERIC_WORDS: Final = (
    *("embassy ", "embassies ", "consulate ", "consulates ", "mission ", "missions "),
    *("all ", "action ", "post ", "posts ", "addressees ", "chief ", "chiefs ", "usnato "),
    *("usun ", "useu ", "department ", "washington ", "Please ", "we re", "we se", "we as"),
    "we wo",
)
#: Where a generic request may start: a word starting with a letter its forms start with
#: (``embassy``, ``consulate``, ``mission``, ``all``/``action``/``addressees``, ``posts``,
#: ``USNATO``, ``department``, ``washington``, ``we``, ``Please``), in either case ...
_GENERIC_START: Final = re.compile(r"\b[ACDEMPUWacdempuw]")
#: ... and their first two letters, as IGNORECASE reads them (``ı``/``İ`` are ``i``,
#: ``ſ`` is ``s``: no other letter is one of these in another case).
_CASES: Final = {"i": "iIİı", "s": "sSſ"}
_GENERIC_PAIRS: Final = frozenset(
    first + second
    for pair in ("em", "co", "mi", "al", "ac", "po", "ad", "ch", "us", "de", "wa", "we", "pl")
    for first in _CASES.get(pair[0], pair[0] + pair[0].upper())
    for second in _CASES.get(pair[1], pair[1] + pair[1].upper())
)
_SENTENCE_END: Final = re.compile(r"\.(?=\s+[A-Z(\-]|\s*$)|\n[ \t]*\n|:[ \t]*\n")
_WINDOW: Final = 120
_ACTION: Final = Role.ACTION  # (an Enum member read in a loop costs ~0.15 µs)
_MAX_CUES: Final = 400
_SUBJECTS: Final = (
    "post",
    "embass",
    "mission",
    "consulate",
    "addressee",
    "department",
    "washington",
    "we ",
    "usnato",
    "usun",
    "useu",
)


def sentence_from(text: str, start: int) -> str:
    """The sentence starting at ``start`` (to its full stop or a blank line), lines joined.

    >>> sentence_from("Posts are requested to act by June 25.  Thanks.", 0)
    'Posts are requested to act by June 25.'
    """
    end = _SENTENCE_END.search(text, start, start + MAX_ACTION)
    stop = end.end() if end else min(len(text), start + MAX_ACTION)
    return collapse_spaces(text[start:stop]).rstrip(":")


def cue_offsets(text: str, all_caps: bool = False) -> list[int]:
    """Sorted offsets of request verbs (``requested``, ``instructed`` ...), found by
    substring (in capitals too in an all-capitals cable).

    >>> cue_offsets("Posts are requested; we ask.")
    [10, 24]
    """
    return needle_offsets(text, _CAPS_CUES if all_caps else _CUE_WORDS)


def names_a_subject(text: str, position: int) -> bool:
    """Could the cue at ``position`` close a request (a post, the Department, "we" or
    "Please" just before it)? A cheap test that spares the full pattern most cues.

    >>> text = "The GOJ requested help. Posts are requested to act."
    >>> names_a_subject(text, 8), names_a_subject(text, 34)
    (False, True)
    """
    return text.startswith("Please", position) or occurs_folded(
        text, _SUBJECTS, max(0, position - _WINDOW), position
    )


def subject_cues_python(text: str, cues: list[int]) -> list[int]:
    """The cues that :func:`names_a_subject` lets through, in order: the reference for
    the compiled test (``requests_c.Subjects``).

    >>> subject_cues_python("The GOJ requested help. Posts are requested to act.", [8, 34])
    [34]
    """
    return [position for position in cues if names_a_subject(text, position)]


def search_generic_python(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_GENERIC.search(text, start, end)``, tried only where a word starts with two
    letters a generic request can start with (the pattern tried at every offset costs
    20 µs a window): the reference for the compiled search (``requests_c``).

    >>> search_generic_python("The GOJ asked. Posts are requested to act.", 0, 40).group()
    'Posts are requested'
    """
    for word in _GENERIC_START.finditer(text, start, end):
        at = word.start()
        if text[at : at + 2] in _GENERIC_PAIRS:
            match = _GENERIC.match(text, at, end)
            if match is not None:
                return match
    return None


try:  # the compiled tests, built by ``pip install`` (requests_c.pyx); same results
    from loaders.entities.requests_c import PairStarts, Subjects
except ImportError:  # pragma: no cover - a checkout that was never built
    PairStarts = Subjects = None  # type: ignore[assignment,misc]

_PAIR_STARTS: Final = None if PairStarts is None else PairStarts(_GENERIC_PAIRS, _GENERIC_WORDS)
_NAMING: Final = None if Subjects is None else Subjects(_SUBJECTS, _WINDOW, "Please")
#: True when the compiled tests (``requests_c``) are in use.
COMPILED: Final = _PAIR_STARTS is not None and _NAMING is not None


def subject_cues(text: str, cues: list[int]) -> list[int]:
    """The cues that could close a request (:func:`names_a_subject`), in order, tested
    in one call (compiled when built).

    >>> subject_cues("The GOJ requested help. Posts are requested to act.", [8, 34])
    [34]
    """
    if _NAMING is None:  # pragma: no cover - a checkout that was never built
        return subject_cues_python(text, cues)
    return _NAMING.naming(text, cues)


def search_generic(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_GENERIC.search(text, start, end)``, tried only at the words starting with a
    pair of ``_GENERIC_PAIRS`` (compiled when built).

    >>> search_generic("The GOJ asked. Posts are requested to act.", 0, 40).group()
    'Posts are requested'
    """
    if _PAIR_STARTS is None:  # pragma: no cover - a checkout that was never built
        return search_generic_python(text, start, end)
    return _PAIR_STARTS.search(text, start, end, _GENERIC)


def generic_asks(text: str, cues: Sequence[int], cable_date: str | None) -> Iterator[Ask]:
    """The generic requests around the request verbs at ``cues`` (sorted offsets):
    ``Posts are requested to ...`` (posts None = action addressees), ``Embassy requests
    Department guidance`` (STATE), ``USNATO is requested`` (USNATO).

    >>> text = "ACTION REQUEST:  Posts are requested to report back by June 25."
    >>> [(a.posts, a.deadline) for a in generic_asks(text, cue_offsets(text), "2008-06-26")]
    [(None, '2008-06-25')]
    """
    covered = -1  # end of the last request sentence: cues inside it are not read again
    for position in subject_cues(text, list(cues[:_MAX_CUES])):
        if position < covered:
            continue
        match = search_generic(text, max(0, position - _WINDOW), position + 40)
        if match is None or match.start() < covered:
            continue
        action = sentence_from(text, match.start())
        covered = match.start() + len(action)
        yield Ask(generic_posts(match), action, find_deadline(action, cable_date))


def generic_posts(match: re.Match[str]) -> tuple[PostRef, ...] | None:
    """Posts a generic request names itself (STATE, USNATO, ``Embassy Astana``);
    None means the cable's action addressees.

    >>> generic_posts(_GENERIC.search("Embassy Astana is requested to express thanks"))
    (PostRef(key='ASTANA', name='Embassy Astana'),)
    >>> generic_posts(_GENERIC.search("We request Washington guidance NLT Monday"))
    (PostRef(key='STATE', name='Department'),)
    """
    if match.group("dept"):
        return (PostRef(key="STATE", name="Department"),)
    named = match.group("named")
    if named and is_station(station_key(named)):
        return (PostRef(key=station_key(named), name=f"Embassy {named}"),)
    who = " ".join((match.group("who") or "").split())
    if who.upper() in {"USNATO", "USUN", "USEU"}:
        return (PostRef(key=station_key(who), name=who),)
    return None


def action_addressees(recipients: Sequence[Recipient], origin_key: str | None) -> list[PostRef]:
    """Posts the cable is addressed to for action (TO), the sender left out.

    >>> action_addressees([Recipient("USMISSION USNATO", "USNATO", None, None, None,
    ...                              Role.ACTION)], "STATE")
    [PostRef(key='USNATO', name='USMISSION USNATO')]
    """
    return [
        make_post(recipient.key, recipient.name)
        for recipient in recipients
        if recipient.role is _ACTION and recipient.key and recipient.key != origin_key
    ]


def combine_asks(asks: Sequence[Ask], addressees: Sequence[PostRef]) -> tuple[Request, ...]:
    """One request per post: its own action where named, else the generic one; the
    generic deadline where the post's own text gives none.

    >>> ottawa = PostRef("OTTAWA", "OTTAWA")
    >>> combine_asks([Ask(None, "Report back.", "2008-06-25"), Ask((ottawa,), "Convey.", None)],
    ...              [PostRef("USNATO", "USMISSION USNATO")])
    (Request(post=PostRef(key='OTTAWA', name='OTTAWA'), action='Convey.', \
deadline='2008-06-25'), Request(post=PostRef(key='USNATO', name='USMISSION USNATO'), \
action='Report back.', deadline='2008-06-25'))
    """
    generic = [ask for ask in asks if ask.posts is None]
    deadline = next((ask.deadline for ask in generic if ask.deadline), None)
    excluded = frozenset().union(*(ask.excluded for ask in generic))
    requests: dict[str, Request] = {}
    for ask in asks:
        for post in ask.posts or ():
            known = requests.get(post.key)
            if known is None:
                requests[post.key] = make_request(post, ask.action, ask.deadline or deadline)
            elif known.deadline is None and ask.deadline:
                requests[post.key] = make_request(known.post, known.action, ask.deadline)
    if generic:
        for post in addressees:
            if post.key not in requests and post.key not in excluded:
                requests[post.key] = make_request(post, generic[0].action, deadline)
    return tuple(requests.values())


def extract_requests(
    text: str,
    *,
    cable_date: str | None,
    origin_key: str | None,
    recipients: Sequence[Recipient],
    all_caps: bool = False,
) -> tuple[Request, ...]:
    """Action requests of a cable body (header removed).

    >>> found = extract_requests(
    ...     "Posts are requested to report by June 25.\\n\\nFOR OTTAWA AND PARIS:  Convey.",
    ...     cable_date="2008-06-26", origin_key="STATE", recipients=())
    >>> [(r.post.key, r.action, r.deadline) for r in found]
    [('OTTAWA', 'Convey.', '2008-06-25'), ('PARIS', 'Convey.', '2008-06-25')]
    """
    found = needle_offsets(text, _CAPS_CUES_AND_FORS if all_caps else _CUES_AND_FORS)
    fors = [at + 1 for at in found if text[at] == "F"]  # offsets in "\n" + text
    cues = [at for at in found if text[at] != "F"] if fors else found
    asks = [*generic_asks(text, cues, cable_date)]
    addressees: list[PostRef] | None = None  # looked up only when a request is found
    if fors and any(text.startswith("FOR ", at - 1) for at in fors):
        addressees = action_addressees(recipients, origin_key)
        keys = [post.key for post in addressees] + [recipient.key for recipient in recipients]
        lined = "\n" + text
        asks[:0] = block_asks(lined, iter_for_blocks(lined, fors), cable_date, keys)
    if not asks:
        return ()
    if addressees is None:
        addressees = action_addressees(recipients, origin_key)
    return combine_asks(asks, addressees)
