"""Check the labelled extraction set (standard library only, Python 3.11).

    python tests/data/extraction/check_gold.py [DIR]

Loads every gold file ``NN-slug.json`` in DIR (default: this file's folder) and the global
registry ``registry.json``, checks them against the documents and the format described in
README.md, prints every problem and the totals, and exits 1 if there was a problem.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

TYPES = {"person", "organisation", "place", "other"}
PREFIX = {"person": "person", "organisation": "org", "place": "place", "other": "other"}
KINDS = {"quantity", "event", "quote", "denial", "report"}
EVENT_TYPES = {
    "detention",
    "abduction",
    "torture",
    "killing",
    "death",
    "disappearance",
    "threat",
    "flight",
    "blackmail",
    "sanction",
    "asylum",
    "meeting",
    "statement",
    "investigation",
    "release",
    "trial",
    "protest",
    "attack",
    "restriction",
}
QUALIFIERS = {
    "exactly",
    "at least",
    "more than",
    "fewer than",
    "up to",
    "about",
    "between",
    "dozens",
    "hundreds",
    "several",
}
PRECISIONS = {"day", "month", "year"}
GOLD_NAME = re.compile(r"^\d{2,3}-[a-z0-9-]+\.json$")
ID_RE = re.compile(r"^(person|org|place|other):[a-z0-9]+(?:-[a-z0-9]+)*$")
VALUE_RE = {
    "day": re.compile(r"^(\d{4}|-)-\d\d-\d\d$"),
    "month": re.compile(r"^(\d{4}|-)-\d\d$"),
    "year": re.compile(r"^\d{4}$"),
}
DOC_KEYS = ["document", "published", "outlet", "entities", "absent", "roles", "statements"]
STATEMENT_KEYS = [
    "sentence",
    "kind",
    "event_type",
    "victims",
    "quantity",
    "speaker",
    "source",
    "denial",
    "denied_by",
    "hedged",
    "dates",
]
SKIP_TAGS = {"figure", "figcaption", "aside", "header", "footer", "nav", "form", "script", "style"}


class _ArticleParser(HTMLParser):
    """Collects <p> texts inside <article> but outside figure/aside/header/footer/nav/form,
    and the <meta> properties of the page."""

    VOID: ClassVar[set[str]] = {"meta", "link", "img", "br", "hr", "input", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.paragraphs: list[str] = []
        self.meta: dict[str, str] = {}
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = dict(attrs)
            key = a.get("property") or a.get("name")
            if key and a.get("content") is not None:
                self.meta[key] = a["content"] or ""
            return
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "p" and "article" in self.stack and not SKIP_TAGS.intersection(self.stack):
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if tag == "p" and self._current is not None:
            self.paragraphs.append(re.sub(r"\s+", " ", "".join(self._current)).strip())
            self._current = None
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def read_document(path: Path) -> tuple[str, str, str | None, str | None]:
    """Return (raw text, body, publication date YYYY-MM-DD or None, outlet or None)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _ArticleParser()
        parser.feed(raw)
        body = "\n\n".join(p for p in parser.paragraphs if p)
        pub = parser.meta.get("article:published_time")
        return raw, body, (pub[:10] if pub else None), parser.meta.get("og:site_name")
    head, _, body = raw.partition("\n\n")
    lines = head.split("\n")
    byline = lines[1] if len(lines) > 1 else ""
    outlet = byline.rsplit(", ", 1)[1] if byline.startswith("By ") and ", " in byline else byline
    published = None
    if len(lines) > 2:
        published = dt.datetime.strptime(lines[2].strip(), "%d %B %Y").date().isoformat()
    return raw, body, published, (outlet or None)


