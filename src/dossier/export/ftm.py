"""The case as FollowTheMoney entities (JSON lines), built with the followthemoney library so
that Aleph and other FtM tools load them: people, organisations, places (as addresses),
documents (as articles, with their text, hash and capture data) and every mention of an
entity in a document (FtM's Mention, linking the two)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from ..protect import Redactor
from ..store import CaseView
from .json_contract import Quotes, case_json

# Our entity types → FtM schemata. "other" has no FtM counterpart that says less than a
# wrong one would, and is left out.
SCHEMATA = {"person": "Person", "organization": "Organization", "place": "Address"}


def ftm_entities(view: CaseView, hiding: Redactor | None = None,
                 quotes: Quotes | None = None) -> Iterator[EntityProxy]:
    data = case_json(view, hiding, quotes)
    for d in data["documents"]:
        if d["status"] == "ok":
            yield _article(d)
    for e in data["entities"]:
        schema = SCHEMATA.get(e["type"])
        if schema is None:
            continue
        entity = model.make_entity(schema)
        entity.id = e["id"]
        entity.add("name", e["name"])
        if schema == "Address":
            entity.add("full", e["name"])
        else:
            entity.add("alias", [a for a in e["aliases"] if a != e["name"]])
        entity.add("description", "; ".join(e["merges"]) or None, quiet=True)
        yield entity
        for m in e["mentions"]:
            mention = model.make_entity("Mention")
            mention.make_id(e["id"], m["document"], str(m["start"]))
            mention.add("document", m["document"])
            mention.add("resolved", e["id"])
            mention.add("name", m["text"])
            mention.add("detectedSchema", schema)
            yield mention


def _article(d: dict[str, Any]) -> EntityProxy:
    article = model.make_entity("Article")
    article.id = d["id"]
    article.add("title", d["title"] or d["path"])
    article.add("fileName", d["path"].rsplit("/", 1)[-1])
    article.add("bodyText", d["text"])
    article.add("publishedAt", d["published"], quiet=True)
    article.add("author", d["author"], quiet=True)
    article.add("publisher", d["outlet"], quiet=True)
    article.add("language", d["language"], quiet=True)
    # FtM's contentHash is Aleph's SHA-1 of a file it stores; ours is the SHA-256 of the
    # original as captured, said in words.
    article.add("description", f"SHA-256 of the original as captured: {d['sha256']}")
    article.add("processingAgent", "dossier")
    article.add("mimeType", d["media_type"], quiet=True)
    article.add("fileSize", d["size"], quiet=True)
    article.add("retrievedAt", d["captured_at"] or d["first_seen"], quiet=True)
    if d["path"].startswith(("http://", "https://")):
        article.add("sourceUrl", d["path"])
    return article


def ftm_lines(view: CaseView, hiding: Redactor | None = None,
              quotes: Quotes | None = None) -> bytes:
    """One FtM entity per line, as FtM's own `to_dict` gives it."""
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
                   for e in ftm_entities(view, hiding, quotes)).encode()
