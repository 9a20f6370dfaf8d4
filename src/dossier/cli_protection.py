"""`dossier protect` and `dossier unprotect`: who appears only as a pseudonym. Registered on
the `dossier` command by cli.py. Names are never printed back, nor written to the log."""

from __future__ import annotations

import os
from getpass import getuser
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from .cli import _open, case_option, err, json_option, judgement_options, main, out
from .errors import NotFoundError
from .protect import fold
from .protect.people import case_redactor, known_as, protection, suggestions
from .store.writer import utc_now


@main.command()
@click.argument("name", required=False)
@case_option()
@click.option("--suggest", is_flag=True, help="List the private individuals the documents "
              "describe as victims or witnesses (protects nobody).")
@click.option("--list", "listing", is_flag=True, help="List the protected people, by "
              "pseudonym.")
@click.option("--reason", default="", help="Why, in a few words (required to protect).")
@click.option("--analyst", default=None, help="Who decides (DOSSIER_ANALYST, else the login "
              "name).")
@json_option
def protect(name: str | None, case_path: Path, suggest: bool, listing: bool, reason: str,
            analyst: str | None, as_json: bool) -> None:
    """Protect a person: everyone without clearance sees them, under every spelling the case
    knows, only as a pseudonym ("Person P-7F3A") — on every page, in the report, in every
    export, in quotes and passages, in search (searching the name finds nothing) and in the
    log.

    \b
    Example:
      dossier protect --case chechnya.db "Maxim Lapunov" --reason "witness at risk"
      dossier protect --case chechnya.db --suggest
      dossier protect --case chechnya.db --list
    """
    if suggest or listing:
        if name:
            raise click.UsageError("give a NAME, or --suggest, or --list")
        _suggest(case_path, as_json) if suggest else _list(case_path, as_json)
        return
    if not name or not name.strip():
        raise click.UsageError("give the NAME of the person to protect (or --suggest)")
    if not reason.strip():
        raise click.UsageError("give --reason: why this person is protected, for whoever "
                               "reads it later")
    who = analyst or os.environ.get("DOSSIER_ANALYST") or getuser()
    with _open(case_path) as case:
        people = case.view.protected_people()
        if any(fold(name.strip()) == fold(n) for p in people for n in p.names):
            raise click.UsageError("this name is already protected (dossier protect --list)")
        entities = case.view.entities()
        matched = known_as(entities, name)
        person = protection(name, entities, {p.code for p in people}, who, reason, utc_now())
        with case.writer.transaction() as tx:
            tx.protect(person)
    spellings = len(person.names)
    out.print(f"protected as [bold]{person.pseudonym}[/]: {spellings} spelling"
              f"{'' if spellings == 1 else 's'} hidden from everyone without clearance")
    if not matched:
        err.print("no entity of the case is known under this name yet: it will be hidden "
                  "wherever it appears")


@main.command()
@click.argument("who", metavar="PSEUDONYM|NAME")
@case_option()
@judgement_options
def unprotect(who: str, case_path: Path, reason: str, analyst: str) -> None:
    """Lift a protection: the person appears under their own name again.

    \b
    Example:
      dossier unprotect --case chechnya.db P-7F3A --reason "consented to be named"
    """
    with _open(case_path) as case:
        people = case.view.protected_people()
        wanted = fold(who.strip())
        found = [p for p in people if wanted in (fold(p.code), fold(p.pseudonym))
                 or any(wanted == fold(n) for n in p.names)]
        if not found:
            raise NotFoundError(f"nobody protected is known as {who!r} (dossier protect "
                                "--list)")
        with case.writer.transaction() as tx:
            for person in found:
                tx.unprotect(person.code, analyst)
    out.print(f"no longer protected: {', '.join(p.pseudonym for p in found)}")


def _list(case_path: Path, as_json: bool) -> None:
    with _open(case_path, write=False) as case:
        people = case.view.protected_people()
    if as_json:
        out.print_json(data=[{"code": p.code, "pseudonym": p.pseudonym,
                              "spellings": len(p.names), "analyst": p.analyst,
                              "reason": p.reason, "at": p.at} for p in people])
        return
    table = Table(title=f"protected people ({len(people)})", title_justify="left")
    for column in ("pseudonym", "spellings", "by", "at", "why"):
        table.add_column(column, overflow="fold")
    for p in people:
        table.add_row(p.pseudonym, str(len(p.names)), escape(p.analyst), p.at[:16],
                      escape(p.reason))
    out.print(table)


def _suggest(case_path: Path, as_json: bool) -> None:
    with _open(case_path, write=False) as case:
        view = case.view
        found = suggestions(view.extractions(), view.entity_ids(), view.entities(),
                            case_redactor(view))
    if as_json:
        out.print_json(data=[{"entity": c.entity, "name": c.name, "aliases": list(c.aliases),
                              "documents": c.documents, "why": list(c.why)} for c in found])
        return
    table = Table(title=f"candidates for protection ({len(found)}): nobody is protected "
                  "until you decide (dossier protect NAME)", title_justify="left")
    for column in ("entity", "name", "documents", "why"):
        table.add_column(column, overflow="fold")
    for c in found:
        table.add_row(c.entity, escape(c.name), str(c.documents), escape("; ".join(c.why)))
    out.print(table)

