"""``record_maker`` makes what the record class makes: for every record class of
``loaders.record``, the same fields, equality, hash, repr and GC tracking; its values
are released with the instance; wrong calls and unsuitable classes are errors."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from dataclasses import dataclass, field

import pytest

from loaders import record, record_maker
from loaders.record_maker import record_fields

RECORD_CLASSES = [
    cls for cls in vars(record).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)
]

needs_compiled = pytest.mark.skipif(not record_maker.COMPILED, reason="record_maker_c not built")


def sample_values(cls: type, salt: int) -> list[object]:
    """One value per field, each distinct (strings naming the field and ``salt``)."""
    return [f"{f.name}-{salt}" for f in dataclasses.fields(cls)]


def test_every_record_class_is_covered() -> None:
    assert len(RECORD_CLASSES) == 11
    assert record.Cable in RECORD_CLASSES


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_a_made_record_equals_the_constructed_one(cls: type) -> None:
    make = record_maker.record_maker(cls)
    for salt in range(3):
        values = sample_values(cls, salt)
        made, built = make(*values), cls(*values)
        assert type(made) is cls
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        assert dataclasses.astuple(made) == tuple(values)
        assert gc.is_tracked(made) == gc.is_tracked(built)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, dataclasses.fields(cls)[0].name, "changed")


@needs_compiled
def test_the_compiled_maker_is_in_use() -> None:
    make = record_maker.record_maker(record.Recipient)
    assert type(make).__name__ == "RecordMaker" and make is not record.Recipient


class Held:
    """A value whose release can be watched."""


@needs_compiled
def test_values_are_held_by_the_record_and_released_with_it() -> None:
    make = record_maker.record_maker(record.Country)
    code, name = Held(), Held()
    watched = weakref.ref(code), weakref.ref(name)
    made = make(code, name)
    del code, name
    assert made.code is watched[0]() and made.name is watched[1]()
    del made
    assert watched[0]() is None and watched[1]() is None


@needs_compiled
@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_call_without_every_field_is_a_type_error(count: int) -> None:
    make = record_maker.record_maker(record.Country)
    with pytest.raises(TypeError, match="Country takes 2 values"):
        make(*range(count))


@dataclass(frozen=True)
class NoSlots:
    a: int


@dataclass(frozen=True, slots=True)
class PostInit:
    a: int

    def __post_init__(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class NotInInit:
    a: int
    b: int = field(init=False, default=0)


@dataclass(frozen=True, slots=True)
class Derived(record.Country):
    extra: str


@pytest.mark.parametrize(
    ("cls", "reason"),
    [
        (dict, "not a dataclass"),
        (NoSlots, "slots=True"),
        (PostInit, "__post_init__"),
        (NotInInit, "not an __init__ argument"),
    ],
)
def test_a_class_the_maker_cannot_make_is_refused(cls: type, reason: str) -> None:
    with pytest.raises(TypeError, match=reason):
        record_fields(cls)


def test_a_derived_record_class_is_made_with_its_base_fields() -> None:
    make = record_maker.record_maker(Derived)
    assert make("JA", "Japan", "x") == Derived("JA", "Japan", "x")
