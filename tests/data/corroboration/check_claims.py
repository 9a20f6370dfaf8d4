"""Check the labelled corroboration set (standard library only, Python 3.11).

    python3 tests/data/corroboration/check_claims.py [--unlabelled]

Loads ``claims.json`` from this folder, reads every document it names (from this folder or
``../extraction``) with the extraction set's ``read_document``, checks the gold against the
rules in README.md, prints every problem and the totals, and exits 1 if there was a problem.
``--unlabelled`` also lists the body sentences that are neither a mention, a denial nor a
not_claim (colour and notes about the outlet's own reporting); they are not problems.

``check`` serves the blind holdout too (``../corroboration-holdout/check_claims.py``), whose
documents all live in its own folder.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRACTION = HERE.parent / "extraction"
sys.path.insert(0, str(EXTRACTION))
sys.dont_write_bytecode = True  # leave no __pycache__ in the extraction folder

from check_gold import ABBREVIATIONS, EVENT_TYPES, _sentence_of, read_document  # noqa: E402

TOP_KEYS = ["documents", "syndication", "claims", "not_claims", "entities"]
REQUIRED_TOP = {"documents", "claims"}
CLAIM_KEYS = [
    "id",
    "statement",
    "event_type",
    "mentions",
    "origins",
    "independent_origins",
    "figures",
    "denied_by",
    "status",
]
STATUSES = ("corroborated", "single-source", "contested", "denied")
CLAIM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENTITY_ID = re.compile(r"^(person|org|place|other):[a-z0-9]+(?:-[a-z0-9]+)*$")
PREFIX = {"person": "person", "organisation": "org", "place": "place", "other": "other"}
OLD_DOC = re.compile(r"^\d\d-[a-z0-9-]+\.(txt|html)$")


def outlet_key(name: str) -> str:
    """Outlet names compare without a leading 'The' and without case."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return name.lower()


