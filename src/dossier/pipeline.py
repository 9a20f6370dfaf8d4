"""The one orchestrator: every build, from any entry point, runs the stages through here.

    1. ingest   find the files, read them within the limits, store every original byte for
                byte with where and when it was seen; record what was rejected and why
    2. clean    turn each original that has no documents yet into its documents
    3. copies   index each new body, link it to the copies the index finds, resolve its
                outlet, and regroup only the groups those links touch
    4. extract  read each new body: entities, statements, attributions, denials, dates; then
                resolve the case's entities across documents
    (5. corroborate plugs in after 4, over what is new)

Each stage commits in batches and works only on what has no output yet, so a second identical
run changes nothing, a new file costs only its own work, and a build killed mid-way leaves a
consistent case that the next run completes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol

from .clean import CLEANER_VERSION, documents_from
from .config import Settings
from .copies import OutletRegistry, curated, group_copies, index_batch, indexer_version
from .copies.index import BufferedIndex, IndexText
from .copies.outlets import outlet_key
from .corroborate import (
    CORROBORATOR_VERSION,
    Claim,
    DocumentInfo,
    Evidence,
    corroborate,
    evidence_of,
)
from .corroborate.claims import carry_links
from .corroborate.matching import Weights, blocking_keys, claim_keys, features
from .corroborate.testimonies import supports
from .custody import Action
from .extract import EXTRACTOR_VERSION, extract_document
from .extract.aliases import lookup_keys, resolve_entities
from .extract.document import pipeline_ready, publication_date
from .extract.ru import extract_russian
from .ingest import find_inputs, read_input
from .models import BuildSummary, Captured, DocumentStatus, Judgement, Rejection
from .protect.keys import seal, unwrap_object_key
from .protect.testimony import open_testimony
from .store import Case
from .store.codec import StoredExtraction, stored_extraction
from .store.views import ExtractRow
from .store.writer import utc_now

MAX_BATCH_BYTES = 64 * 1024 * 1024  # flush a batch early when its originals get this large
EVIDENCE_BATCH = 1000  # documents whose extractions stage 5 reads at once
# Languages stage 4 reads (py3langid's codes); other documents are recorded with nothing found.
READ_LANGUAGES = frozenset({"en", "ru"})


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, label: str) -> None: ...
    def stop(self) -> None: ...


@dataclass
class _Tally:
    originals_new: int = 0
    originals_known: int = 0
    sightings_new: int = 0
    documents_new: int = 0
    rejected_new: int = 0
    copies_indexed: int = 0
    documents_extracted: int = 0
    claims: int | None = None  # None: stage 5 had nothing new to do
    rejected: list[Rejection] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)


class _IngestBatch:
    """Captured items and rejections waiting to be written in one transaction."""

    def __init__(self, case: Case, build_id: int, tally: _Tally, settings: Settings) -> None:
        self.case, self.build_id, self.tally, self.settings = case, build_id, tally, settings
        self.items: list[tuple[Captured | Rejection, str | None]] = []
        self.size = 0
        self.file_shas: dict[str, str] = {}  # path -> sha256 within the current input file

    def new_file(self) -> None:
        self.file_shas.clear()

    def add(self, item: Captured | Rejection) -> None:
        sha256: str | None
        if isinstance(item, Captured):
            sha256 = item.sha256
            self.file_shas[item.path] = sha256
            self.size += len(item.content)
        else:
            sha256 = self.file_shas.get(item.path)
        self.items.append((item, sha256))
        if len(self.items) >= self.settings.batch_size or self.size >= MAX_BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self.items:
            return
        captured = [(item, sha) for item, sha in self.items
                    if isinstance(item, Captured) and sha is not None]
        rejected = [(item, sha) for item, sha in self.items if isinstance(item, Rejection)]
        with self.case.writer.transaction() as tx:
            results = tx.add_captured(captured, self.build_id)
            self.tally.rejected_new += tx.add_rejections(rejected, self.build_id)
        for (_, sha256), (new, place_new) in zip(captured, results, strict=True):
            self.tally.seen.add(sha256)
            self.tally.originals_new += new
            self.tally.originals_known += not new
            self.tally.sightings_new += place_new
        self.tally.rejected.extend(rejection for rejection, _ in rejected)
        self.items, self.size = [], 0


def build(case: Case, paths: Sequence[Path], settings: Settings,
          progress: Progress | None = None, case_key: bytes | None = None) -> BuildSummary:
    """Run every stage over `paths` into `case`; returns what the build did. With the case
    key (`case_key`, from the passphrase), the sealed testimonies are opened too, and their
    statements support the claims they match (stage 5b); without it, the supports the last
    unlocked build found are kept.

    Takes the case's build lock, held until the case is closed.
    """
    case.lock_for_build(settings.lock_wait_seconds)
    with case.writer.transaction() as tx:
        build_id, interrupted = tx.start_build()
    tally = _Tally()

    # 1. ingest
    inputs = find_inputs(paths, exclude=case.own_files())
    batch = _IngestBatch(case, build_id, tally, settings)
    for rejection in inputs.rejections:
        batch.add(rejection)
    if progress is not None:
        progress.start(len(inputs.files))
    try:
        for input_file in inputs.files:
            batch.new_file()
            for item in read_input(input_file, settings):
                batch.add(item)
            if progress is not None:
                progress.advance(input_file.path)
        batch.flush()
    finally:
        if progress is not None:
            progress.stop()

    # 2. clean: new originals, and all of them again when the cleaning rules have changed
    after = ""
    recleaned = 0
    while originals := case.view.originals_to_clean(after, settings.batch_size, CLEANER_VERSION):
        documents = [document for original in originals
                     for document in documents_from(original, settings)]
        with case.writer.transaction() as tx:
            previous = tx.remove_documents_of([original.sha256 for original in originals])
            tally.documents_new += tx.add_documents(documents, build_id,
                                                    cleaner=CLEANER_VERSION, previous=previous)
        recleaned += len(previous)
        tally.rejected_new += sum(d.status is DocumentStatus.REJECTED and d.id not in previous
                                  for d in documents)
        after = originals[-1].sha256
    if recleaned:
        with case.writer.transaction() as tx:
            tx.log(Action.RECLEAN, None, documents=recleaned, cleaner=CLEANER_VERSION)

    # 3. copies
    tally.copies_indexed = index_copies(case, settings)

    # 4. extract
    tally.documents_extracted = extract_documents(case, settings)

    # 5. corroborate: new documents join the claims around them
    tally.claims = corroborate_case(case, settings)
    support_testimonies(case, settings, case_key)

    # Files rejected after ingest (empty, binary, undecodable) count on every run that sees them.
    already = {(r.path, r.reason) for r in tally.rejected}
    tally.rejected.extend(Rejection(path, reason)
                          for path, reason in case.view.rejections_of(tally.seen)
                          if (path, reason) not in already)
    summary = BuildSummary(
        originals_new=tally.originals_new,
        originals_known=tally.originals_known,
        sightings_new=tally.sightings_new,
        documents_new=tally.documents_new,
        copies_indexed=tally.copies_indexed,
        documents_extracted=tally.documents_extracted,
        claims=tally.claims,
        rejected=tuple(tally.rejected),
        rejected_new=tally.rejected_new,
        skipped_hidden=inputs.hidden,
        interrupted_build_completed=interrupted > 0,
    )
    with case.writer.transaction() as tx:
        tx.finish_build(build_id, {
            "originals_new": summary.originals_new,
            "originals_known": summary.originals_known,
            "sightings_new": summary.sightings_new,
            "documents_new": summary.documents_new,
            "copies_indexed": summary.copies_indexed,
            "documents_extracted": summary.documents_extracted,
            "rejected": len(summary.rejected),
            "rejected_new": summary.rejected_new,
            **({} if summary.claims is None else {"claims": summary.claims}),
        })
    return summary


def extract_documents(case: Case, settings: Settings) -> int:
    """Stage 4: read every document without an extraction (new, cleaned again, or read by
    older rules), then resolve the case's entities across documents. Returns how many
    documents were read."""
    stale = case.view.stale_extractions(EXTRACTOR_VERSION)
    if stale:
        with case.writer.transaction() as tx:
            tx.remove_extractions(stale)
    done = 0
    read: list[str] = []
    keys: set[str] = set()  # the lookup keys of the entities of the documents read
    after = ""
    pool: ProcessPoolExecutor | None = None
    workers = settings.extract_workers or os.cpu_count() or 1
    # With workers, the next batch is read while the main process writes the last one.
    pending: tuple[list[ExtractRow], Iterable[_Extracted]] | None = None
    try:
        while True:
            rows = case.view.documents_to_extract(after, settings.batch_size)
            if rows:
                after = rows[-1].id
                jobs = [(row.text if _readable(row.language) else "", row.id, row.published,
                         row.outlet, row.language) for row in rows]
                if pool is None and workers > 1 and len(rows) >= settings.extract_parallel_min:
                    pipeline_ready()  # loaded before the fork, shared by every worker
                    pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"))
                if pool is not None:
                    chunk = max(1, len(jobs) // (workers * 4))
                    started: Iterable[_Extracted] = pool.map(_extract_one, jobs,
                                                             chunksize=chunk)
                else:
                    started = [_extract_one(job) for job in jobs]
            if pending is not None:
                done += _write_extractions(case, *pending, keys)
                read.extend(row.id for row in pending[0])
            pending = (rows, started) if rows else None
            if pending is None:
                break
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if stale or (done and not case.view.entities_indexed()):
        found = resolve_entities(case.view.document_entities())
        with case.writer.transaction() as tx:
            tx.replace_entities(found)
    elif done:
        # Only the entities the new documents' names could join are resolved again.
        view = case.view
        near = sorted(view.entities_by_keys(keys))
        found = resolve_entities(view.document_entities(read, near))
        with case.writer.transaction() as tx:
            tx.replace_entities(found, gone=near)
    return done


def _write_extractions(case: Case, rows: list[ExtractRow], extracted: Iterable[_Extracted],
                       keys: set[str]) -> int:
    """Writes a batch's extractions; adds their entities' lookup keys to `keys`."""
    batch = list(extracted)
    with case.writer.transaction() as tx:
        tx.add_extractions([(x.stored, row.cleaner) for x, row in zip(batch, rows, strict=True)],
                           EXTRACTOR_VERSION)
    for x in batch:
        keys |= x.keys
    return len(rows)


def corroborate_case(case: Case, settings: Settings, full: bool = False) -> int | None:
    """Stage 5. New documents' statements join the claims around them (the claims they might
    belong to, found through stored blocking keys, are read again with them and replaced);
    everything is recomputed when the rules changed, a document read before has changed, an
    analyst judged a claim (`full`), or the case has no claims yet. Returns how many claims
    were written, or None when there was nothing to do."""
    view = case.view
    if full or view.corroborator() != CORROBORATOR_VERSION or view.corroboration_gone():
        return _corroborate_all(case, settings)
    new = view.documents_to_corroborate()
    regrouped = view.regrouped_claims()
    if not new and not regrouped:
        return None
    fresh = case_evidence(case, new)
    counts = Counter(term for e in fresh for term in features(e))
    frequency = Counter(view.term_counts(counts)) + counts  # the case's, new statements in
    total = view.statements_read() + len(fresh)
    keys = {key for e in fresh for key in blocking_keys(features(e), frequency)}
    near = view.claims_by_keys(keys, settings.claim_key_limit, settings.claim_neighbours)
    stored = view.claims(sorted(view.claims_sharing_mentions({*near, *regrouped})))
    owned = {m for s in stored for m in (*s.claim.mentions, *s.claim.denials)}
    read = [s.evidence[m] for s in stored for m in (*s.claim.mentions, *s.claim.denials)]
    read, changed = _current(read, view.claim_inputs(sorted({e.document for e in read})))
    evidence = [*fresh, *read]
    frequency.update(view.term_counts({t for e in read for t in features(e)} - frequency.keys()))
    weights = Weights.of_counts(frequency, total)
    found = corroborate(evidence, settings, view.judgements(("claim", "mention")), weights)
    # Denials outside the claims read again keep denying what their claims became.
    kept = [(link, s.claim.anchor) for s in stored for link in s.links
            if link.denial not in owned]
    found = carry_links(found, kept, view.denial_claims_of({link.denial for link, _ in kept}))
    by_id = {e.id: e for e in evidence}
    by_id.update((link.denial, s.evidence[link.denial]) for s in stored for link in s.links
                 if link.denial not in owned)
    with case.writer.transaction() as tx:
        tx.forget_claims([s.claim.id for s in stored])
        tx.add_evidence(fresh)
        tx.refresh_evidence(changed)
        tx.add_claims(found, by_id, _keys_of(by_id, weights))
        tx.count_terms(counts, new, CORROBORATOR_VERSION)
    return len(found.claims)


def support_testimonies(case: Case, settings: Settings, case_key: bytes | None) -> None:
    """Stage 5b. With the case key: open every testimony, read its statements as stage 4
    would (in memory only: nothing of it is stored in the clear), and record which claims each
    supports, sealed; without: apply the supports recorded last to the claims as stage 5 left
    them (their origins and status)."""
    if case_key is None:
        with case.writer.transaction() as tx:
            tx.apply_testimony_support()
        return
    view = case.view
    statements: list[Evidence] = []
    keys_of: dict[str, bytes] = {}
    testimonies = view.testimonies()
    for row in testimonies:
        if row.wrapped_key is None:
            continue
        opened = open_testimony(case_key, row)
        keys_of[row.id] = unwrap_object_key(case_key, row.id, row.wrapped_key)
        published = _iso_date(opened.date)
        extraction = extract_document(opened.text or "", document_id=row.id,
                                      published=published, outlet=None)
        info = DocumentInfo(row.id, published.isoformat() if published else None, row.id,
                            None, None, None, testimony=True)
        statements += evidence_of(extraction, info, {}, {},
                                  lambda name: (f"name:{outlet_key(name)}", name))
    counts = Counter(term for e in statements for term in features(e))
    frequency = Counter(view.term_counts(counts)) + counts
    weights = Weights.of_counts(frequency, view.statements_read() + len(statements))
    candidates = {e.id: view.claims_by_keys(blocking_keys(features(e), frequency),
                                            settings.claim_key_limit,
                                            settings.claim_neighbours) for e in statements}
    stored = view.claims(sorted({c for found in candidates.values() for c in found}))
    claims = {s.claim.id: [s.evidence[m] for m in s.claim.mentions if m in s.evidence]
              for s in stored}
    found = supports(statements, candidates, claims, weights, settings)
    pseudonyms = {row.id: row.pseudonym for row in testimonies}
    by_id = {e.id: e for e in statements}
    now = utc_now()
    rows = [{"claim_id": s.claim, "testimony_id": s.testimony,
             "pseudonym": pseudonyms[s.testimony], "at": now,
             "sealed": seal(keys_of[s.testimony], f"support:{s.testimony}:{s.claim}",
                            json.dumps({"mention": s.mention, "score": round(s.score, 4),
                                        "text": by_id[s.mention].text,
                                        "start": by_id[s.mention].start,
                                        "end": by_id[s.mention].end}).encode())}
            for s in found]
    with case.writer.transaction() as tx:
        tx.replace_testimony_support(rows)


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _corroborate_all(case: Case, settings: Settings) -> int:
    documents = case.view.extracted_documents()  # read before the transaction forgets them
    evidence = case_evidence(case)
    weights = Weights(features(e) for e in evidence)
    found = corroborate(evidence, settings, case.view.judgements(("claim", "mention")), weights)
    weights.totals.clear()  # it keeps every statement's features alive; the keys need none
    by_id = {e.id: e for e in evidence}
    with case.writer.transaction() as tx:
        tx.forget_claims()
        tx.add_evidence(evidence)
        tx.add_claims(found, by_id, _keys_of(by_id, weights))
        tx.count_terms(dict(weights.frequency), documents, CORROBORATOR_VERSION)
    return len(found.claims)


def _current(evidence: Sequence[Evidence], documents: Sequence[DocumentInfo]
             ) -> tuple[list[Evidence], list[Evidence]]:
    """Stored statements with their documents' current copy group, outlet, date and story
    (rows do not keep the story: a new spelling joining an entity changes its case ID), and
    those whose copy group, outlet or date changed (a copy group merged or split), to be
    written back."""
    info = {d.id: d for d in documents}
    current, changed = [], []
    for e in evidence:
        d = info.get(e.document)
        if d is None:
            current.append(e)
        elif (d.copy_group, d.outlet, d.published) != (e.copy_group, e.outlet, e.published):
            changed.append(replace(e, copy_group=d.copy_group, outlet=d.outlet,
                                   outlet_name=d.outlet_name, published=d.published,
                                   context=d.context))
            current.append(changed[-1])
        else:
            current.append(replace(e, context=d.context))
    return current, changed


def _keys_of(evidence: Mapping[str, Evidence], weights: Weights) -> Callable[[Claim], set[str]]:
    """A claim's blocking keys, worked out when the claim is written."""
    return lambda c: claim_keys([evidence[m] for m in (*c.mentions, *c.denials)], weights)


