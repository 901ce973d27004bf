"""Pure parsers for the structural parts of a cable: ids, stations, dates, routing,
markings, references, TAGS and the preamble lines (subject, E.O., classified by)."""

from __future__ import annotations


def clear_caches() -> None:
    """Empty the bounded caches of the header parsers (values that recur across cables:
    header lines, TAGS values and codes, classified-by lines, stations), so a benchmark
    round can measure what a fresh corpus costs.

    >>> from loaders.header.tags import parse_tags
    >>> _ = parse_tags("PREL"); clear_caches(); parse_tags.cache_info().currsize
    0
    """
    from loaders.header.authority import parse_classified_by, parse_declassify, parse_reasons
    from loaders.header.markings import split_marking
    from loaders.header.references import read_bullet
    from loaders.header.routing import addressee_before_mcn, line_addressee, read_header_line
    from loaders.header.stations import canonical_station
    from loaders.header.tags import classify_tag, parse_tags

    for cached in (
        parse_classified_by,
        parse_declassify,
        parse_reasons,
        read_header_line,
        line_addressee,
        addressee_before_mcn,
        read_bullet,
        split_marking,
        canonical_station,
        classify_tag,
        parse_tags,
    ):
        cached.cache_clear()
