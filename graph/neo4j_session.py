"""The Neo4j driver boundary: connecting, running statements, and turning every driver
error into :class:`~graph.store.StoreError` without secrets.

>>> settings = StoreSettings("neo4j", "bolt://ann:pw@db:7687", password="s3cret")
>>> safe_location(settings.location)
'bolt://db:7687'
>>> scrub("login ann/s3cret refused at bolt://ann:pw@db:7687", settings)
'login ann/*** refused at bolt://db:7687'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final, TypeAlias

from neo4j import (
    Driver,
    GraphDatabase,
    ManagedTransaction,
)
from neo4j import Session as DriverSession
from neo4j.exceptions import (
    AuthError,
    DriverError,
    Neo4jError,
)

from graph.store import StoreError
from graph.stores import StoreSettings

Params: TypeAlias = Mapping[str, Any]
Records: TypeAlias = list[dict[str, Any]]
#: A statement and its parameters, run in order inside one transaction.
Step: TypeAlias = tuple[str, Params]

_USERINFO: Final = re.compile(r"(?<=://)[^/@]*@")


def safe_location(location: str) -> str:
    """``location`` without any ``user:password@`` part."""
    return _USERINFO.sub("", location)


def scrub(text: str, settings: StoreSettings) -> str:
    """``text`` with the password and any URI credentials masked."""
    text = text.replace(settings.location, safe_location(settings.location))
    text = _USERINFO.sub("", text)
    return text.replace(settings.password, "***") if settings.password else text


def store_error(exc: BaseException, action: str, settings: StoreSettings) -> StoreError:
    """The ``StoreError`` for a driver error raised while doing ``action``.

    >>> err = store_error(AuthError("bad password s3cret"), "connect",
    ...                   StoreSettings("neo4j", "bolt://db:7687", password="s3cret"))
    >>> str(err)
    "Neo4j at bolt://db:7687 (database 'neo4j', user 'neo4j') refused to connect: \
authentication failed (AuthError: bad password ***)"
    """
    where = (
        f"Neo4j at {safe_location(settings.location)} "
        f"(database {settings.database!r}, user {settings.user!r})"
    )
    detail = scrub(f"{type(exc).__name__}: {exc}", settings)
    if isinstance(exc, AuthError):
        return StoreError(f"{where} refused to {action}: authentication failed ({detail})")
    return StoreError(f"{where} failed to {action} ({detail})")


@dataclass(frozen=True, slots=True)
class Session:
    """Runs statements on one database of a driver, errors mapped at the boundary."""

    driver: Driver
    settings: StoreSettings

    @classmethod
    def open(cls, settings: StoreSettings) -> Session:
        """A driver for ``settings``, its connectivity verified."""
        with cls.boundary("connect", settings):
            try:
                driver = GraphDatabase.driver(
                    settings.location, auth=(settings.user, settings.password)
                )
            except ValueError as exc:  # a malformed URI
                raise store_error(exc, "connect", settings) from None
            try:
                driver.verify_connectivity()
            except BaseException:
                driver.close()
                raise
        return cls(driver, settings)

    @staticmethod
    @contextmanager
    def boundary(action: str, settings: StoreSettings) -> Iterator[None]:
        """Re-raise driver errors as ``StoreError``."""
        try:
            yield
        except (Neo4jError, DriverError) as exc:
            raise store_error(exc, action, settings) from None

    def close(self) -> None:
        with self.boundary("close", self.settings):
            self.driver.close()

    def read(self, action: str, query: str, params: Params) -> Records:
        """The records of one read statement (a managed read transaction)."""
        return self.read_steps(action, [(query, params)])[0]

    def read_steps(self, action: str, steps: Sequence[Step]) -> list[Records]:
        """The records of each read statement, all in one managed read transaction."""

        def work(tx: ManagedTransaction) -> list[Records]:
            return [tx.run(query, dict(params)).data() for query, params in steps]

        with self.boundary(action, self.settings), self._session() as session:
            records: list[Records] = session.execute_read(work)
        return records

    def write(self, action: str, work: Callable[[ManagedTransaction], None]) -> None:
        """Run ``work`` in one managed write transaction (retried on transient errors)."""
        with self.boundary(action, self.settings), self._session() as session:
            session.execute_write(work)

    def run_auto(self, action: str, query: str, params: Params | None = None) -> None:
        """One auto-commit statement (schema changes, ``CALL ... IN TRANSACTIONS``)."""
        with self.boundary(action, self.settings), self._session() as session:
            session.run(query, dict(params or {})).consume()

    def _session(self) -> DriverSession:
        return self.driver.session(database=self.settings.database)
