"""Named migrations and their ledger: any case is brought to the current schema, or refused.

Migrations are additive and idempotent: each creates the tables (and, later, columns) it
introduces if they are missing. A fresh case runs them all; an older case runs those its ledger
lacks; a case whose ledger names a migration this dossier does not know came from a newer
dossier and is refused rather than damaged.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Index, Table, delete, inspect, select

from .. import __version__
from ..errors import CaseVersionError
from . import schema

Migration = tuple[str, Callable[[Connection], None]]


def _create(*tables: Table) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)
    return run


def _add_columns(table: Table, *names: str) -> Callable[[Connection], None]:
    """ALTER TABLE … ADD COLUMN for the named columns the table lacks (a fresh case's table
    already has them all)."""
    def run(conn: Connection) -> None:
        have = {column["name"] for column in inspect(conn).get_columns(table.name)}
        for name in names:
            if name not in have:
                column = table.c[name]
                kind = column.type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {kind}')
    return run


def _indexes(*indexes: Index) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        for index in indexes:
            index.create(conn, checkfirst=True)
    return run


def _drop_index(name: str) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    return run


def _statements(*sql: str) -> Callable[[Connection], None]:
    """Statements SQLAlchemy's table objects cannot express (FTS5 tables, triggers)."""
    def run(conn: Connection) -> None:
        for statement in sql:
            conn.exec_driver_sql(statement)
    return run


def _all(*steps: Callable[[Connection], None]) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        for step in steps:
            step(conn)
    return run


def _forget_claims(conn: Connection) -> None:
    """Claims written before their evidence had rows of its own cannot be read any more: they
    are dropped, and the next build corroborates the case again."""
    for table in (schema.claims, schema.claim_mentions, schema.timeline, schema.claim_keys,
                  schema.claim_terms, schema.corroborated):
        if inspect(conn).has_table(table.name):
            conn.execute(delete(table))
    conn.execute(delete(schema.case_meta).where(schema.case_meta.c.key == "corroborator"))


MIGRATIONS: tuple[Migration, ...] = (
    ("0001_evidence", _create(schema.case_meta, schema.builds, schema.originals,
                              schema.original_content, schema.sources, schema.custody_log)),
    ("0002_documents", _create(schema.documents)),
    ("0003_blocks", _all(_add_columns(schema.documents, "published_from", "cleaner"),
                         _create(schema.blocks))),
    ("0004_copies", _all(_add_columns(schema.documents, "outlet_id"),
                         _create(schema.outlets, schema.outlet_aliases, schema.copy_fingerprints,
                                 schema.copy_bands, schema.copy_links, schema.copy_groups,
                                 schema.copy_members, schema.judgements))),
    ("0005_pending_work", _all(_drop_index("ix_documents_status"),
                               _drop_index("ix_documents_sha256"),
                               _indexes(schema.ix_documents_cleaned, schema.ix_documents_state))),
    ("0006_extraction", _create(schema.extractions, schema.document_entities, schema.entities)),
    ("0007_claims", _create(schema.claims, schema.claim_mentions, schema.timeline)),
    ("0008_claim_index", _all(_add_columns(schema.claim_mentions, "copy_group"),
                              _indexes(*schema.timeline.indexes),
                              _create(schema.claim_keys, schema.claim_terms,
                                      schema.corroborated))),
    ("0009_claim_evidence", _all(_add_columns(schema.claim_mentions, "position"),
                                 _create(schema.claim_evidence), _forget_claims)),
    ("0010_entity_keys", _create(schema.entity_keys)),
    ("0011_search", _statements(*schema.SEARCH_DDL)),
    ("0012_claim_facets", _all(_create(schema.claim_facets),
                               _indexes(schema.ix_claims_sources, schema.ix_claims_date),
                               _statements(*schema.FACET_DDL))),
    ("0013_listing_indexes", _indexes(schema.ix_documents_outlet, schema.ix_documents_added,
                                      schema.ix_entities_documents)),
    ("0014_claims_order", _indexes(schema.ix_claims_order)),
    ("0015_claim_search", _statements(*schema.CLAIM_SEARCH_DDL)),
    ("0016_protection", _create(schema.protected_people)),
    ("0017_testimonies", _create(schema.key_slots, schema.testimonies)),
    ("0018_testimony_support", _create(schema.testimony_support)),
    ("0019_users", _create(schema.users)),
    ("0020_sessions", _all(_add_columns(schema.users, "cleared"),
                           _create(schema.sessions, schema.login_failures))),
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
