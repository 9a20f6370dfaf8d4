"""The public JSON contract: every export validates against docs/export.schema.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
from conftest import REPO, Dossier
from fixtures import article, pdf_bytes, warc, write, zip_bytes

SCHEMA = json.loads((REPO / "docs" / "export.schema.json").read_text())


def validate(export: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(export)


def test_export_of_a_mixed_case_validates(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", article(1))
    write(tmp_path / "in" / "p.html", f"<html><body><p>{article(3)}</p></body></html>")
    write(tmp_path / "in" / "r.pdf", pdf_bytes([[article(5).replace("\n", " ")]]))
    write(tmp_path / "in" / "empty.txt", b"")
    write(tmp_path / "in" / "z.zip", zip_bytes({"m.txt": article(2), "../x.txt": "x"}))
    page = f"<html><body><article><p>{article(4)}</p></article></body></html>".encode()
    write(tmp_path / "in" / "w.warc.gz", warc({"https://e.example/": ("text/html", page)}))
    dossier("build", tmp_path / "in", tmp_path / "missing")
    export = dossier.export()
    validate(export)
    statuses = sorted(d["status"] for d in export["documents"])
    assert statuses == ["ok"] * 5 + ["rejected"] * 3
    assert export["claims"] and export["entities"]  # stage 4 read the bodies
    by_id = {d["id"]: d for d in export["documents"]}
    for claim in export["claims"]:
        assert all(m["quote"] in by_id[m["document"]]["text"] for m in claim["mentions"])


def test_export_to_a_file(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", article(1))
    dossier("build", tmp_path / "in")
    result = dossier("export", "--format", "json", "-o", tmp_path / "case.json")
    assert result.exit_code == 0
    validate(json.loads((tmp_path / "case.json").read_text()))
    unwritable = dossier("export", "-o", tmp_path / "no" / "such" / "dir" / "x.json")
    assert unwritable.exit_code == 2 and "cannot write" in unwritable.output


def test_schema_does_not_validate_a_broken_export(dossier: Dossier, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", article(1))
    dossier("build", tmp_path / "a.txt")
    export = dossier.export()
    export["documents"][0]["status"] = "fine"
    try:
        validate(export)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted an unknown status")


def test_every_schema_field_is_documented() -> None:
    doc = (REPO / "docs" / "export.md").read_text()
    documented = set(re.findall(r"^\| `([a-z0-9_]+)(?:\[\])?` \|", doc, re.MULTILINE))
    fields: set[str] = set(SCHEMA["properties"])
    for definition in SCHEMA["$defs"].values():
        fields |= set(definition.get("properties", {}))
    missing = fields - documented - {"document", "quote", "kind", "text", "date", "stance",
                                     "attributed_to"}
    assert not missing, f"fields in the schema but not in docs/export.md: {sorted(missing)}"
    for nested in ("`kind`", "`text`", "`document`", "`quote`", "`stance`", "`attributed_to`"):
        assert nested in doc
