"""What each page of the web UI shows, as JSON-ready data: the page's JSON twin under /api/…
returns it and the page's template renders it, so the two never disagree. Presentation only:
every fact comes from the case's read-only view."""

from __future__ import annotations

import re
from dataclasses import asdict, fields
from typing import Any

from ..corroborate.records import Status, mention_id
from ..export.json_contract import (
    Quotes,
    claim_passages,
    claim_summary_json,
    document_json,
    mention_json,
)
from ..extract.records import StatementKind
from ..models import REMOVED_KINDS, Block
from ..protect import NOBODY, Redactor
from ..protect.people import known_as
from ..store import CaseView, DocumentRow
from ..store.views import ClaimQuery, ClaimRow, StoredClaim, search_words

CONTEXT_CHARS = 280  # characters of the document shown on each side of a passage
# Passages a claim page shows, each in its context (the document around them); a syndicated
# story's claim has thousands, on further pages. 50 keeps a page of the heaviest claim of the
# 100,000-document benchmark case well under the latency target (docs/performance.md).
PASSAGES_PER_PAGE = 50
OUTLETS_LISTED = 6  # outlets a claims list names for each claim (all are counted)
OVERVIEW_ITEMS = 8  # claims and documents in each list of the overview
ENTITY_CHOICES = 150  # entities offered in the claims filter: those in the most documents
SEARCH_LIMIT = 200  # matching statements, and matching documents, a search shows at most
ENTITY_CLAIMS = 200  # claims an entity page lists (those with the most independent origins)
ENTITY_DOCUMENTS = 100  # documents whose mentions an entity page shows (the rest are counted)
STATUSES = tuple(s.value for s in Status)
KINDS = tuple(k.value for k in StatementKind)  # a claim's kind is its statements' kind
SORTS = ("origins", "mentions", "date")


def overview(view: CaseView) -> dict[str, Any]:
    """Counts, the most corroborated and the contested claims, the latest documents."""
    counts = view.counts()
    by_status = view.claim_counts()
    groups, outlets = view.copy_counts()
    _, top = view.claim_list(ClaimQuery(supported=True, limit=OVERVIEW_ITEMS))
    _, contested = view.claim_list(ClaimQuery(status=Status.CONTESTED.value,
                                              limit=OVERVIEW_ITEMS))
    return {
        "counts": {
            "documents": counts["documents"], "rejected": counts["rejected"],
            "originals": counts["originals"], "copy_groups": groups, "outlets": outlets,
            "claims": sum(by_status.values()),
            "claims_by_status": {s: by_status.get(s, 0) for s in STATUSES},
        },
        "most_corroborated": [claim_row(r) for r in top],
        "contested": [claim_row(r) for r in contested],
        "latest_documents": [{"id": did, "added": added, "title": title}
                             for did, added, title in view.latest_documents(OVERVIEW_ITEMS)],
    }


def claims(view: CaseView, filters: ClaimQuery) -> dict[str, Any]:
    """The claims that pass the filters, sorted, one page of them, read from the claims'
    rows alone (filters on entities and outlets through the claim facets, words through the
    statements' full-text index)."""
    total, rows = view.claim_list(filters)
    return {
        "total": total,
        "filters": asdict(filters),
        "claims": [claim_row(r) for r in rows],
        "choices": {
            "statuses": list(STATUSES), "sorts": list(SORTS), "kinds": list(KINDS),
            "outlets": view.outlet_names(),
            "entities": [{"id": eid, "name": name, "type": kind}
                         for eid, name, kind in view.entity_choices(ENTITY_CHOICES)],
        },
    }


def claim_row(r: ClaimRow) -> dict[str, Any]:
    """A claim as lists show it: a syndicated story's hundreds of outlets are counted, and the
    first few named."""
    row = {f.name: getattr(r, f.name) for f in fields(r)}
    return {**row, "outlets": list(r.outlets[:OUTLETS_LISTED]), "outlet_count": len(r.outlets)}


