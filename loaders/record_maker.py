"""Makers of record instances for the hot paths of parsing: ``record_maker(Recipient)``
is called as ``Recipient`` is, with every field given positionally, and makes the same
instance several times faster when the compiled maker (``record_maker_c.pyx``) is built.

A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__``
(~0.1 µs a field: a ``Recipient`` of six fields takes ~0.8 µs); a fresh cable makes about
a dozen records and the ``Cable`` of 27 fields. The compiled maker fills the slots in
place instead. It only takes classes whose instances that leaves complete: dataclasses
with ``slots=True`` whose every field is an ``__init__`` argument, without
``__post_init__``; anything else is a :class:`TypeError` when the maker is made.

The makers of the record classes are made here once (``make_cable``, ``make_recipient``,
...); call them with every field of the class, in order:

>>> make_country("JA", "Japan") == Country("JA", "Japan")
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Final, ParamSpec, TypeVar, cast

from loaders.record import (
    Asset,
    Cable,
    Country,
    Official,
    Paragraph,
    PostRef,
    Recipient,
    Reference,
    Request,
)

try:  # the compiled maker, built by ``pip install`` (record_maker_c.pyx); same instances
    from loaders.record_maker_c import RecordMaker
except ImportError:  # pragma: no cover - a checkout that was never built
    RecordMaker = None  # type: ignore[assignment,misc]

#: True when the compiled maker (``record_maker_c``) is in use.
COMPILED: Final = RecordMaker is not None

P = ParamSpec("P")
T = TypeVar("T")


def record_maker(cls: Callable[P, T]) -> Callable[P, T]:
    """A maker of ``cls`` instances from all their fields, positionally: the compiled
    maker, or ``cls`` itself when it is not built.

    >>> from loaders.record import Paragraph
    >>> record_maker(Paragraph)(1, "C", "Text")
    Paragraph(number=1, marking='C', text='Text')
    """
    names = record_fields(cls)
    if RecordMaker is None:
        return cls
    # called with every field, positionally (keywords and defaults need the class)
    return cast(Callable[P, T], RecordMaker(cast(type, cls), names))


def record_fields(cls: object) -> tuple[str, ...]:
    """The field names of a class the compiled maker can make, in ``__init__`` order;
    :class:`TypeError` naming the class and the reason otherwise.

    >>> from loaders.record import Tag
    >>> record_fields(Tag)
    ('code', 'kind', 'country')
    >>> record_fields(dict)
    Traceback (most recent call last):
    ...
    TypeError: record_maker(dict): not a dataclass
    """
    name = getattr(cls, "__name__", repr(cls))
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise TypeError(f"record_maker({name}): not a dataclass")
    if "__slots__" not in cls.__dict__:
        raise TypeError(f"record_maker({name}): not a dataclass with slots=True")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"record_maker({name}): it has a __post_init__")
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        raise TypeError(f"record_maker({name}): a field is not an __init__ argument")
    return tuple(f.name for f in fields)


make_cable: Final = record_maker(Cable)
make_recipient: Final = record_maker(Recipient)
make_reference: Final = record_maker(Reference)
make_official: Final = record_maker(Official)
make_country: Final = record_maker(Country)
make_post: Final = record_maker(PostRef)
make_asset: Final = record_maker(Asset)
make_request: Final = record_maker(Request)
make_paragraph: Final = record_maker(Paragraph)
