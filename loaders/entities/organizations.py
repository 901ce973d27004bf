"""Organizations named in the text, as codes: ``ISAF``, ``NATO``, ``G8``, ``UN``.

Full names and variants map to one code (``International Security Assistance Force``
→ ISAF, ``G-8`` → G8, ``NATO-led`` → NATO); see ``org_table``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from loaders.entities.geo import hits_of_kind
from loaders.entities.lexicon import EntryKind, Hit, iter_hits
from loaders.entities.org_table import AMBIGUOUS_IN_CAPS
from loaders.entities.scan import scan_segments

#: The kind looked for, read once (an enum member read from its class costs ~8 list reads).
_ORGANIZATION: Final = EntryKind.ORGANIZATION


def organizations_from_hits(hits: Iterable[Hit], all_caps: bool = False) -> tuple[str, ...]:
    """Unique organization codes in order of first mention.

    In all-capitals text, codes that are also words (``WHO``, ``AID``) are left out.

    >>> organizations_from_hits(iter_hits(scan_segments("WHO and NATO")), all_caps=True)
    ('NATO',)
    """
    found: dict[str, None] = {}
    for hit in hits_of_kind(hits, _ORGANIZATION):
        if all_caps and hit.segment.words[hit.first] in AMBIGUOUS_IN_CAPS:
            continue
        found.setdefault(hit[0][1], None)  # hit.entry.key
    return tuple(found)


def extract_organizations(text: str, all_caps: bool = False) -> tuple[str, ...]:
    """Organizations named in ``text``.

    >>> extract_organizations("NATO-led International Security Assistance Force (ISAF); "
    ...                       "the G-8 and the U.N.")
    ('NATO', 'ISAF', 'G8', 'UN')
    """
    return organizations_from_hits(iter_hits(scan_segments(text)), all_caps)
