"""Countries from lexicon hits: one entry per country code (so hits deduplicated by
entry are deduplicated by code), first mention first, records shared per entry."""

from __future__ import annotations

from loaders.entities.geo import countries_from_hits
from loaders.entities.lexicon import LEXICON, EntryKind, iter_hits
from loaders.entities.scan import scan_segments


def test_one_entry_per_country_code() -> None:
    entries = {entry for entry in LEXICON.values() if entry.kind is EntryKind.COUNTRY}
    assert len({entry.key for entry in entries}) == len(entries)


def test_first_mention_first_and_once() -> None:
    text = "The GOJ and France met. JAPAN, the French and Japanese officials; Japan again."
    countries = countries_from_hits(iter_hits(scan_segments(text)))
    assert [country.code for country in countries] == ["JA", "FR"]
    assert countries_from_hits([]) == ()
