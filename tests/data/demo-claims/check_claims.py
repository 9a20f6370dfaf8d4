"""Check the labelled gold of the demo corpus's cross-document facts (standard library only,
Python 3.11).

    python3 tests/data/demo-claims/check_claims.py

Loads ``claims.json`` from this folder and reads every document it names from
``src/dossier/demo/corpus/``. For ``.html`` files the text is the page with its tags removed and
its entities decoded (the contents of ``<script>`` and ``<style>`` are dropped); every other file
is used as it is. The checker verifies that

- every quoted ``sentence`` (mentions, denials, not_claims) has at least 6 words, occurs exactly
  once in its document's text and stays within one sentence (no line break, no sentence end
  inside it);
- every mention index in ``origins`` exists, the origins partition the mentions, and
  ``independent_origins`` equals the number of origins;
- the origins agree with the outlets: one origin never mixes two sources (publishing outlet,
  syndication family, cited outlet, quoted document) and two origins never share one;
- a sentence is a mention of at most one claim; a denial sentence is a mention only of a claim
  with ``"kind": "denial"``; a not_claim is used by no claim;
- every figure's value is in a mention sentence of its document, statuses follow the rules,
  deniers are known ids;

then prints every problem and the totals, and exits 1 if there was a problem.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CORPUS = ROOT / "src" / "dossier" / "demo" / "corpus"
REGISTRY = ROOT / "tests" / "data" / "extraction" / "registry.json"
# the rules this set shares with the corroboration set (outlet names, statuses) and the
# extraction set (event types) are read from their checkers
sys.path.insert(0, str(HERE.parent / "corroboration"))
sys.dont_write_bytecode = True  # leave no __pycache__ in the other sets' folders

from check_claims import (  # noqa: E402
    EVENT_TYPES,
    check_origins,
    expected_status,
    outlet_key,
)

TOP_KEYS = ["documents", "outlets", "syndication", "claims", "not_claims", "entities"]
CLAIM_KEYS = [
    "id",
    "statement",
    "kind",
    "event_type",
    "mentions",
    "origins",
    "independent_origins",
    "figures",
    "denied_by",
    "status",
]
OPTIONAL_CLAIM_KEYS = {"kind"}
STATUSES = ("corroborated", "single-source", "contested", "denied")
CLAIM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENTITY_ID = re.compile(r"^(person|org|place|other):[a-z0-9]+(?:-[a-z0-9]+)*$")
PREFIX = {"person": "person", "organisation": "org", "place": "place", "other": "other"}
# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and a
# capital letter or an opening quote, unless the full stop ends a short abbreviation.
CLOSING_QUOTES = '"\u201d\u2019\u00bb'  # straight, right double, right single, guillemet
OPENING_QUOTES = '"\u201c\u00ab'  # straight, left double, left guillemet
SENTENCE_END = re.compile(rf"[.!?][{CLOSING_QUOTES}]?(?=\s+[{OPENING_QUOTES}A-ZÀ-ÖØ-ÞА-ЯЁ])")
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof)|\b[A-Z])\.$")


class _Text(HTMLParser):
    """The visible text of a page: every text node outside <script>/<style>, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def document_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _Text()
        parser.feed(raw)
        parser.close()
        return "".join(parser.parts)
    return raw


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end or line break."""
    ends = []
    for m in SENTENCE_END.finditer(text):
        if m.group()[0] == "." and ABBREVIATION.search(text[max(0, m.start() - 6) : m.start() + 1]):
            continue
        ends.append(m.end())
    ends.extend(m.end() for m in re.finditer(r"\n", text))
    return sorted(ends)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) that contains text[start:end]."""
    ends = sentence_ends(text)
    left = max([e for e in ends if e <= start], default=0)
    right = min([e for e in ends if e >= end], default=len(text))
    return text[left:right].strip()


