"""The public JSON contract: every export validates against docs/export.schema.json."""

from __future__ import annotations

import json
import re
from collections import Counter
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


def test_csv_tables_hold_the_contract(demo_case: Path, tmp_path: Path) -> None:
    import csv
    import shutil
    import zipfile

    case = tmp_path / "demo.db"
    shutil.copy(demo_case, case)
    runner = Dossier(case)
    contract = runner.export()
    assert runner("export", "--format", "csv", "-o", tmp_path / "tables").exit_code == 0
    tables = {name: list(csv.DictReader((tmp_path / "tables" / name).open(encoding="utf-8")))
              for name in ("claims.csv", "mentions.csv", "entities.csv", "documents.csv")}
    assert [r["id"] for r in tables["claims.csv"]] == [c["id"] for c in contract["claims"]]
    assert [r["statement"] for r in tables["claims.csv"]] == [
        c["statement"] for c in contract["claims"]]
    assert len(tables["mentions.csv"]) == sum(len(c["mentions"]) for c in contract["claims"])
    assert {r["role"] for r in tables["mentions.csv"]} == {"supports", "denies"}
    assert len(tables["entities.csv"]) == len(contract["entities"])
    assert [r["sha256"] for r in tables["documents.csv"]] == [
        d["sha256"] or "" for d in contract["documents"]]
    again = runner("export", "--format", "csv", "-o", tmp_path / "tables")
    assert again.exit_code == 2 and "already holds" in again.output
    assert runner("export", "--format", "csv", "-o", tmp_path / "t.zip").exit_code == 0
    with zipfile.ZipFile(tmp_path / "t.zip") as archive:
        assert sorted(archive.namelist()) == sorted(tables)
        assert archive.read("claims.csv").decode() == (
            tmp_path / "tables" / "claims.csv").read_text(encoding="utf-8")


def test_ftm_entities_load_and_validate_with_followthemoney(demo_case: Path,
                                                            tmp_path: Path) -> None:
    import shutil

    from followthemoney import model

    case = tmp_path / "demo.db"
    shutil.copy(demo_case, case)
    runner = Dossier(case)
    contract = runner.export()
    assert runner("export", "--format", "ftm", "-o", tmp_path / "case.ftm.json").exit_code == 0
    entities = [json.loads(line) for line in
                (tmp_path / "case.ftm.json").read_text(encoding="utf-8").splitlines()]
    ids = set()
    for data in entities:
        model.get(data["schema"]).validate(data)  # raises InvalidData on any bad value
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.to_dict()["properties"] == data["properties"]
        ids.add(proxy.id)
    schemata = Counter(e["schema"] for e in entities)
    accepted = [d for d in contract["documents"] if d["status"] == "ok"]
    assert schemata["Article"] == len(accepted)
    for ours, theirs in (("person", "Person"), ("organization", "Organization"),
                         ("place", "Address")):
        assert schemata[theirs] == sum(e["type"] == ours for e in contract["entities"])
    mentions = [e for e in entities if e["schema"] == "Mention"]
    assert len(mentions) == sum(len(e["mentions"]) for e in contract["entities"]
                                if e["type"] != "other")
    for m in mentions:
        assert m["properties"]["document"][0] in ids and m["properties"]["resolved"][0] in ids