def case_evidence(case: Case, documents: Sequence[str] | None = None) -> list[Evidence]:
    """The statements of these documents (all when none are given) as evidence: with case
    entities, copy group, outlet and the cited outlet's origin key. Read `EVIDENCE_BATCH`
    documents at a time, so that only their extractions are in memory at once."""
    view = case.view
    registry = OutletRegistry.of(view.outlet_aliases())
    outlet_names = {row.id: row.name for row in view.outlets()}
    cited: dict[str, tuple[str, str]] = {}

    def cited_outlet(name: str) -> tuple[str, str]:
        known = cited.get(name)
        if known is None:
            outlet = registry.resolve(name, None)
            known = cited[name] = (f"outlet:{outlet}", outlet_names.get(outlet, name)) \
                if outlet else (f"name:{outlet_key(name)}", name)
        return known

    ids = sorted(dict.fromkeys(view.extracted_documents() if documents is None else documents))
    found: list[Evidence] = []
    for start in range(0, len(ids), EVIDENCE_BATCH):
        chunk = ids[start:start + EVIDENCE_BATCH]
        entity_ids = view.entity_ids(chunk)
        names = view.entity_names(entity_ids.values())
        info = {row.id: row for row in view.claim_inputs(chunk)}
        for extraction in view.extractions(chunk):
            document = info.get(extraction.document_id)
            if document is not None:
                found.extend(evidence_of(extraction, document, entity_ids, names, cited_outlet))
    return found