def claim(view: CaseView, cid: str, page: int = 1, hiding: Redactor = NOBODY,
          quotes: Quotes | None = None) -> dict[str, Any] | None:
    """A claim as the export has it, one page of its passages in their context (the denials
    first, then the supporting passages in the claim's order), and the analysts' judgements of
    its passages. Only that page's evidence is read: a syndicated story's claim has
    thousands of passages. Offsets are those of the document's body as `hiding` shows it.
    `quotes`, for a cleared reader: what each supporting testimony says."""
    found = view.claims([cid], with_evidence=False)
    if not found:
        return None
    bare = found[0]
    c = bare.claim
    supporting = set(c.mentions)
    denials = [m for m in claim_passages(bare) if m not in supporting]
    ordered = [*denials, *c.mentions]
    pages = max(1, -(-len(ordered) // PASSAGES_PER_PAGE))
    number = min(max(page, 1), pages)
    shown = ordered[(number - 1) * PASSAGES_PER_PAGE:number * PASSAGES_PER_PAGE]
    evidence = view.evidence([*shown, *(link.denial for link in bare.links)])
    stored = StoredClaim(c, evidence, bare.links, bare.confidential)
    documents = {row.id: row for row in view.documents(
        sorted({evidence[m].document for m in shown}))}
    names = view.entity_names({eid for m in shown
                               for eid in (*evidence[m].places, *evidence[m].actors,
                                           *evidence[m].targets)})
    origin_of = {m: o.label for o in c.origins for m in o.mentions}
    passages = []
    for mid in shown:
        e = evidence[mid]
        m = mention_json(e, origin_of.get(mid))
        row = documents.get(e.document)
        body = (row.text or "") if row else ""
        start, end = e.start, e.end
        moved = hiding.text_with_offsets(body)[1]
        passages.append({
            **m, "start": moved(start), "end": moved(end), "mention": mid, "speaker": e.speaker,
            "entities": [{"id": eid, "name": names.get(eid, eid)}
                         for eid in dict.fromkeys((*e.places, *e.actors, *e.targets))],
            "title": e.title, "published": e.published,
            "before": _clip_left(body[max(0, start - CONTEXT_CHARS):start], start),
            "passage": body[start:end] or m["quote"],
            "after": _clip_right(body[end:end + CONTEXT_CHARS], len(body) - end)})
    document_of = view.claim_documents(cid)
    # an analyst's judgements are few: all are read, those naming a passage of the claim kept
    judged = [j for j in view.judgements(["claim", "mention"])
              if j.a in document_of or j.b in document_of]
    return {
        "claim": claim_summary_json(stored, document_of, quotes),
        "counts": {"supporting": len(c.mentions), "denying": len(denials)},
        "page": {"number": number, "pages": pages, "size": PASSAGES_PER_PAGE,
                 "first": (number - 1) * PASSAGES_PER_PAGE + 1 if shown else 0,
                 "last": (number - 1) * PASSAGES_PER_PAGE + len(shown),
                 "total": len(ordered)},
        "passages": passages,
        "judgements": [{"kind": j.kind, "a": j.a, "b": j.b, "verdict": j.verdict.value,
                        "analyst": j.analyst, "at": j.at, "reason": j.reason}
                       for j in judged],
    }


def _clip_left(text: str, available: int) -> str:
    """Context before a passage, starting at a word when it was cut."""
    if available > len(text) and " " in text:
        text = "… " + text.split(" ", 1)[1]
    return text


def _clip_right(text: str, available: int) -> str:
    if available > len(text) and " " in text:
        text = text.rsplit(" ", 1)[0] + " …"
    return text


def document(view: CaseView, did: str, hiding: Redactor = NOBODY) -> dict[str, Any] | None:
    """A document: its body with its statements marked, the blocks cleaning removed, its
    copies and possible copies, and its original's hash and capture data — withheld when
    it names a protected person. Offsets are those of the body as `hiding` shows it."""
    rows = view.documents([did])
    if not rows:
        return None
    row = rows[0]
    blocks = view.blocks_of([did]).get(did, [])
    data = document_json(row, blocks)
    extraction = next(iter(view.extractions([did])), None)
    found = [] if extraction is None else sorted(extraction.statements, key=lambda s: s.start)
    mentions = [mention_id(did, s.start) for s in found]
    claims = view.claims_of_mentions(mentions)
    statements = [
        {"mention": mid, "start": s.start, "end": s.end, "kind": s.kind.value,
         "event_type": s.event_type, "denial": s.attribution.denial, "claim": claims.get(mid)}
        for mid, s in zip(mentions, found, strict=True)]
    segments = _segments(row.text, statements)
    moved = hiding.text_with_offsets(row.text)[1]
    for statement, s in zip(statements, found, strict=True):
        statement["start"], statement["end"] = moved(s.start), moved(s.end)
    group = next(iter(view.copy_groups([row.copy_group])), None) if row.copy_group else None
    links = view.copy_links_among([did])
    return {
        "document": data,
        "original_withheld": hiding.active and names_someone(hiding, row, blocks),
        "segments": segments,
        "statements": statements,
        "removed_kinds": [str(k) for k in REMOVED_KINDS
                          if any(b.kind == k for b in blocks)],
        "copy_group": None if group is None else {
            "id": group.id, "representative": group.representative,
            "documents": [d for d in group.members if d != did]},
        "copy_links": [{"document": r.link.b if r.link.a == did else r.link.a,
                        "kind": str(r.link.kind), "verdict": r.verdict,
                        "jaccard": round(r.link.jaccard, 3),
                        "containment": round(r.link.containment, 3),
                        "reason": r.decision or r.link.reason} for r in links],
    }


def names_someone(hiding: Redactor, row: DocumentRow, blocks: list[Block],
                  original: bytes = b"") -> bool:
    """Whether a document names a protected person anywhere — its body, title, path, the
    blocks cleaning removed, its original's bytes read as text: its original is then not
    served to anyone without clearance."""
    texts = [row.text or "", row.title or "", row.path, *(b.text for b in blocks)]
    if original:
        texts += [original.decode("utf-8", errors="ignore"), original.decode("latin-1")]
    return any(hiding.text(text) != text for text in texts)


def _segments(body: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The body cut into plain text and statements (given in order of position), for
    highlighting."""
    found: list[dict[str, Any]] = []
    at = 0
    for k, s in enumerate(statements):
        if s["start"] < at:
            continue
        if s["start"] > at:
            found.append({"text": body[at:s["start"]], "statement": None})
        found.append({"text": body[s["start"]:s["end"]], "statement": k})
        at = s["end"]
    if at < len(body):
        found.append({"text": body[at:], "statement": None})
    return found


def documents(view: CaseView) -> dict[str, Any]:
    """Every accepted document, by path, without bodies."""
    return {"documents": [
        {"id": r.id, "path": r.path, "title": r.title, "outlet": r.outlet_name or r.outlet,
         "published": r.published, "copy_group": r.copy_group, "sha256": r.sha256}
        for r in view.documents() if r.status == "ok"]}


def rejected(view: CaseView) -> dict[str, Any]:
    """Every rejected file, with the reason."""
    return {"rejected": [{"id": r.id, "path": r.path, "reason": r.reason, "sha256": r.sha256,
                          "media_type": r.media_type, "size": r.size}
                         for r in view.documents(rejected_only=True)]}


def testimonies(view: CaseView) -> dict[str, Any]:
    """Every confidential testimony as anyone without the passphrase may see it: its witness's
    pseudonym, when it was added, and the claims it supports — "confidential — locked"."""
    supported = view.testimony_claims()
    claims = view.claim_summaries() if supported else {}
    return {"testimonies": [
        {"id": t.id, "pseudonym": t.pseudonym, "added": t.added_at, "destroyed": t.destroyed_at,
         "supports": [{"claim": cid, "statement": claims[cid][2]}
                      for cid, _ in supported.get(t.id, []) if cid in claims]}
        for t in view.testimonies()]}


def entities(view: CaseView) -> dict[str, Any]:
    """People, organisations, places and others, most mentioned first."""
    return {"entities": [{"id": e.id, "name": e.name, "type": e.type, "media": e.media,
                          "aliases": list(e.aliases), "documents": e.documents,
                          "mentions": e.mentions} for e in view.entities()]}


def entity(view: CaseView, eid: str) -> dict[str, Any] | None:
    """An entity: every spelling with the reason for each merge, its mentions in their
    sentences, and the claims whose passages involve it."""
    found = view.entities([eid])
    if not found:
        return None
    e = found[0]
    members = view.entity_members(eid)
    local = {(d, k) for d, k in members}
    shown = sorted({d for d, _ in members})[:ENTITY_DOCUMENTS]
    rows = {row.id: row for row in view.documents(shown)}
    mentions = [
        {"document": x.document_id, "title": rows[x.document_id].title, "text": m.text,
         "start": m.start, "end": m.end,
         "before": rows[x.document_id].text[m.sentence_start:m.start],
         "after": rows[x.document_id].text[m.end:m.sentence_end]}
        for x in view.extractions(shown) if x.document_id in rows
        for m in x.mentions if (x.document_id, m.entity) in local]
    _, involving = view.claim_list(ClaimQuery(entity=eid, limit=ENTITY_CLAIMS))
    return {
        "entity": {"id": e.id, "name": e.name, "type": e.type, "media": e.media,
                   "aliases": list(e.aliases), "merges": list(e.reasons),
                   "documents": e.documents, "mentions": e.mentions},
        "mentions": mentions,
        "mentions_shown_from": len(shown),
        "claims": [claim_row(r) for r in involving],
    }


def timeline(view: CaseView, eid: str | None = None) -> dict[str, Any]:
    """Dated claims and denials in date order (a year before its months and days), with their
    date precision, support and status; undated claims apart. With `eid`, only those whose
    passages involve that entity."""
    rows = view.timeline()
    evidence = view.evidence([row.mention for row in rows])
    undated_ids = view.undated_claims()
    _, listed = view.claim_list(ClaimQuery(entity=eid, limit=None))
    claims = {r.id: r for r in listed}
    entries: list[dict[str, Any]] = []
    for row in rows:
        c = claims.get(row.claim)
        if c is None:
            continue
        passage = evidence.get(row.mention)
        entries.append({
            "date": row.date, "precision": row.precision, "kind": row.kind,
            "claim": row.claim, "statement": c.statement, "status": c.status,
            "independent_sources": c.independent_sources,
            "document": passage.document if passage else None,
            "quote": passage.text if passage else None})
    undated = [claim_row(claims[cid]) for cid in undated_ids if cid in claims]
    names = view.entity_names([eid]) if eid else {}
    return {"entity": {"id": eid, "name": names.get(eid or "")} if eid else None,
            "entries": entries, "undated": undated,
            "years": sorted({e["date"][:4] for e in entries})}


def search(view: CaseView, words: str) -> dict[str, Any]:
    """Full text over bodies and statements: the matching statements grouped by the claim they
    belong to, and the matching documents with the stretch that matches."""
    terms = [w.rstrip("*") for w in search_words(words)]
    by_claim: dict[str, list[dict[str, Any]]] = {}
    unclaimed = []
    hits = view.search_statements(words, SEARCH_LIMIT)
    claims = view.claims_of_mentions([mention for mention, _, _ in hits])
    for mention, did, sentence in hits:
        hit = {"mention": mention, "document": did, "passage": _marked(sentence, terms)}
        cid = claims.get(mention)
        if cid is None:
            unclaimed.append(hit)
        else:
            by_claim.setdefault(cid, []).append(hit)
    _, listed = view.claim_list(ClaimQuery(ids=tuple(by_claim), limit=None))
    found = {r.id: r for r in listed}
    return {
        "q": words,
        "claims": [{**claim_row(found[cid]), "passages": hits}
                   for cid, hits in by_claim.items() if cid in found],
        "documents": [{"id": h.document, "title": h.title, "snippet": _snippet(h.snippet)}
                      for h in view.search_documents(words, SEARCH_LIMIT)],
        "unclaimed": unclaimed,
    }


def _snippet(snippet: str) -> list[dict[str, Any]]:
    """FTS5's snippet (matches between \\x02 and \\x03) → pieces, matched or not."""
    pieces = []
    for k, part in enumerate(re.split("[\x02\x03]", snippet)):
        if part:
            pieces.append({"text": part, "match": k % 2 == 1})
    return pieces


def _marked(sentence: str, terms: list[str]) -> list[dict[str, Any]]:
    """A sentence cut into pieces, the searched words marked (case and accents aside)."""
    if not terms:
        return [{"text": sentence, "match": False}]
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\w*",
                         re.IGNORECASE)
    pieces, at = [], 0
    for match in pattern.finditer(sentence):
        if match.start() > at:
            pieces.append({"text": sentence[at:match.start()], "match": False})
        pieces.append({"text": match.group(), "match": True})
        at = match.end()
    if at < len(sentence):
        pieces.append({"text": sentence[at:], "match": False})
    return pieces


def protection_of(view: CaseView, eid: str) -> str | None:
    """The code of the protection that covers this entity, if any."""
    found = view.entities([eid])
    if not found:
        return None
    for person in view.protected_people():
        if any(known_as(found, name) for name in person.names):
            return person.code
    return None
