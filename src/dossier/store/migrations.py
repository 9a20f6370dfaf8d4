"""Named migrations and their ledger: any case is brought to the current schema, or refused.

Migrations are additive and idempotent: each creates the tables (and, later, columns) it
introduces if they are missing. A fresh case runs them all; an older case runs those its ledger
lacks; a case whose ledger names a migration this dossier does not know came from a newer
dossier and is refused rather than damaged.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, inspect, select

from .. import __version__
from ..errors import CaseVersionError
from . import schema

Migration = tuple[str, Callable[[Connection], None]]


def _create(*tables: Table) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)
    return run


MIGRATIONS: tuple[Migration, ...] = (
    ("0001_evidence", _create(schema.case_meta, schema.builds, schema.originals,
                              schema.original_content, schema.sources, schema.custody_log)),
    ("0002_documents", _create(schema.documents)),
)
KNOWN = frozenset(name for name, _ in MIGRATIONS)


def applied(conn: Connection) -> list[str]:
    if not inspect(conn).has_table("migrations"):
        return []
    return list(conn.scalars(select(schema.migrations.c.name)))


def pending(conn: Connection, case_name: str) -> list[Migration]:
    """Migrations this case still needs; refuses a case from a newer dossier."""
    done = applied(conn)
    unknown = sorted(set(done) - KNOWN)
    if unknown:
        raise CaseVersionError(
            f"{case_name} was written by a newer version of dossier (it has migration "
            f"{unknown[-1]!r}, which dossier {__version__} does not know). Upgrade dossier to "
            "open it; the case was not changed."
        )
    return [migration for migration in MIGRATIONS if migration[0] not in done]


def apply(conn: Connection, migration: Migration, now: str) -> None:
    name, run = migration
    schema.migrations.create(conn, checkfirst=True)
    run(conn)
    conn.execute(schema.migrations.insert().values(
        name=name, applied_at=now, dossier_version=__version__))