def _readable(language: str | None) -> bool:
    """English and Russian are read (extract/, extract/ru/): a document in another language is
    recorded as read, with nothing found, rather than filled with misreadings."""
    return language is None or language in READ_LANGUAGES


@dataclass(frozen=True)
class _Extracted:
    """What reading one document gives the writing process (from a worker: strings, cheap to
    send): the rows to store, and the lookup keys of its entities, which find the case
    entities they may join (the same keys as of its entities read back from the store)."""

    stored: StoredExtraction
    keys: frozenset[str]


def _extract_one(job: tuple[str, str, str | None, str | None, str | None]) -> _Extracted:
    text, document_id, published, outlet, language = job
    read = extract_russian if language == "ru" else extract_document
    extraction = read(text, document_id=document_id, published=publication_date(published),
                      outlet=outlet)
    return _Extracted(stored_extraction(extraction),
                      frozenset(key for e in extraction.entities for key in lookup_keys(e)))


def index_copies(case: Case, settings: Settings) -> int:
    """Stage 3: index documents without a fingerprint, then regroup what their links touch.
    Returns how many documents were indexed."""
    indexer = indexer_version(settings)
    stale = case.view.stale_copy_entries(indexer)
    touched = case.view.copy_neighbourhood(stale)  # before the links that reach it are gone
    with case.writer.transaction() as tx:
        tx.purge_copy_entries(stale)
    outlets, aliases = curated()
    registry = OutletRegistry.of([*case.view.outlet_aliases(), *aliases])
    with case.writer.transaction() as tx:
        tx.add_outlets(outlets, aliases)
    index = BufferedIndex(case.view, remember=settings.copy_write_documents)
    outlets_of: dict[str, str | None] = {}
    cleaners: dict[str, str | None] = {}

    def write() -> None:
        with case.writer.transaction() as tx:
            tx.add_outlets(*registry.take_new())
            tx.set_document_outlets(outlets_of)
            tx.add_copy_entries(index.take(), indexer, cleaners)
        outlets_of.clear()
        cleaners.clear()

    after, indexed = "", 0
    while rows := case.view.documents_to_index(after, settings.batch_size):
        index.add(index_batch([IndexText(r.id, r.text) for r in rows], index, settings,
                              index.prints))
        outlets_of.update((r.id, registry.resolve(r.outlet, r.url)) for r in rows)
        cleaners.update((r.id, r.cleaner) for r in rows)
        if len(index) >= settings.copy_write_documents:
            write()
        touched.update(r.id for r in rows)
        indexed += len(rows)
        after = rows[-1].id
    write()
    regroup_copies(case, touched, settings)
    return indexed