def word_spans(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def resolve_mentions(
    body: str, entities: list[dict[str, str]]
) -> list[tuple[int, int, dict[str, str]]]:
    """The scorer's rule: every whole-word occurrence, longest surface first, no overlaps."""
    taken: list[tuple[int, int, dict[str, str]]] = []
    for ent in sorted(entities, key=lambda e: -len(e["text"])):
        for start, end in word_spans(body, ent["text"]):
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, ent))
    return sorted(taken, key=lambda t: t[0])


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    problems: list[str] = []

    def bad(where: str, msg: str) -> None:
        problems.append(f"{where}: {msg}")

    registry = json.loads((folder / "registry.json").read_text(encoding="utf-8"))["entities"]
    for eid, rec in registry.items():
        if not ID_RE.match(eid):
            bad("registry.json", f"malformed id {eid!r}")
        elif rec.get("type") not in TYPES or PREFIX[rec["type"]] != eid.split(":")[0]:
            bad("registry.json", f"{eid}: type {rec.get('type')!r} does not match the id prefix")
        if not isinstance(rec.get("media"), bool) or not rec.get("name"):
            bad("registry.json", f"{eid}: needs a name and a boolean media flag")

    gold_files = sorted(p for p in folder.glob("*.json") if GOLD_NAME.match(p.name))
    docs_on_disk = sorted(
        p
        for p in folder.iterdir()
        if p.suffix in {".txt", ".html"} and re.match(r"^\d{2,3}-", p.name)
    )
    gold_docs = {p.stem for p in gold_files}
    for p in docs_on_disk:
        if p.stem not in gold_docs:
            bad(p.name, "document without a gold file")

    totals: collections.Counter[str] = collections.Counter()
    mentions_by_type: collections.Counter[str] = collections.Counter()
    surfaces_by_type: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    events: collections.Counter[str] = collections.Counter()
    global_ids: set[str] = set()
    formats: collections.Counter[str] = collections.Counter()

    for gpath in gold_files:
        where = gpath.name
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            bad(where, f"invalid JSON: {exc}")
            continue
        if list(gold) != DOC_KEYS:
            bad(where, f"top-level keys must be exactly {DOC_KEYS}, got {list(gold)}")
            continue
        doc_path = folder / gold["document"]
        if doc_path.stem != gpath.stem or not doc_path.exists():
            bad(where, f"document {gold['document']!r} missing or not named like the gold file")
            continue
        totals["documents"] += 1
        formats[doc_path.suffix] += 1
        raw, body, published, outlet = read_document(doc_path)
        if gold["published"] != published:
            bad(where, f"published {gold['published']!r} but the document says {published!r}")
        if gold["published"] is None:
            totals["undated documents"] += 1
        if gold["outlet"] != outlet:
            bad(where, f"outlet {gold['outlet']!r} but the document says {outlet!r}")
        totals["words"] += len(body.split())
        if not 120 <= len(body.split()) <= 450:
            bad(where, f"body has {len(body.split())} words (expected 120-450)")

        # entities
        declared: dict[str, str] = {}
        seen_surfaces: set[str] = set()
        for ent in gold["entities"]:
            if set(ent) != {"text", "type", "entity"}:
                bad(where, f"entity {ent} must have exactly text, type, entity")
                continue
            text, etype, eid = ent["text"], ent["type"], ent["entity"]
            if text in seen_surfaces:
                bad(where, f"surface {text!r} listed twice")
            seen_surfaces.add(text)
            if etype not in TYPES:
                bad(where, f"entity {text!r}: bad type {etype!r}")
            if not ID_RE.match(eid) or PREFIX.get(etype) != eid.split(":")[0]:
                bad(where, f"entity {text!r}: id {eid!r} does not match type {etype!r}")
            if eid not in registry:
                bad(where, f"entity id {eid!r} is not in registry.json")
            elif registry[eid]["type"] != etype:
                bad(
                    where,
                    f"entity {eid!r}: type {etype!r} but registry says {registry[eid]['type']!r}",
                )
            elif text not in registry[eid]["surfaces"]:
                bad(where, f"surface {text!r} missing from the registry entry of {eid}")
            if not word_spans(body, text):
                bad(where, f"entity text {text!r} does not occur (as whole words) in the body")
            declared[text] = eid
            global_ids.add(eid)
            surfaces_by_type[etype] += 1
        resolved = resolve_mentions(body, gold["entities"])
        used_surfaces = {e["text"] for _, _, e in resolved}
        for ent in gold["entities"]:
            if (
                ent["text"] in declared
                and ent["text"] not in used_surfaces
                and word_spans(body, ent["text"])
            ):
                bad(where, f"surface {ent['text']!r} only occurs inside longer surfaces")
        for _, _, ent in resolved:
            mentions_by_type[ent["type"]] += 1
        doc_ids = set(declared.values())

        def known(
            eid: str | None, field: str, ctx: str, where: str = where, doc_ids: set[str] = doc_ids
        ) -> None:
            if eid is None:
                return
            if not isinstance(eid, str) or not ID_RE.match(eid):
                bad(where, f"{ctx}: malformed {field} {eid!r}")
            elif eid not in doc_ids and eid not in registry:
                bad(
                    where,
                    f"{ctx}: {field} {eid!r} is declared neither in the document nor registry",
                )

        # absent
        for item in gold["absent"]:
            if word_spans(body, item):
                bad(where, f"absent item {item!r} occurs in the body")
            if item not in raw:
                bad(where, f"absent item {item!r} does not occur in the raw document")
        totals["absent items"] += len(gold["absent"])

        # roles
        for role in gold["roles"]:
            if set(role) != {"entity", "role", "of"} or not role["role"]:
                bad(where, f"role {role} must have entity, role, of")
                continue
            known(role["entity"], "role entity", f"role {role['role']!r}")
            known(role["of"], "role of", f"role {role['role']!r}")
            totals["roles"] += 1

        # statements
        for st in gold["statements"]:
            ctx = f"statement {st.get('sentence', '')[:40]!r}"
            if list(st) != STATEMENT_KEYS:
                bad(where, f"{ctx}: keys must be exactly {STATEMENT_KEYS}")
                continue
            sent = st["sentence"]
            if len(sent.split()) < 6:
                bad(where, f"{ctx}: fewer than 6 words")
            count = body.count(sent)
            if count != 1:
                bad(where, f"{ctx}: occurs {count} times in the body (must be exactly once)")
            if "\n" in sent:
                bad(where, f"{ctx}: spans a paragraph break")
            if st["kind"] not in KINDS:
                bad(where, f"{ctx}: bad kind {st['kind']!r}")
            if st["event_type"] is not None and st["event_type"] not in EVENT_TYPES:
                bad(where, f"{ctx}: bad event_type {st['event_type']!r}")
            if (
                st["victims"] is not None
                and st["victims"].lower() not in _sentence_of(body, sent).lower()
            ):
                bad(
                    where, f"{ctx}: victims {st['victims']!r} not found in the statement's sentence"
                )
            q = st["quantity"]
            if q is not None:
                if set(q) != {"text", "low", "high", "qualifier"}:
                    bad(where, f"{ctx}: quantity needs text, low, high, qualifier")
                else:
                    if q["qualifier"] not in QUALIFIERS:
                        bad(where, f"{ctx}: bad qualifier {q['qualifier']!r}")
                    if q["text"] not in _sentence_of(body, sent):
                        bad(
                            where,
                            f"{ctx}: quantity text {q['text']!r} not in the statement's sentence",
                        )
                    lo, hi = q["low"], q["high"]
                    if lo is None and hi is None:
                        bad(where, f"{ctx}: quantity with neither low nor high")
                    if lo is not None and hi is not None and lo > hi:
                        bad(where, f"{ctx}: quantity low > high")
                    expect_equal = q["qualifier"] in {"exactly", "about"}
                    if expect_equal and lo != hi:
                        bad(where, f"{ctx}: {q['qualifier']!r} needs low == high")
                    if q["qualifier"] in {
                        "at least",
                        "more than",
                        "dozens",
                        "hundreds",
                        "several",
                    } and (lo is None or hi is not None):
                        bad(where, f"{ctx}: {q['qualifier']!r} needs low and high null")
                    if q["qualifier"] in {"fewer than", "up to"} and (hi is None or lo is not None):
                        bad(where, f"{ctx}: {q['qualifier']!r} needs high and low null")
                    if q["qualifier"] == "between" and (lo is None or hi is None):
                        bad(where, f"{ctx}: 'between' needs low and high")
                totals["statements with a quantity"] += 1
            for field in ("speaker", "source", "denied_by"):
                known(st[field], field, ctx)
            if (
                st["source"] is not None
                and st["source"] in registry
                and not registry[st["source"]]["media"]
            ):
                bad(where, f"{ctx}: source {st['source']!r} is not a media outlet in the registry")
            if not isinstance(st["denial"], bool) or not isinstance(st["hedged"], bool):
                bad(where, f"{ctx}: denial and hedged must be booleans")
            if st["kind"] == "denial" and not st["denial"]:
                bad(where, f"{ctx}: kind denial but denial false")
            if st["denied_by"] is not None and not st["denial"]:
                bad(where, f"{ctx}: denied_by set but denial false")
            if st["kind"] == "quote" and not re.search(
                r"[\"“”«»]", sent + _sentence_of(body, sent)
            ):
                bad(where, f"{ctx}: kind quote but no quotation marks in the sentence")
            for d in st["dates"]:
                if set(d) != {"text", "value", "precision"}:
                    bad(where, f"{ctx}: date needs text, value, precision")
                    continue
                if d["precision"] not in PRECISIONS:
                    bad(where, f"{ctx}: bad precision {d['precision']!r}")
                elif d["value"] is not None and not VALUE_RE[d["precision"]].match(d["value"]):
                    bad(
                        where,
                        f"{ctx}: date value {d['value']!r} does not fit {d['precision']!r}",
                    )
                if d["text"] not in _sentence_of(body, sent):
                    bad(where, f"{ctx}: date text {d['text']!r} not in the statement's sentence")
                if (
                    gold["published"] is None
                    and d["value"]
                    and d["value"][:4].isdigit()
                    and not re.search(r"\d{4}", d["text"])
                ):
                    bad(where, f"{ctx}: undated document but {d['text']!r} resolved to a year")
                if gold["published"] and d["value"] and d["value"].startswith("-"):
                    bad(where, f"{ctx}: dated document but yearless value {d['value']!r}")
            if st["dates"]:
                totals["statements with dates"] += 1
                totals["date expressions"] += len(st["dates"])
            kinds[st["kind"]] += 1
            events[st["event_type"] or "(none)"] += 1
            totals["statements"] += 1
            totals["denials"] += st["denial"]
            totals["hedged"] += st["hedged"]
            totals["with speaker"] += st["speaker"] is not None
            totals["with source"] += st["source"] is not None
            totals["with victims"] += st["victims"] is not None

    for msg in problems:
        print("PROBLEM", msg)
    print(
        f"documents: {totals['documents']} ({formats['.txt']} .txt, {formats['.html']} .html; "
        f"{totals['undated documents']} undated); body words: {totals['words']}"
    )
    print(
        "entity surface forms by type: "
        + ", ".join(f"{t} {surfaces_by_type[t]}" for t in sorted(TYPES))
    )
    print(
        "entity mentions by type (scorer rule): "
        + ", ".join(f"{t} {mentions_by_type[t]}" for t in sorted(TYPES))
        + f"; total {sum(mentions_by_type.values())}"
    )
    print(f"distinct global entities used: {len(global_ids)} (registry: {len(registry)})")
    print(f"absent items: {totals['absent items']}; roles: {totals['roles']}")
    print(
        f"statements: {totals['statements']} — "
        + ", ".join(f"{k} {kinds[k]}" for k in sorted(KINDS))
    )
    print(
        f"denials: {totals['denials']}; with quantity: {totals['statements with a quantity']}; "
        f"with dates: {totals['statements with dates']} "
        f"({totals['date expressions']} expressions); "
        f"hedged: {totals['hedged']}"
    )
    print(
        f"with speaker: {totals['with speaker']}; with source: {totals['with source']}; "
        f"with victims: {totals['with victims']}"
    )
    print("event types: " + ", ".join(f"{k} {v}" for k, v in sorted(events.items())))
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Col|Gen|Prof)|\b[A-Z]|U\.S|U\.N)\.$")


def _sentence_of(body: str, fragment: str) -> str:
    """The sentence(s) of the body overlapping the fragment. Sentences end at . ! ? (with any
    closing quotation mark) before a space and an upper-case letter or opening quote, except
    after titles, initials and U.S./U.N. Upper case includes the Cyrillic capitals, the opening
    quotes include the guillemet and the closing ones its mirror, for the Russian documents
    171-180. Used for the containment checks of dates and quotes."""
    i = body.find(fragment)
    if i < 0:
        return ""
    j = i + len(fragment)
    bounds = [0]
    for m in re.finditer(r"[.!?][\"”’»]?(?= +[\"“«A-ZÀ-ÖØ-ÞА-ЯЁ])|\n", body):  # noqa: RUF001
        if m.group() != "\n" and ABBREVIATIONS.search(body[max(0, m.start() - 5) : m.start() + 1]):
            continue
        bounds.append(m.end())
    bounds.append(len(body))
    start = max(b for b in bounds if b <= i)
    end = min(b for b in bounds if b >= j)
    return body[start:end].strip()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