def body_sentences(body: str) -> list[str]:
    """Split a body with the same boundaries as ``_sentence_of``."""
    bounds = [0]
    for m in re.finditer(r"[.!?][\"”’]?(?= +[\"“A-ZÀ-ÖØ-Þ])|\n", body):
        if m.group() != "\n" and ABBREVIATIONS.search(body[max(0, m.start() - 5) : m.start() + 1]):
            continue
        bounds.append(m.end())
    bounds.append(len(body))
    out = [body[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return [s for s in out if s]


def expected_status(n_mentions: int, n_origins: int, n_denials: int) -> str:
    if n_mentions and n_denials:
        return "contested"
    if n_denials:
        return "denied"
    return "corroborated" if n_origins >= 2 else "single-source"


def check_origins(where: str, claim: dict, mentions: list[dict],
                  origin_key: Callable[[dict], str], bad: Callable[[str, str], None]) -> None:
    """The origins of a claim partition its mentions, each origin holds one source (publishing
    outlet, syndication family or cited outlet), no two share one, and `independent_origins`
    is their number."""
    origins = claim["origins"]
    seen_idx: list[int] = []
    labels: set[str] = set()
    origin_keys: list[set[str]] = []
    for oi, origin in enumerate(origins):
        owhere = f"{where} origin {oi}"
        if list(origin) != ["label", "mentions", "why"]:
            bad(owhere, f"keys must be label, mentions, why: {list(origin)}")
            continue
        if origin["label"] in labels:
            bad(owhere, f"label {origin['label']!r} used twice")
        labels.add(origin["label"])
        if not isinstance(origin["why"], str) or not origin["why"].strip():
            bad(owhere, "why must explain the origin")
        idx = origin["mentions"]
        if not idx or not all(isinstance(i, int) and 0 <= i < len(mentions) for i in idx):
            bad(owhere, f"mention indexes out of range: {idx}")
            continue
        seen_idx.extend(idx)
        origin_keys.append({origin_key(mentions[i]) for i in idx})
    if sorted(seen_idx) != list(range(len(mentions))):
        bad(where, "origins must partition the mentions (each index exactly once)")
    for oi, ks in enumerate(origin_keys):
        if len(ks) > 1:
            bad(where, f"origin {oi} mixes sources {sorted(ks)} (outlet, family or cited outlet)")
    flat = [k for ks in origin_keys for k in ks]
    if len(flat) != len(set(flat)):
        bad(where, f"two origins share a source: {sorted(flat)}")
    if claim["independent_origins"] != len(origins):
        bad(where, f"independent_origins {claim['independent_origins']} != {len(origins)} origins")


def check(folder: Path, prefix: str, words: tuple[int, int], extraction_documents: bool,
          list_unlabelled: bool = False) -> int:
    """Check the set in `folder`: its own documents are named `<prefix>NN-slug.txt` with
    bodies of `words` words; `extraction_documents` allows documents of ../extraction too."""
    problems: list[str] = []
    new_doc = re.compile(rf"^{prefix}\d\d-[a-z0-9-]+\.txt$")
    min_words, max_words = words

    def bad(where: str, msg: str) -> None:
        problems.append(f"{where}: {msg}")

    gold = json.loads((folder / "claims.json").read_text(encoding="utf-8"))
    registry = json.loads((EXTRACTION / "registry.json").read_text(encoding="utf-8"))["entities"]

    keys = list(gold)
    if not set(keys) >= REQUIRED_TOP:
        bad("claims.json", f"missing keys {sorted(REQUIRED_TOP - set(keys))}")
    if [k for k in TOP_KEYS if k in keys] != keys:
        bad("claims.json", f"unexpected keys or order: {keys} (allowed, in order: {TOP_KEYS})")

    # ---- entities added by this set -----------------------------------------------------------
    entities = gold.get("entities", {})
    for eid, ent in entities.items():
        if not ENTITY_ID.match(eid):
            bad("entities", f"bad id {eid!r}")
        if eid in registry:
            print(f"note: {eid} is now also in the extraction registry; its entry here is redundant")
        if ent.get("type") not in PREFIX or PREFIX[ent["type"]] != eid.split(":")[0]:
            bad("entities", f"{eid}: type {ent.get('type')!r} does not match the id prefix")
        if not isinstance(ent.get("name"), str) or not isinstance(ent.get("media"), bool):
            bad("entities", f"{eid}: needs a name and a boolean media flag")
    known_ids = set(registry) | set(entities)

    # ---- documents ----------------------------------------------------------------------------
    bodies: dict[str, str] = {}
    outlets: dict[str, str] = {}
    gold_sentences: dict[str, set[str]] = {}
    listed = gold["documents"]
    if len(set(listed)) != len(listed):
        bad("documents", "a document is listed twice")
    on_disk = sorted(p.name for p in folder.glob(f"{prefix}[0-9][0-9]-*.txt"))
    for name in on_disk:
        if name not in listed:
            bad("documents", f"{name} is in the folder but not listed")
    for name in listed:
        if new_doc.match(name):
            path = folder / name
        elif extraction_documents and OLD_DOC.match(name):
            path = EXTRACTION / name
        else:
            bad("documents", f"unexpected document name {name!r}")
            continue
        if not path.exists():
            bad("documents", f"{name} does not exist")
            continue
        raw, body, _published, outlet = read_document(path)
        bodies[name] = body
        outlets[name] = outlet or ""
        if not new_doc.match(name):
            gpath = path.with_suffix(".json")
            if not gpath.exists():
                bad(name, "no extraction gold file")
            else:
                g = json.loads(gpath.read_text(encoding="utf-8"))
                gold_sentences[name] = {s["sentence"] for s in g["statements"]}
        else:
            head = raw.partition("\n\n")[0].split("\n")
            if len(head) != 3 or not head[0].strip() or not head[1].strip():
                bad(name, "header must be title, byline and date on three lines")
            else:
                try:
                    dt.datetime.strptime(head[2], "%d %B %Y")
                except ValueError:
                    bad(name, f"bad date line {head[2]!r}")
            if not raw.endswith("\n") or "\n\n\n" in raw:
                bad(name, "paragraphs must be separated by exactly one blank line")
            n_words = len(body.split())
            if not min_words <= n_words <= max_words:
                bad(name, f"body has {n_words} words ({min_words}–{max_words} expected)")
            if not outlet:
                bad(name, "no outlet in the byline")

    # ---- syndication families -----------------------------------------------------------------
    family_of: dict[str, str] = {}
    for fam in gold.get("syndication", []):
        label = fam.get("label", "")
        members = [fam.get("original"), *list(fam.get("copies", []))]
        if len(members) < 2:
            bad("syndication", f"{label}: a family needs an original and copies")
        for doc in members:
            if doc not in bodies:
                bad("syndication", f"{label}: {doc} is not a listed document")
            if doc in family_of:
                bad("syndication", f"{doc} is in two families")
            family_of[doc] = outlet_key(label)
        if fam.get("original") in outlets and outlet_key(outlets[fam["original"]]) != outlet_key(label):
            bad("syndication", f"{label}: the original's outlet is {outlets[fam['original']]!r}")
        copy_outlets = [outlet_key(outlets.get(d, "")) for d in members]
        if len(set(copy_outlets)) != len(copy_outlets):
            bad("syndication", f"{label}: copies must appear under different outlet names")

    def origin_key(mention: dict) -> str:
        if mention.get("cited"):
            return outlet_key(mention["cited"])
        doc = mention["document"]
        return family_of.get(doc) or outlet_key(outlets.get(doc, ""))

    # ---- sentences ----------------------------------------------------------------------------
    def check_sentence(where: str, doc: str, fragment: str) -> tuple[str, str] | None:
        """Return (document, containing body sentence) or None after reporting the problem."""
        if doc not in bodies:
            bad(where, f"document {doc!r} is not listed or unreadable")
            return None
        if not isinstance(fragment, str) or len(fragment.split()) < 6:
            bad(where, f"sentence needs at least 6 words: {fragment!r}")
            return None
        body = bodies[doc]
        n = body.count(fragment)
        if n != 1:
            bad(where, f"found {n} times in {doc}: {fragment!r}")
            return None
        if "\n" in fragment:
            bad(where, f"crosses a paragraph: {fragment!r}")
        if doc in gold_sentences and fragment not in gold_sentences[doc]:
            bad(where, f"not a `sentence` of {doc}'s extraction gold: {fragment!r}")
        return doc, _sentence_of(body, fragment)

    mention_owner: dict[tuple[str, str], str] = {}
    denial_sentences: dict[tuple[str, str], str] = {}
    claim_ids: set[str] = set()
    totals = collections.Counter()
    by_status = collections.Counter()
    by_type = collections.Counter()

    for ci, claim in enumerate(gold["claims"]):
        cid = claim.get("id", f"#{ci}")
        where = f"claim {cid}"
        if list(claim) != CLAIM_KEYS:
            bad(where, f"keys must be {CLAIM_KEYS} in this order, got {list(claim)}")
            continue
        if not CLAIM_ID.match(cid):
            bad(where, "id must be lower-case words joined by '-'")
        if cid in claim_ids:
            bad(where, "duplicate id")
        claim_ids.add(cid)
        if not isinstance(claim["statement"], str) or len(claim["statement"].split()) < 4:
            bad(where, "statement must be a readable sentence")
        if claim["event_type"] is not None and claim["event_type"] not in EVENT_TYPES:
            bad(where, f"bad event_type {claim['event_type']!r}")
        by_type[claim["event_type"] or "(none)"] += 1

        # mentions
        mentions = claim["mentions"]
        keys_seen: set[tuple[str, str]] = set()
        for mi, m in enumerate(mentions):
            mwhere = f"{where} mention {mi}"
            if set(m) - {"document", "sentence", "cited"} or {"document", "sentence"} - set(m):
                bad(mwhere, f"keys must be document, sentence and optional cited: {sorted(m)}")
                continue
            if "cited" in m and (not isinstance(m["cited"], str) or not m["cited"].strip()):
                bad(mwhere, "cited must be an outlet name")
            key = check_sentence(mwhere, m["document"], m["sentence"])
            if key is None:
                continue
            if key in keys_seen:
                bad(mwhere, "the same body sentence is listed twice in this claim")
            keys_seen.add(key)
            if key in mention_owner and mention_owner[key] != cid:
                bad(mwhere, f"sentence is also a mention of {mention_owner[key]}")
            mention_owner[key] = cid

        origins = claim["origins"]
        check_origins(where, claim, mentions, origin_key, bad)

        # figures
        for fi, fig in enumerate(claim["figures"]):
            fwhere = f"{where} figure {fi}"
            if list(fig) != ["value", "low", "high", "document"]:
                bad(fwhere, f"keys must be value, low, high, document: {list(fig)}")
                continue
            lo, hi = fig["low"], fig["high"]
            if not all(v is None or isinstance(v, int) for v in (lo, hi)) or (lo is None and hi is None):
                bad(fwhere, "low/high must be integers or null, not both null")
            elif lo is not None and hi is not None and lo > hi:
                bad(fwhere, "low > high")
            docs = [m["document"] for m in mentions if m["document"] == fig["document"]]
            if not docs:
                bad(fwhere, f"{fig['document']} has no mention of this claim")
            elif not any(
                re.search(r"(?<!\w)" + re.escape(fig["value"]) + r"(?!\w)", _sentence_of(bodies.get(m["document"], ""), m["sentence"]))
                for m in mentions
                if m["document"] == fig["document"]
            ):
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
            denial_sentences.setdefault(key, cid)

        status = expected_status(len(mentions), len(origins), len(claim["denied_by"]))
        if claim["status"] not in STATUSES:
            bad(where, f"bad status {claim['status']!r}")
        elif claim["status"] != status:
            bad(where, f"status {claim['status']!r} should be {status!r}")
        by_status[claim["status"]] += 1
        totals["mentions"] += len(mentions)
        totals["origins"] += len(origins)
        totals["denial links"] += len(claim["denied_by"])
        totals["figures"] += len(claim["figures"])
        if len(mentions) >= 2:
            totals["claims with >= 2 mentions"] += 1
        if len(origins) >= 2:
            totals["claims with >= 2 origins"] += 1

    for key, cid in denial_sentences.items():
        if key in mention_owner:
            bad(f"claim {cid}", f"denial sentence is also a mention of {mention_owner[key]}: {key[1]!r}")

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
        if key in mention_owner or key in denial_sentences:
            bad(nwhere, "sentence is used by a claim")
        if key in not_claim_keys:
            bad(nwhere, "sentence is listed twice in not_claims")
        not_claim_keys.add(key)

    # ---- coverage: every body sentence is a mention, a denial, a not_claim or unlabelled ----
    labelled = set(mention_owner) | set(denial_sentences) | not_claim_keys
    sentences = [(d, s) for d in listed if d in bodies for s in body_sentences(bodies[d])]
    unlabelled = [key for key in sentences if key not in labelled]

    # ---- every document is used ---------------------------------------------------------------
    used = {k[0] for k in mention_owner} | {k[0] for k in denial_sentences}
    used |= {nc["document"] for nc in gold.get("not_claims", [])}
    for name in listed:
        if name not in used:
            bad("documents", f"{name} is listed but no claim uses it")

    # ---- report -------------------------------------------------------------------------------
    for p in problems:
        print(p)
    n_new = sum(1 for d in listed if new_doc.match(d))
    families = gold.get("syndication", [])
    print(f"documents: {len(listed)} ({len(listed) - n_new} from the extraction set, {n_new} new); "
          f"syndication families: {len(families)} "
          f"({sum(len(f.get('copies', [])) for f in families)} copies)")
    print(f"claims: {len(gold['claims'])}; with >= 2 mentions: {totals['claims with >= 2 mentions']}; "
          f"with >= 2 origins: {totals['claims with >= 2 origins']}")
    print(f"mentions: {totals['mentions']}; origins: {totals['origins']}; figures: {totals['figures']}")
    print(f"denial links: {totals['denial links']} ({len(denial_sentences)} distinct denial sentences)")
    print("status: " + ", ".join(f"{s} {by_status[s]}" for s in STATUSES))
    print("event types: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    print(f"not_claims: {len(gold.get('not_claims', []))}; entities added: {len(entities)}")
    print(f"body sentences: {len(sentences)}; unlabelled (colour, notes, credit lines): "
          f"{len(unlabelled)}")
    if list_unlabelled:
        for d, s in unlabelled:
            print(f"  unlabelled {d}: {s}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


def main() -> int:
    return check(HERE, "c", (120, 450), extraction_documents=True,
                 list_unlabelled="--unlabelled" in sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