def regroup_copies(case: Case, ids: set[str], settings: Settings) -> None:
    """Recompute the copy groups of `ids` and of everything linked or grouped with them."""
    if not ids:
        return
    around = sorted(case.view.copy_neighbourhood(ids))
    members = case.view.copy_members_info(around)
    links = case.view.copy_links_among(around)
    grouping = group_copies(members, [row.link for row in links],
                            case.view.judgements_of("copy", around), settings.quoted_max_coverage)
    with case.writer.transaction() as tx:
        tx.replace_copy_groups(around, grouping, links)


def judge_copy(case: Case, judgement: Judgement, settings: Settings) -> None:
    """Record an analyst's copy judgement and apply it at once (and on every build after)."""
    with case.writer.transaction() as tx:
        tx.add_judgement(judgement)
    regroup_copies(case, {judgement.a, judgement.b}, settings)
    corroborate_case(case, settings)  # copy groups are origins: regrouped claims are re-read
    support_testimonies(case, settings, None)


def judge_claims(case: Case, judgement: Judgement, settings: Settings) -> None:
    """Record an analyst's claim or mention judgement (claims named by their anchors) and
    apply it at once (and on every build after)."""
    with case.writer.transaction() as tx:
        tx.add_judgement(judgement)
    corroborate_case(case, settings, full=True)
    support_testimonies(case, settings, None)
