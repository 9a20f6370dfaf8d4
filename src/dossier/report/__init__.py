"""The case report (`dossier report`): one self-contained file, HTML or Markdown, that a reader
can print or hand on — a summary, the claims by status with footnoted sources, the timeline,
the people, organisations and places, how the counts were made, and every source with its
SHA-256 and capture data. Rendered from the public JSON contract, so it says nothing the
export does not."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..export.json_contract import case_json
from ..store import CaseView

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


def render_report(view: CaseView, fmt: str, case_name: str) -> str:
    """The report of the case as HTML or Markdown."""
    template = _ENVIRONMENT.get_template(f"report.{fmt}")
    return template.render(**report_data(view, case_name))


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


def report_data(view: CaseView, case_name: str) -> dict[str, Any]:
    """Everything the report shows, footnotes numbered in order of first citation."""
    data = case_json(view)
    documents = {d["id"]: d for d in data["documents"]}
    accepted = [d for d in data["documents"] if d["status"] == "ok"]
    numbers: dict[str, int] = {}

    def cite(document: str) -> int:
        if document not in numbers:
            numbers[document] = len(numbers) + 1
        return numbers[document]

    claims = sorted(data["claims"], key=lambda c: (STATUS_ORDER.index(c["status"]),
                                                   -c["independent_sources"], c["id"]))
    for claim in claims:
        claim["shown"] = _one_per_origin(claim["mentions"])
        for mention in claim["shown"]:
            mention["note"] = cite(mention["document"])
        for denial in claim["denied_by"]:
            denial["note"] = cite(denial["document"])
    for d in sorted(accepted, key=lambda d: d["path"]):
        cite(d["id"])
    sources = sorted((documents[did] | {"note": n} for did, n in numbers.items()),
                     key=lambda d: d["note"])
    statuses = Counter(c["status"] for c in claims)
    return {
        "case_name": case_name,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "version": __version__,
        "counts": {"documents": len(accepted),
                   "rejected": len(data["documents"]) - len(accepted),
                   "copy_groups": len(data["copy_groups"]), "outlets": len(data["outlets"]),
                   "claims": len(claims), "entities": len(data["entities"])},
        "by_status": [(s, STATUS_TITLES[s], statuses.get(s, 0),
                       [c for c in claims if c["status"] == s]) for s in STATUS_ORDER],
        "claim_number": {c["id"]: k for k, c in enumerate(claims, 1)},
        "timeline": data["timeline"],
        "undated": len(data["undated_claims"]),
        "entities": [(title, sorted((e for e in data["entities"] if e["type"] == kind),
                                    key=lambda e: (-e["documents"], e["name"])))
                     for kind, title in ENTITY_TYPES],
        "sources": sources,
        "rejected": [d for d in data["documents"] if d["status"] != "ok"],
        "methods": METHODS,
    }
