"""The case report (`dossier report`): one self-contained file, HTML or Markdown, that a reader
can print or hand on — a summary, the claims by status with footnoted sources, the timeline,
the people, organisations and places, how the counts were made, and every source with its
SHA-256 and capture data. Each claim is rendered from its public JSON contract, so the report
says nothing the export does not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..export.json_contract import Quotes, claim_json
from ..protect import Redactor
from ..protect.people import case_redactor
from ..store import CaseView, DocumentRow

REPORT_FORMATS = ("html", "md")
STATUS_ORDER = ("corroborated", "contested", "single-source", "denied")
STATUS_TITLES = {
    "corroborated": "Corroborated: at least two independent origins, not denied",
    "contested": "Contested: supported, and denied by a party",
    "single-source": "Single source: one independent origin",
    "denied": "Denials",
}
ENTITY_TYPES = (("person", "People"), ("organization", "Organisations"), ("place", "Places"),
                ("other", "Other names"))

# How the counts are made, in plain words: the report's methods section (HTML and Markdown).
METHODS = (
    ("Originals", "Every file was kept byte for byte in the case file, addressed by its SHA-256 "
     "(listed with each source), and every step is recorded in a hash-chained custody log that "
     "`dossier verify` checks."),
    ("Copies", "News is re-posted: syndicated copies, excerpts and rewrites of one story. "
     "Documents sharing most of their text (measured on five-word shingles) form one copy "
     "group, and a copy group counts as one origin however many sites carried it."),
    ("Claims", "Sentences from different documents that assert the same fact (the same kind of "
     "event, compatible counts and dates, much of the same content) are one claim. Each claim "
     "lists the decisions that grouped its passages; analysts can overrule any of them, and "
     "their judgements are applied again on every rebuild."),
    ("Independent origins", "The passages of a claim are grouped into independent origins: "
     "one per copy group; one per outlet, however many articles it published; and a passage "
     "that attributes the fact to another outlet (\u201caccording to \u2026\u201d, "
     "\u201c\u2026 reported\u201d) counts toward that outlet's origin, not as the citing "
     "outlet's own evidence. A witness testimony is an origin of its own. The number of "
     "independent origins is the number shown with each claim; its list says why each passage "
     "was folded where it is."),
    ("Figures", "Every count reported is kept with its source. Where reports disagree, the "
     "claim shows the range and a conservative estimate: the lowest figure, the rule ACLED "
     "uses."),
    ("Status", "A claim is corroborated with at least two independent origins and no denial, "
     "single-source with one, and contested when a party denies it; a denial is a claim of its "
     "own, with its sources."),
    ("Limits", "Statements, entities and events are read by rules, not by a person: a "
     "paraphrase can be split from its claim, and a general denial can be put against the "
     "wrong claim. Every grouping is shown so that it can be checked, and the passages quoted "
     "are always the exact words of the captured original."),
)

_ENVIRONMENT = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
    keep_trailing_newline=True)


CLAIMS_PER_READ = 500  # claims read from the case at a time while the report is written


def render_report(view: CaseView, fmt: str, case_name: str,
                  hiding: Redactor | None = None, quotes: Quotes | None = None
                  ) -> Iterator[str]:
    """The report of the case as HTML or Markdown, piece by piece: claims are read from the
    case a few hundred at a time as the report reaches them, so a case of any size is written
    in bounded memory. Protected people appear as their pseudonyms (`hiding`: the case's own
    redactor unless given)."""
    template = _ENVIRONMENT.get_template(f"report.{fmt}")
    return template.generate(**report_data(
        view, case_name, case_redactor(view) if hiding is None else hiding, quotes or {}))


def _one_per_origin(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first passage of each independent origin (with how many more it holds): ten
    syndicated copies of one sentence are one origin and are quoted once."""
    shown: dict[str, dict[str, Any]] = {}
    for m in mentions:
        key = m["origin"] or f"{m['stance']}:{m['document']}:{m['start']}"
        if key in shown:
            shown[key]["more"] += 1
        else:
            shown[key] = {**m, "more": 0}
    return list(shown.values())


def report_data(view: CaseView, case_name: str, hiding: Redactor,
                quotes: Quotes | None = None) -> dict[str, Any]:
    """Everything the report shows, as the template asks for it: counts and the claims' order
    now; each claim, in the order of the claims list within its status, when it is reached;
    the sources last, footnotes numbered in order of first citation."""
    counts = view.counts()
    groups, outlets = view.copy_counts()
    by_status = view.claim_counts()
    order = {status: view.claim_ids(status) for status in STATUS_ORDER}
    numbered = [cid for status in STATUS_ORDER for cid in order[status]]
    claim_number = {cid: k for k, cid in enumerate(numbered, 1)}
    entities = view.entities()
    numbers: dict[str, int] = {}

    def cite(document: str) -> int:
        if document not in numbers:
            numbers[document] = len(numbers) + 1
        return numbers[document]

    def claims(ids: list[str]) -> Iterator[dict[str, Any]]:
        for start in range(0, len(ids), CLAIMS_PER_READ):
            chunk = ids[start:start + CLAIMS_PER_READ]
            stored = {s.claim.id: s for s in view.claims(chunk)}
            for cid in chunk:
                claim = claim_json(stored[cid], quotes)
                claim["shown"] = _one_per_origin(claim.pop("mentions"))
                claim["passages"] = sum(1 + m["more"] for m in claim["shown"])
                for mention in claim["shown"]:
                    mention["note"] = cite(mention["document"])
                for denial in claim["denied_by"]:
                    denial["note"] = cite(denial["document"])
                yield hiding.apply(claim)

    def timeline() -> Iterator[dict[str, Any]]:
        summaries = view.claim_summaries()
        for row in view.timeline():
            status, sources, statement = summaries[row.claim]
            yield {"date": row.date, "precision": row.precision, "claim": row.claim,
                   "kind": row.kind, "status": status, "independent_sources": sources,
                   "statement": hiding.text(statement)}

    def sources() -> Iterator[DocumentRow]:
        """Every cited document in the order of its first citation, then the accepted
        documents no claim cites, by path; read after the claims, which number them."""
        rows = [row for row in view.documents(with_text=False) if row.status == "ok"]
        for row in rows:
            cite(row.id)
        for row in sorted(rows, key=lambda row: numbers[row.id]):
            yield hiding.apply(row)  # read without its body

    return {
        "case_name": hiding.text(case_name),
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "version": __version__,
        "counts": {"documents": counts["documents"], "rejected": counts["rejected"],
                   "copy_groups": groups, "outlets": outlets,
                   "claims": len(numbered), "entities": len(entities)},
        "by_status": [(s, STATUS_TITLES[s], by_status.get(s, 0), claims(order[s]))
                      for s in STATUS_ORDER],
        "claim_number": claim_number,
        "timeline": timeline(),
        "undated": len(view.undated_claims()),
        "entities": [(title, hiding.apply(sorted((e for e in entities if e.type == kind),
                                                 key=lambda e: (-e.documents, e.name))))
                     for kind, title in ENTITY_TYPES],
        "note": numbers,
        "sources": sources(),
        "rejected": hiding.apply(view.documents(rejected_only=True, with_text=False)),
        "methods": METHODS,
    }