def main() -> int:
    problems: list[str] = []

    def bad(where: str, msg: str) -> None:
        problems.append(f"{where}: {msg}")

    gold = json.loads((HERE / "claims.json").read_text(encoding="utf-8"))
    keys = list(gold)
    if [k for k in TOP_KEYS if k in keys] != keys or not {"documents", "claims"} <= set(keys):
        bad("claims.json", f"unexpected keys or order: {keys} (allowed, in order: {TOP_KEYS})")

    # ---- entities (ids added by this set) -----------------------------------------------------
    registry: dict = {}
    if REGISTRY.exists():
        registry = json.loads(REGISTRY.read_text(encoding="utf-8"))["entities"]
    entities = gold.get("entities", {})
    for eid, ent in entities.items():
        if not ENTITY_ID.match(eid):
            bad("entities", f"bad id {eid!r}")
        if ent.get("type") not in PREFIX or PREFIX[ent["type"]] != eid.split(":")[0]:
            bad("entities", f"{eid}: type {ent.get('type')!r} does not match the id prefix")
        if not isinstance(ent.get("name"), str) or not isinstance(ent.get("media"), bool):
            bad("entities", f"{eid}: needs a name and a boolean media flag")
    known_ids = set(registry) | set(entities)

    # ---- documents and outlets ----------------------------------------------------------------
    listed: list[str] = gold["documents"]
    if len(set(listed)) != len(listed):
        bad("documents", "a document is listed twice")
    texts: dict[str, str] = {}
    for name in listed:
        path = CORPUS / name
        if not path.is_file():
            bad("documents", f"{name} does not exist under {CORPUS}")
            continue
        texts[name] = document_text(path)
    outlets: dict[str, str] = gold.get("outlets", {})
    for name in listed:
        if not outlets.get(name):
            bad("outlets", f"{name} has no outlet")
    for name in outlets:
        if name not in texts:
            bad("outlets", f"{name} is not a listed document")

    family_of: dict[str, str] = {}
    for fam in gold.get("syndication", []):
        members = [fam.get("original"), *fam.get("copies", [])]
        for doc in members:
            if doc not in texts:
                bad("syndication", f"{fam.get('label')}: {doc} is not a listed document")
            if doc in family_of:
                bad("syndication", f"{doc} is in two families")
            family_of[doc] = outlet_key(fam.get("label", ""))
        if outlet_key(outlets.get(fam.get("original"), "")) != outlet_key(fam.get("label", "")):
            bad("syndication", f"{fam.get('label')}: the label is not the original's outlet")

    def origin_key(m: dict) -> str:
        if m.get("cited"):
            return outlet_key(m["cited"])
        if m.get("quoted_from"):
            return outlet_key(outlets.get(m["quoted_from"], m["quoted_from"]))
        doc = m["document"]
        return family_of.get(doc) or outlet_key(outlets.get(doc, doc))

    # ---- sentences ----------------------------------------------------------------------------
    def check_sentence(where: str, doc: str, fragment: object) -> tuple[str, str] | None:
        """Return (document, containing sentence) or None after reporting the problem."""
        if doc not in texts:
            bad(where, f"document {doc!r} is not listed or unreadable")
            return None
        if not isinstance(fragment, str) or len(fragment.split()) < 6:
            bad(where, f"sentence needs at least 6 words: {fragment!r}")
            return None
        text = texts[doc]
        n = text.count(fragment)
        if n != 1:
            bad(where, f"found {n} times in {doc}: {fragment!r}")
            return None
        if "\n" in fragment:
            bad(where, f"crosses a line break: {fragment!r}")
        start = text.index(fragment)
        inner = [e for e in sentence_ends(text) if start < e < start + len(fragment)]
        if inner:
            bad(where, f"crosses a sentence end: {fragment!r}")
        return doc, sentence_around(text, start, start + len(fragment))

    mention_owner: dict[tuple[str, str], str] = {}
    denial_owner: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    denial_kind_claims: set[str] = set()
    claim_ids: set[str] = set()
    totals: collections.Counter = collections.Counter()
    by_status: collections.Counter = collections.Counter()
    by_type: collections.Counter = collections.Counter()
    by_kind: collections.Counter = collections.Counter()

    for ci, claim in enumerate(gold["claims"]):
        cid = claim.get("id", f"#{ci}")
        where = f"claim {cid}"
        expected_keys = [k for k in CLAIM_KEYS if k in claim or k not in OPTIONAL_CLAIM_KEYS]
        if list(claim) != expected_keys:
            bad(where, f"keys must be {expected_keys} in this order, got {list(claim)}")
            continue
        if not CLAIM_ID.match(cid):
            bad(where, "id must be lower-case words joined by '-'")
        if cid in claim_ids:
            bad(where, "duplicate id")
        claim_ids.add(cid)
        kind = claim.get("kind", "fact")
        if kind not in ("fact", "denial") or claim.get("kind") == "fact":
            bad(where, "kind, when present, must be 'denial'")
        if kind == "denial":
            denial_kind_claims.add(cid)
        by_kind[kind] += 1
        if not isinstance(claim["statement"], str) or len(claim["statement"].split()) < 4:
            bad(where, "statement must be a readable sentence")
        if claim["event_type"] is not None and claim["event_type"] not in EVENT_TYPES:
            bad(where, f"bad event_type {claim['event_type']!r}")
        by_type[claim["event_type"] or "(none)"] += 1

        # mentions
        mentions = claim["mentions"]
        seen: set[tuple[str, str]] = set()
        mention_sentences: list[str | None] = []
        for mi, m in enumerate(mentions):
            mwhere = f"{where} mention {mi}"
            if not {"document", "sentence"} <= set(m) or set(m) - {
                "document",
                "sentence",
                "cited",
                "quoted_from",
            }:
                bad(
                    mwhere,
                    f"keys must be document, sentence and optional cited/quoted_from: {sorted(m)}",
                )
                mention_sentences.append(None)
                continue
            if "quoted_from" in m and m["quoted_from"] not in texts:
                bad(mwhere, f"quoted_from {m['quoted_from']!r} is not a listed document")
            key = check_sentence(mwhere, m["document"], m["sentence"])
            mention_sentences.append(key[1] if key else None)
            if key is None:
                continue
            if key in seen:
                bad(mwhere, "the same sentence is listed twice in this claim")
            seen.add(key)
            if key in mention_owner and mention_owner[key] != cid:
                bad(mwhere, f"sentence is also a mention of {mention_owner[key]}")
            mention_owner[key] = cid

        # copy groups: a claim needs mentions from at least two copy groups
        groups = {family_of.get(m["document"], m["document"]) for m in mentions}
        if len(groups) < 2:
            bad(where, f"mentions come from one copy group only: {sorted(groups)}")

        origins = claim["origins"]
        check_origins(where, claim, mentions, origin_key, bad)

        # figures
        for fi, fig in enumerate(claim["figures"]):
            fwhere = f"{where} figure {fi}"
            if list(fig) != ["value", "low", "high", "document"]:
                bad(fwhere, f"keys must be value, low, high, document: {list(fig)}")
                continue
            lo, hi = fig["low"], fig["high"]
            if not all(v is None or isinstance(v, int) for v in (lo, hi)) or (
                lo is None and hi is None
            ):
                bad(fwhere, "low/high must be integers or null, not both null")
            elif lo is not None and hi is not None and lo > hi:
                bad(fwhere, "low > high")
            pattern = re.compile(r"(?<!\w)" + re.escape(fig["value"]) + r"(?!\w)")
            sents = [
                s
                for m, s in zip(mentions, mention_sentences, strict=True)
                if m.get("document") == fig["document"] and s
            ]
            if not sents:
                bad(fwhere, f"{fig['document']} has no mention of this claim")
            elif not any(pattern.search(s) for s in sents):
                bad(fwhere, f"{fig['value']!r} is not in a mention sentence of {fig['document']}")

        # denials
        den_seen: set[tuple[str, str]] = set()
        for di, den in enumerate(claim["denied_by"]):
            dwhere = f"{where} denial {di}"
            if list(den) != ["document", "sentence", "denier"]:
                bad(dwhere, f"keys must be document, sentence, denier: {list(den)}")
                continue
            if den["denier"] not in known_ids:
                bad(dwhere, f"denier {den['denier']!r} is in neither the registry nor entities")
            key = check_sentence(dwhere, den["document"], den["sentence"])
            if key is None:
                continue
            if key in den_seen:
                bad(dwhere, "the same denial sentence is listed twice in this claim")
            den_seen.add(key)
            denial_owner[key].add(cid)

        status = expected_status(len(mentions), len(origins), len(claim["denied_by"]))
        if claim["status"] not in STATUSES:
            bad(where, f"bad status {claim['status']!r}")
        elif claim["status"] != status:
            bad(where, f"status {claim['status']!r} should be {status!r}")
        by_status[claim["status"]] += 1
        totals["mentions"] += len(mentions)
        totals["origins"] += len(origins)
        totals["figures"] += len(claim["figures"])
        totals["denial links"] += len(claim["denied_by"])
        if len(origins) >= 2:
            totals["claims with >= 2 origins"] += 1

    # a denial sentence may be a mention only of a denial claim, never of a fact claim
    for key, cids in denial_owner.items():
        owner = mention_owner.get(key)
        if owner and owner not in denial_kind_claims:
            bad(
                f"claim {owner}",
                f"denial sentence (of {sorted(cids)}) is a mention of a fact claim: {key[1]!r}",
            )
        if owner and owner in cids:
            bad(f"claim {owner}", f"a denial claim's mention denies the claim itself: {key[1]!r}")

    # ---- not_claims ---------------------------------------------------------------------------
    not_claim_keys: set[tuple[str, str]] = set()
    for ni, nc in enumerate(gold.get("not_claims", [])):
        nwhere = f"not_claims {ni}"
        if list(nc) != ["document", "sentence", "why"]:
            bad(nwhere, f"keys must be document, sentence, why: {list(nc)}")
            continue
        key = check_sentence(nwhere, nc["document"], nc["sentence"])
        if key is None:
            continue
        if key in mention_owner or key in denial_owner:
            bad(nwhere, "sentence is used by a claim")
        if key in not_claim_keys:
            bad(nwhere, "sentence is listed twice in not_claims")
        not_claim_keys.add(key)

    # ---- every document is used ---------------------------------------------------------------
    used = (
        {k[0] for k in mention_owner}
        | {k[0] for k in denial_owner}
        | {k[0] for k in not_claim_keys}
    )
    for name in listed:
        if name not in used:
            bad("documents", f"{name} is listed but nothing uses it")

    # ---- report -------------------------------------------------------------------------------
    for p in problems:
        print(p)
    families = gold.get("syndication", [])
    print(
        f"documents: {len(listed)}; syndication families: {len(families)} "
        f"({sum(len(f.get('copies', [])) for f in families)} copies)"
    )
    print(
        f"claims: {len(gold['claims'])} (facts {by_kind['fact']}, denials {by_kind['denial']}); "
        f"with >= 2 origins: {totals['claims with >= 2 origins']}"
    )
    print(
        f"mentions: {totals['mentions']} ({len(mention_owner)} distinct sentences); "
        f"origins: {totals['origins']}; figures: {totals['figures']}"
    )
    print(f"denial links: {totals['denial links']} ({len(denial_owner)} distinct denial sentences)")
    print("status: " + ", ".join(f"{s} {by_status[s]}" for s in STATUSES))
    print("event types: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    print(f"not_claims: {len(gold.get('not_claims', []))}; entities added: {len(entities)}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
