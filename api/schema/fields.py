"""Typed forms of ``strawberry.field`` / ``strawberry.mutation`` used as decorators.

strawberry's decorator overloads with only keyword arguments are typed ``Any``, which
``mypy --strict`` rejects on every resolver; these keep the resolver's own signature
for the type checker while handing strawberry exactly what it expects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import strawberry

F = TypeVar("F", bound=Callable[..., Any])


def field(description: str) -> Callable[[F], F]:
    """``@strawberry.field(description=...)``, typed."""
    return cast("Callable[[F], F]", strawberry.field(description=description))


def mutation(description: str) -> Callable[[F], F]:
    """``@strawberry.mutation(description=...)``, typed."""
    return cast("Callable[[F], F]", strawberry.mutation(description=description))
