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
from typing import Final, NamedTuple

from loaders.entities.deadlines import find_deadline
from loaders.entities.stations import is_station, station_key
from loaders.entities.text import collapse_spaces
from loaders.record import PostRef, Recipient, Request, Role

_FOR_BLOCK: Final = re.compile(
    r"\n[ \t]*(?:¶?[ \t]*\d{1,3}[ \t]*\.[ \t]*(?:\([A-Za-z/ ]{1,12}\)[ \t]*)?)?(?:--[ \t]*)?"
    r"(?:ACTION[ \t]+)?FOR[ \t]+(?P<posts>[A-Z][A-Z .,'&\-\n]{0,200}?)[ \t]*"
    r"(?P<note>\([^)]{0,120}\)[ \t]*)?:"
)
_POST_SPLIT: Final = re.compile(r"\s*,\s*(?:AND\s+)?|\s+AND\s+|\s*&\s*")
_ALL_POSTS: Final = frozenset(
    {
        "ALL POSTS",
        "POSTS",
        "ALL ADDRESSEES",
        "ALL ACTION ADDRESSEES",
        "ACTION ADDRESSEES",
        "ALL EMBASSIES",
        "ALL",
    }
)
_BLOCK_END: Final = re.compile(
    r"\n[ \t]*\n|\n[ \t]*-{1,2}[ \t]|\n[ \t]*(?:[A-Za-z]|\d{1,2})[.)][ \t]"
)
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
_CUES: Final = (
    "Please",
    "request",
    "instruct",
    "ask",
    "encourag",
    "authoriz",
    "appreciat",
    "invited",
    "seek",
)
_SENTENCE_END: Final = re.compile(r"\.(?=\s+[A-Z(\-]|\s*$)|\n[ \t]*\n|:[ \t]*\n")
_WINDOW: Final = 120
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
_MAX_ACTION: Final = 500


class Ask(NamedTuple):
    """One request found in the text: the posts (None = the action addressees)."""

    posts: tuple[PostRef, ...] | None
    action: str
    deadline: str | None
    excluded: frozenset[str] = frozenset()  # post keys left out: "(except Moscow, Paris)"


def parse_post_list(raw: str, addressees: Sequence[str]) -> tuple[PostRef, ...] | None:
    """Posts named in ``FOR ...:``; ``()`` for "all posts"; None when it names no post.

    >>> [p.key for p in parse_post_list("OTTAWA, PARIS, BERLIN, ROME, AND LONDON", [])]
    ['OTTAWA', 'PARIS', 'BERLIN', 'ROME', 'LONDON']
    >>> parse_post_list("ALL POSTS", []), parse_post_list("THE RECORD", [])
    ((), None)
    """
    names = [name for name in _POST_SPLIT.split(" ".join(raw.split())) if name]
    if any(name in _ALL_POSTS for name in names):
        return ()
    posts = [PostRef(key=station_key(name), name=name) for name in names]
    known = [post for post in posts if is_station(post.key, addressees)]
    return tuple(known) if known and len(known) * 2 >= len(posts) else None


def block_action(text: str, start: int) -> str:
    """The instruction after a ``FOR ...:`` line, up to a blank line or the first bullet.

    >>> block_action("FOR KABUL:  Request Embassy convey\\npoints below.\\n\\n-- A", 10)
    'Request Embassy convey points below.'
    """
    end = _BLOCK_END.search(text, start, start + _MAX_ACTION)
    action = collapse_spaces(text[start : end.start() if end else start + _MAX_ACTION]).rstrip(":")
    if not action and end is not None:
        return block_action(text, end.end()) if end.end() < len(text) else ""
    return action


def iter_block_asks(text: str, cable_date: str | None, addressees: Sequence[str]) -> Iterator[Ask]:
    """Requests addressed to posts by name: ``FOR OTTAWA, PARIS:  ...``.

    >>> [(a.posts[0].key, a.action) for a in iter_block_asks(
    ...     "\\nFOR USNATO (POINTS REL NATO) :  Request Chief of Mission convey points.", None, [])]
    [('USNATO', 'Request Chief of Mission convey points.')]
    """
    if "FOR " not in text:
        return
    for match in _FOR_BLOCK.finditer(text):
        posts = parse_post_list(match.group("posts"), addressees)
        if posts is None:
            continue
        action = block_action(text, match.end())
        excluded = excepted_posts(match.group("note") or "")
        yield Ask(posts or None, action, find_deadline(action, cable_date), excluded)


