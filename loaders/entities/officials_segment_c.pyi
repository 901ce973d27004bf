from typing import Any

from loaders.entities.officials_table_c import SegmentTable

class SegmentReader:
    def __init__(
        self,
        lexicon: dict[str, Any],
        affiliation_kinds: frozenset[Any],
        title_heads: frozenset[str],
        honorifics: frozenset[str],
        name_particles: frozenset[str],
        not_names: frozenset[str],
        office_words: frozenset[str],
        title_modifiers: frozenset[str],
        common_words: frozenset[str],
        common_caps: frozenset[str],
        abbreviations: frozenset[str],
        verbish: tuple[str, ...],
        max_name: int,
        max_caps_name: int,
        mention_type: type[Any],
        official_type: type[Any],
        org_words: frozenset[str] = ...,
        table_limit: int = ...,
    ) -> None: ...
    @property
    def table(self) -> SegmentTable: ...
    def __call__(self, words: tuple[str, ...], all_caps: bool) -> tuple[Any, ...]: ...
