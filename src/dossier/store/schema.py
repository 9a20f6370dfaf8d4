"""The case's tables, as they are now. Migrations (migrations.py) bring any case to this shape.

Designed for the whole pipeline of the brief: evidence (originals, their bytes, where each was
seen, the custody log, builds) and documents now; blocks, copy groups, outlets, entities,
statements, claims, judgements, protection and users arrive with their stages, each by a
migration of its own (see docs/architecture.md for the planned tables).

Times are ISO-8601 strings in UTC, so SQLite and PostgreSQL store them alike.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# The ledger of applied migrations, by name; a name this dossier does not know means the case
# was written by a newer dossier.
migrations = Table(
    "migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(40), nullable=False),
    Column("dossier_version", String(40), nullable=False),
)

case_meta = Table(
    "case_meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

builds = Table(
    "builds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", String(40), nullable=False),
    Column("finished_at", String(40)),
    Column("status", String(20), nullable=False),  # running | done | interrupted
    Column("dossier_version", String(40), nullable=False),
    Column("summary", Text),  # JSON counts
)

# One row per distinct content: the evidentiary copy is addressed by its SHA-256.
originals = Table(
    "originals",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("media_type", String(40), nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("build_id", Integer, ForeignKey("builds.id"), nullable=False),
)

# The bytes live apart from the catalogue so listing originals never reads them.
original_content = Table(
    "original_content",
    metadata,
    Column("sha256", String(64), ForeignKey("originals.sha256"), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

# Every place an original was seen: a path as given, an archive member, a WARC target URI.
sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), ForeignKey("originals.sha256"), nullable=False),
    Column("path", Text, nullable=False),
    Column("container", Text),
    Column("captured_at", String(40)),
    Column("modified_at", String(40)),
    Column("first_seen", String(40), nullable=False),
    Column("build_id", Integer, ForeignKey("builds.id"), nullable=False),
    UniqueConstraint("path", "sha256", name="uq_sources_path_sha256"),
)
Index("ix_sources_sha256", sources.c.sha256)

# Append-only, hash-chained (see dossier.custody); seq is assigned by the writer, not the
# database, so a gap means a deleted entry.
custody_log = Table(
    "custody_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("action", String(40), nullable=False),
    Column("sha256", String(64)),
    Column("detail", Text, nullable=False),
    Column("version", String(40), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("entry_hash", String(64), nullable=False),
)

# Units of text taken from originals; an input that could not be read at all is a rejected
# document without an original (sha256 NULL), so every rejection has a place in the export.
documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("sha256", String(64), ForeignKey("originals.sha256")),
    Column("segment", Integer, nullable=False),
    Column("path", Text, nullable=False),
    Column("status", String(20), nullable=False),  # ok | rejected
    Column("reason", Text),
    Column("pending", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", String(40)),
    Column("language", String(20)),
    Column("text", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("build_id", Integer, ForeignKey("builds.id"), nullable=False),
    Column("published_from", Text),  # where the date was found (0003)
    Column("cleaner", String(20)),  # version of the cleaning rules that made it (0003)
    Column("outlet_id", String(40)),  # its outlet record, set by the copy stage (0004)
)
# Covering indexes (0005, which replaced the indexes on status and on sha256 alone) for the
# questions every build asks of the whole case — which originals lack documents from these
# cleaning rules, which documents lack a fingerprint or have a stale one — so that they are
# answered without reading a single body (reading them all took a second per 100,000
# documents; docs/performance.md).
ix_documents_cleaned = Index("ix_documents_cleaned", documents.c.sha256, documents.c.cleaner)
ix_documents_state = Index("ix_documents_state", documents.c.status, documents.c.id,
                           documents.c.cleaner)

# Every labelled stretch of an original's extracted text: nothing the cleaner removes is lost.
blocks = Table(
    "blocks",
    metadata,
    Column("document_id", String(40), ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),  # body|title|metadata|boilerplate|caption|comment
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

# -- copies (0004) ---------------------------------------------------------------------------
# No foreign keys to documents: re-cleaning replaces document rows, and the copy stage then
# purges what pointed at the old ones (see CaseView.stale_copy_entries).

# Publishers, found under any alias (copies/outlets.py); documents.outlet_id points here.
outlets = Table(
    "outlets",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # outlet | agency | site
)
outlet_aliases = Table(
    "outlet_aliases",
    metadata,
    Column("alias", Text, primary_key=True),  # as written: "NYT", "nytimes.com"
    Column("key", Text, nullable=False),  # copies.outlets.outlet_key: what names are matched on
    Column("outlet_id", String(40), ForeignKey("outlets.id"), nullable=False),
    Column("source", String(20), nullable=False),  # curated | document | domain
)
Index("ix_outlet_aliases_key", outlet_aliases.c.key)

# One row per indexed document; seq is what LSH buckets point at (small rows).
copy_fingerprints = Table(
    "copy_fingerprints",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("document_id", String(40), nullable=False, unique=True),
    Column("exact_key", String(32), nullable=False),
    Column("words", Integer, nullable=False),
    Column("shingles", Integer, nullable=False),
    Column("cleaner", String(20)),  # the documents.cleaner it indexed
    Column("indexer", String(20), nullable=False),
)
Index("ix_copy_fingerprints_exact_key", copy_fingerprints.c.exact_key)

# The LSH index: one row per band of each first-of-its-text document.
copy_bands = Table(
    "copy_bands",
    metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    sqlite_with_rowid=False,
)

# Every pair the comparison found (a < b): what it found, and what it means after grouping.
copy_links = Table(
    "copy_links",
    metadata,
    Column("a", String(40), primary_key=True),
    Column("b", String(40), primary_key=True),
    Column("kind", String(20), nullable=False),  # exact | near | contained
    Column("found", String(20), nullable=False),  # copy | possible | quoted
    Column("jaccard", Float, nullable=False),
    Column("containment", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("inside", String(40)),  # the shorter text, when one lies inside the other
    Column("verdict", String(20), nullable=False),  # after grouping and judgements
    Column("decision", Text),  # why the verdict differs from what was found
)
Index("ix_copy_links_b", copy_links.c.b)

copy_groups = Table(
    "copy_groups",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("representative", String(40), nullable=False),
    Column("size", Integer, nullable=False),
)
# Each indexed document's group, and the date and outlet it takes from the group when it has
# none of its own (with where from).
copy_members = Table(
    "copy_members",
    metadata,
    Column("document_id", String(40), primary_key=True),
    Column("group_id", String(40), nullable=False),
    Column("published", String(40)),
    Column("published_from", Text),
    Column("outlet_id", String(40)),
    Column("outlet_from", Text),
)
Index("ix_copy_members_group_id", copy_members.c.group_id)

# Analysts' decisions (who, when, why), re-applied on every build; never edited, only added.
judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),  # copy (later: claim, mention)
    Column("a", String(40), nullable=False),
    Column("b", String(40), nullable=False),
    Column("verdict", String(20), nullable=False),  # copy | different
    Column("analyst", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(40), nullable=False),
)
Index("ix_judgements_a", judgements.c.kind, judgements.c.a)
Index("ix_judgements_b", judgements.c.kind, judgements.c.b)

# Stage 4. What each document's body says, as the extractor left it (a JSON encoding of the
# frozen `Extraction`, store/codec.py), with the extractor version that made it: newer rules
# extract again.
extractions = Table(
    "extractions",
    metadata,
    Column("document_id", String(40), primary_key=True),
    Column("extractor", String(20), nullable=False),
    Column("cleaner", String(20)),  # the cleaning rules of the body it was read from
    Column("data", Text, nullable=False),
    Column("statements", Integer, nullable=False),
)
# Each document's entities, and the case entity each belongs to (`entities.id`).
document_entities = Table(
    "document_entities",
    metadata,
    Column("document_id", String(40), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("media", Boolean, nullable=False),
    Column("surfaces", Text, nullable=False),  # JSON list
    Column("reasons", Text, nullable=False),  # JSON list: why the surfaces are one entity here
    Column("mentions", Integer, nullable=False),
    Column("entity_id", String(40)),
)
Index("ix_document_entities_entity_id", document_entities.c.entity_id)
# Case entities: the documents' entities merged across spellings, each merge with its reason.
entities = Table(
    "entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("media", Boolean, nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list, most used first
    Column("reasons", Text, nullable=False),  # JSON list
    Column("documents", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
)
# Keys that find a case entity again when a new document names someone (0010,
# extract/aliases.lookup_keys): adding a document re-resolves only the entities they find.
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("entity_id", String(40), primary_key=True),
)
Index("ix_entity_keys_entity", entity_keys.c.entity_id)
# Stage 5: claims (a claim's origins, figures, denial links and its mentions' evidence are in
# `data`, JSON: store/codec.py), which claim each mention supports or denies, and the timeline.
claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("anchor", String(40), nullable=False),  # the mention it was founded on
    Column("kind", String(20), nullable=False),
    Column("event_type", String(20)),
    Column("statement", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("copy_groups", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("date", String(10)),
    Column("precision", String(10)),
    Column("data", Text, nullable=False),
)
Index("ix_claims_status", claims.c.status, claims.c.independent_sources)
claim_mentions = Table(
    "claim_mentions",
    metadata,
    Column("claim_id", String(40), primary_key=True),
    Column("mention_id", String(40), primary_key=True),
    # supports (a member of the claim), denial (a member of a denial claim), denies (a denial
    # linked to the claim it denies)
    Column("role", String(10), nullable=False),
    Column("document_id", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("copy_group", String(40)),  # the document's copy group when it was corroborated
    Column("position", Integer),  # the member's place in the claim (the anchor is 0)
)
Index("ix_claim_mentions_document", claim_mentions.c.document_id)
Index("ix_claim_mentions_mention", claim_mentions.c.mention_id)
timeline = Table(
    "timeline",
    metadata,
    Column("position", Integer, primary_key=True),
    Column("date", String(10), nullable=False),
    Column("precision", String(10), nullable=False),
    Column("claim_id", String(40), nullable=False),
    Column("mention_id", String(40), nullable=False),
    Column("kind", String(10), nullable=False),  # claim | denial
)
Index("ix_timeline_claim", timeline.c.claim_id)
# What lets a new document join existing claims without recomputing the case (0008): each
# claim's blocking keys (entities, victims, rare words of its statements), how many statements
# have each feature (the weights of the similarity), and which documents have been read.
claim_keys = Table(
    "claim_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("claim_id", String(40), primary_key=True),
)
Index("ix_claim_keys_claim", claim_keys.c.claim_id)
claim_terms = Table(
    "claim_terms",
    metadata,
    Column("term", Text, primary_key=True),
    Column("count", Integer, nullable=False),
)
# Every statement as stage 5 read it (0009): its evidence (corroborate/records.py) as JSON, one
# row per statement, so that a claim's members are read and added one by one.
claim_evidence = Table(
    "claim_evidence",
    metadata,
    Column("mention_id", String(40), primary_key=True),
    Column("document_id", String(40), nullable=False),
    Column("data", Text, nullable=False),
)
Index("ix_claim_evidence_document", claim_evidence.c.document_id)
corroborated = Table(
    "corroborated",
    metadata,
    Column("document_id", String(40), primary_key=True),
)

# Full-text search (0011): SQLite FTS5 indexes over accepted documents' titles and bodies
# (external content: the text stays in `documents`) and over every statement stage 5 read
# (contentless: the text is in `claim_evidence.data`). Triggers keep both in step with their
# tables, whatever writes them; a rejected document is never indexed.
TOKENIZER = "unicode61 remove_diacritics 2"
SEARCH_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_bodies USING fts5(title, text, "
    f"content='documents', content_rowid='rowid', tokenize='{TOKENIZER}')",
    "CREATE TRIGGER IF NOT EXISTS search_bodies_insert AFTER INSERT ON documents "
    "WHEN new.status = 'ok' BEGIN "
    "INSERT INTO search_bodies(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_bodies_delete AFTER DELETE ON documents "
    "WHEN old.status = 'ok' BEGIN "
    "INSERT INTO search_bodies(search_bodies, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_bodies_update AFTER UPDATE OF title, text, status "
    "ON documents BEGIN "
    "INSERT INTO search_bodies(search_bodies, rowid, title, text) "
    "SELECT 'delete', old.rowid, old.title, old.text WHERE old.status = 'ok'; "
    "INSERT INTO search_bodies(rowid, title, text) "
    "SELECT new.rowid, new.title, new.text WHERE new.status = 'ok'; END",
    "INSERT INTO search_bodies(rowid, title, text) "
    "SELECT rowid, title, text FROM documents WHERE status = 'ok' "
    "AND NOT EXISTS (SELECT 1 FROM search_bodies_docsize LIMIT 1)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_statements USING fts5(text, content='', "
    f"tokenize='{TOKENIZER}')",
    "CREATE TRIGGER IF NOT EXISTS search_statements_insert AFTER INSERT ON claim_evidence "
    "BEGIN INSERT INTO search_statements(rowid, text) "
    "VALUES (new.rowid, json_extract(new.data, '$.text')); END",
    "CREATE TRIGGER IF NOT EXISTS search_statements_delete AFTER DELETE ON claim_evidence "
    "BEGIN INSERT INTO search_statements(search_statements, rowid, text) "
    "VALUES ('delete', old.rowid, json_extract(old.data, '$.text')); END",
    "CREATE TRIGGER IF NOT EXISTS search_statements_update AFTER UPDATE OF data "
    "ON claim_evidence BEGIN "
    "INSERT INTO search_statements(search_statements, rowid, text) "
    "VALUES ('delete', old.rowid, json_extract(old.data, '$.text')); "
    "INSERT INTO search_statements(rowid, text) "
    "VALUES (new.rowid, json_extract(new.data, '$.text')); END",
    "INSERT INTO search_statements(rowid, text) "
    "SELECT rowid, json_extract(data, '$.text') FROM claim_evidence "
    "WHERE NOT EXISTS (SELECT 1 FROM search_statements_docsize LIMIT 1)",
)

# What the claims list filters on without reading claims (0012): one row per claim and facet —
# "entity:<case entity ID>" for every entity its passages name (place, actor, target, speaker,
# denier), "outlet:<name>" for every outlet that published it. Triggers fill it from the rows
# stage 5 writes (a claim's outlets from its row, the entities from its members' evidence) and
# empty it when a claim is forgotten.
claim_facets = Table(
    "claim_facets",
    metadata,
    Column("facet", Text, primary_key=True),
    Column("claim_id", String(40), primary_key=True),
)
Index("ix_claim_facets_claim", claim_facets.c.claim_id)
ix_claims_sources = Index("ix_claims_sources", claims.c.independent_sources, claims.c.mentions)
ix_claims_date = Index("ix_claims_date", claims.c.date)
FACET_DDL = (
    "CREATE TRIGGER IF NOT EXISTS claim_facets_outlets AFTER INSERT ON claims BEGIN "
    "INSERT OR IGNORE INTO claim_facets(facet, claim_id) "
    "SELECT 'outlet:' || value, new.id FROM json_each(new.data, '$.outlets'); END",
    "CREATE TRIGGER IF NOT EXISTS claim_facets_forget AFTER DELETE ON claims BEGIN "
    "DELETE FROM claim_facets WHERE claim_id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS claim_facets_entities AFTER INSERT ON claim_mentions BEGIN "
    "INSERT OR IGNORE INTO claim_facets(facet, claim_id) "
    "SELECT 'entity:' || j.value, new.claim_id FROM claim_evidence AS e, "
    "json_each(e.data) AS k, json_each(CASE WHEN k.type = 'array' THEN k.value "
    "ELSE json_array(k.value) END) AS j "
    "WHERE e.mention_id = new.mention_id AND new.role = 'supports' "
    "AND k.key IN ('places', 'actors', 'targets', 'speaker', 'denied_by') "
    "AND j.value IS NOT NULL; END",
    # a case written before 0012: the facets of the claims it holds
    "INSERT OR IGNORE INTO claim_facets(facet, claim_id) "
    "SELECT 'outlet:' || j.value, c.id FROM claims AS c, json_each(c.data, '$.outlets') AS j",
    "INSERT OR IGNORE INTO claim_facets(facet, claim_id) "
    "SELECT 'entity:' || j.value, m.claim_id FROM claim_mentions AS m "
    "JOIN claim_evidence AS e ON e.mention_id = m.mention_id, json_each(e.data) AS k, "
    "json_each(CASE WHEN k.type = 'array' THEN k.value ELSE json_array(k.value) END) AS j "
    "WHERE m.role = 'supports' AND k.key IN ('places', 'actors', 'targets', 'speaker', "
    "'denied_by') AND j.value IS NOT NULL",
)

# What the web UI's first screens ask of a large case without reading whole tables (0013):
# which outlets documents point to, the documents added last, the entities in most documents.
ix_documents_outlet = Index("ix_documents_outlet", documents.c.outlet_id)
ix_documents_added = Index("ix_documents_added", documents.c.status, documents.c.created_at)
ix_entities_documents = Index("ix_entities_documents", entities.c.documents)
# The claims list's default order (0014), id included so that the thousands of claims with
# one origin and one passage need no sort to be paged.
ix_claims_order = Index("ix_claims_order", claims.c.independent_sources.desc(),
                        claims.c.mentions.desc(), claims.c.id)

# The claims list's word filter (0015): one row per claim, keyed by the claim's rowid, holding
# its statement and the distinct texts of its passages (supporting, and denials of it), in an
# FTS5 index with `claim_texts` as its external content. Matching claims, not statements,
# spares a word shared by a hundred thousand statements a walk through their claims. Written by
# a trigger when a claim's row is inserted (stage 5 writes its members first), removed with it.
CLAIM_TEXT = (
    "{statement} || ' ' || coalesce((SELECT group_concat(DISTINCT json_extract(e.data, "
    "'$.text')) FROM claim_mentions AS m JOIN claim_evidence AS e "
    "ON e.mention_id = m.mention_id WHERE m.claim_id = {claim}), '')")
CLAIM_SEARCH_DDL = (
    "CREATE TABLE IF NOT EXISTS claim_texts (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_claims USING fts5(text, "
    f"content='claim_texts', content_rowid='rowid', tokenize='{TOKENIZER}')",
    "CREATE TRIGGER IF NOT EXISTS search_claims_insert AFTER INSERT ON claim_texts BEGIN "
    "INSERT INTO search_claims(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_claims_delete AFTER DELETE ON claim_texts BEGIN "
    "INSERT INTO search_claims(search_claims, rowid, text) "
    "VALUES ('delete', old.rowid, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS claim_texts_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claim_texts(rowid, text) VALUES (new.rowid, "
    + CLAIM_TEXT.format(statement="new.statement", claim="new.id") + "); END",
    "CREATE TRIGGER IF NOT EXISTS claim_texts_forget AFTER DELETE ON claims BEGIN "
    "DELETE FROM claim_texts WHERE rowid = old.rowid; END",
    # a case written before 0015: the texts of the claims it holds
    "INSERT INTO claim_texts(rowid, text) SELECT c.rowid, "
    + CLAIM_TEXT.format(statement="c.statement", claim="c.id") + " FROM claims AS c "
    "WHERE NOT EXISTS (SELECT 1 FROM claim_texts LIMIT 1)",
)

# Protection (0016). A protected person (`dossier protect`): the pseudonym everyone without
# clearance sees in their place, and the spellings to hide (the name the analyst gave and the
# aliases of the matching case entities when it was protected; the aliases entities gain in
# later builds are hidden too, see protect/people.py). Kept across rebuilds, like judgements.
protected_people = Table(
    "protected_people",
    metadata,
    Column("id", String(20), primary_key=True),  # the pseudonym's code: "P-7F3A"
    Column("pseudonym", Text, nullable=False),  # as shown: "Person P-7F3A"
    Column("names", Text, nullable=False),  # JSON list
    Column("analyst", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(40), nullable=False),
)

# Confidential material (0017): protect/keys.py. `key_slots` hold the case key, each wrapped by
# one custodian's passphrase (never stored). A testimony's original, text and metadata (who the
# witness is, when, where, the file's name) are sealed under a key of its own, which the case
# key wraps; destroying that key (`wrapped_key` NULL, the sealed values removed, freed pages
# overwritten) makes the testimony unreadable for good. Nothing here is in the clear but the
# witness's pseudonym, the date it was added and a digest only the case key can reproduce.
key_slots = Table(
    "key_slots",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("salt", LargeBinary, nullable=False),
    Column("params", Text, nullable=False),  # JSON: Argon2id time, memory, lanes
    Column("wrapped", LargeBinary, nullable=False),
    Column("created_at", String(40), nullable=False),
)
testimonies = Table(
    "testimonies",
    metadata,
    Column("id", String(40), primary_key=True),  # "testimony-" + random hex
    Column("digest", String(64), nullable=False, unique=True),  # keys.keyed_digest
    Column("pseudonym", String(40), nullable=False),  # "Witness W-7F3A"
    Column("added_at", String(40), nullable=False),
    Column("wrapped_key", LargeBinary),
    Column("original", LargeBinary),
    Column("text", LargeBinary),
    Column("meta", LargeBinary),
    Column("destroyed_at", String(40)),
)

# Testimonies as origins (0018): which claims an opened testimony supports (corroborate/
# testimonies.py), written by a build given the passphrase and re-applied to the claims' counts
# by every build. In the clear: that a claim has a confidential origin, and whose pseudonym;
# the supporting statement is sealed with the testimony's own key.
testimony_support = Table(
    "testimony_support",
    metadata,
    Column("claim_id", String(40), primary_key=True),
    Column("testimony_id", String(40), primary_key=True),
    Column("pseudonym", String(40), nullable=False),
    Column("sealed", LargeBinary, nullable=False),
    Column("at", String(40), nullable=False),
)

# Users of a shared case (0019): who may sign in to `dossier serve`, with which role. Passwords
# are stored only as Argon2id hashes (argon2-cffi's PasswordHasher, its encoded string).
users = Table(
    "users",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("role", String(20), nullable=False),  # viewer | analyst | admin
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("changed_at", String(40), nullable=False),
    # cleared for confidential material (0020; an analyst or admin): an admin's decision
    Column("cleared", Boolean),
)

# Signed-in sessions and API tokens (0020): only the SHA-256 of each random token is kept, so
# the case file (or a copy of it) signs nobody in. A session ends when it is idle or old
# (web/access.py) or on sign-out, and then its row is deleted; a token lasts until it expires
# or is revoked. Its `scope` (read | judge) caps what the user's role allows through it.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("id", String(16), nullable=False, unique=True),  # shown and revoked by this
    Column("user_name", String(80), ForeignKey("users.name", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", String(10), nullable=False),  # session | token
    Column("scope", String(10)),  # a token's: read | judge
    Column("label", String(80)),  # a token's: what it is for
    Column("created_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
)

# Failed sign-ins (0020), for the lockout: kept for a lockout window, cleared by a success.
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_name", String(80), ForeignKey("users.name", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("at", String(40), nullable=False),
)