def excepted_posts(note: str) -> frozenset[str]:
    """Post keys a ``(except Moscow, Paris, ...)`` note leaves out of "all posts".

    >>> sorted(excepted_posts("(except Moscow, Paris, Beijing, \\nLondon and Berlin)"))
    ['BEIJING', 'BERLIN', 'LONDON', 'MOSCOW', 'PARIS']
    """
    lowered = note.lower()
    at = lowered.find("except")
    if at < 0:
        return frozenset()
    names = _POST_SPLIT.split(" ".join(note[at + 6 :].strip(" )").split()).upper())
    return frozenset(key for key in map(station_key, names) if is_station(key))


def sentence_from(text: str, start: int) -> str:
    """The sentence starting at ``start`` (to its full stop or a blank line), lines joined.

    >>> sentence_from("Posts are requested to act by June 25.  Thanks.", 0)
    'Posts are requested to act by June 25.'
    """
    end = _SENTENCE_END.search(text, start, start + _MAX_ACTION)
    stop = end.end() if end else min(len(text), start + _MAX_ACTION)
    return collapse_spaces(text[start:stop]).rstrip(":")


def iter_cue_positions(text: str, all_caps: bool = False) -> Iterator[int]:
    """Offsets of request verbs (``requested``, ``instructed`` ...), found by substring."""
    cues = _CUES + tuple(cue.upper() for cue in _CUES) if all_caps else _CUES
    cues = (*cues, "REQUEST")
    for cue in cues:
        position = text.find(cue)
        while position >= 0:
            yield position
            position = text.find(cue, position + len(cue))


def names_a_subject(text: str, position: int) -> bool:
    """Could the cue at ``position`` close a request (a post, the Department, "we" or
    "Please" just before it)? A cheap test that spares the full pattern most cues.

    >>> text = "The GOJ requested help. Posts are requested to act."
    >>> names_a_subject(text, 8), names_a_subject(text, 34)
    (False, True)
    """
    if text.startswith("Please", position):
        return True
    before = text[max(0, position - _WINDOW) : position].lower()
    return any(subject in before for subject in _SUBJECTS)


def iter_generic_asks(text: str, cable_date: str | None, all_caps: bool = False) -> Iterator[Ask]:
    """Generic requests: ``Posts are requested to ...`` (posts None = action addressees),
    ``Embassy requests Department guidance`` (STATE), ``USNATO is requested`` (USNATO).

    >>> [(a.posts, a.deadline) for a in iter_generic_asks(
    ...     "ACTION REQUEST:  Posts are requested to report back by June 25.", "2008-06-26")]
    [(None, '2008-06-25')]
    """
    covered = -1  # end of the last request sentence: cues inside it are not read again
    for count, position in enumerate(sorted(iter_cue_positions(text, all_caps))):
        if count >= _MAX_CUES:
            return
        if position < covered or not names_a_subject(text, position):
            continue
        match = _GENERIC.search(text, max(0, position - _WINDOW), position + 40)
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
        PostRef(key=recipient.key, name=recipient.name)
        for recipient in recipients
        if recipient.role is Role.ACTION and recipient.key and recipient.key != origin_key
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
                requests[post.key] = Request(post, ask.action, ask.deadline or deadline)
            elif known.deadline is None and ask.deadline:
                requests[post.key] = Request(known.post, known.action, ask.deadline)
    if generic:
        for post in addressees:
            if post.key not in requests and post.key not in excluded:
                requests[post.key] = Request(post, generic[0].action, deadline)
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
    addressees = action_addressees(recipients, origin_key)
    keys = [post.key for post in addressees] + [recipient.key for recipient in recipients]
    asks = [
        *iter_block_asks("\n" + text, cable_date, keys),
        *iter_generic_asks(text, cable_date, all_caps),
    ]
    return combine_asks(asks, addressees) if asks else ()
