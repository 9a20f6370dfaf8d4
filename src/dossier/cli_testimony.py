"""`dossier passphrase …` and `dossier testimony …`: the case passphrase and confidential
testimonies. Registered on the `dossier` command by cli.py. The passphrase comes from
DOSSIER_PASSPHRASE or a prompt, never from an argument (it would stay in the shell history)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from .cli import (
    NEW_PASSPHRASE_ENV,
    _new_passphrase,
    _open,
    _passphrase,
    case_option,
    json_option,
    judgement_options,
    main,
    out,
    reveal,
    unlock,
)
from .config import Settings
from .errors import DossierError, NotFoundError
from .protect import keys
from .protect.testimony import (
    locked,
    open_testimony,
    read_account,
    seal_testimony,
    testimony_quotes,
)
from .store.writer import utc_now

FIRST_SLOT = "custodian-1"


@main.group()
def passphrase() -> None:
    """The case passphrase, which unlocks confidential testimonies. It is never stored: a key
    derived from it (Argon2id) unwraps the case key. Each custodian can have their own.

    \b
    Example:
      DOSSIER_NEW_PASSPHRASE='…' dossier passphrase set --case chechnya.db
    """


@passphrase.command("set")
@case_option()
def passphrase_set(case_path: Path) -> None:
    """Give the case its first passphrase (DOSSIER_NEW_PASSPHRASE, or asked twice).

    \b
    Example:
      dossier passphrase set --case chechnya.db
    """
    with _open(case_path, create=True) as case:
        if case.view.key_slots():
            raise DossierError("this case has a passphrase already: `dossier passphrase "
                               "change` replaces it, `dossier passphrase add` adds a custodian")
        slot = keys.make_slot(keys.new_key(), _new_passphrase(NEW_PASSPHRASE_ENV), FIRST_SLOT)
        with case.writer.transaction() as tx:
            tx.add_key_slot(slot)
    out.print("the case has a passphrase: keep it safe — without it, its testimonies cannot "
              "be read by anyone, dossier included")


@passphrase.command("change")
@case_option()
def passphrase_change(case_path: Path) -> None:
    """Replace your passphrase (DOSSIER_PASSPHRASE, then DOSSIER_NEW_PASSPHRASE, or asked):
    the case key is wrapped again; nothing else is re-encrypted, and the old passphrase opens
    nothing any more.

    \b
    Example:
      dossier passphrase change --case chechnya.db
    """
    with _open(case_path) as case:
        slots = case.view.key_slots()
        if not slots:
            raise DossierError("this case has no passphrase yet: `dossier passphrase set`")
        case_key, slot = keys.open_case_key(slots, _passphrase("Current passphrase"))
        fresh = keys.make_slot(case_key, _new_passphrase(NEW_PASSPHRASE_ENV), slot.id)
        with case.writer.transaction() as tx:
            tx.add_key_slot(fresh, replacing=slot.id)
        case.checkpoint()
    out.print(f"passphrase of {slot.id} changed")


@passphrase.command("add")
@click.argument("custodian")
@case_option()
def passphrase_add(custodian: str, case_path: Path) -> None:
    """Let a second custodian unlock the case with a passphrase of their own
    (DOSSIER_PASSPHRASE: an existing one; DOSSIER_NEW_PASSPHRASE: theirs).

    \b
    Example:
      dossier passphrase add partner-lawyer --case chechnya.db
    """
    with _open(case_path) as case:
        slots = case.view.key_slots()
        if any(s.id == custodian for s in slots):
            raise DossierError(f"{custodian!r} has a passphrase already")
        case_key = unlock(case)
        slot = keys.make_slot(case_key, _new_passphrase(NEW_PASSPHRASE_ENV), custodian)
        with case.writer.transaction() as tx:
            tx.add_key_slot(slot)
    out.print(f"{escape(custodian)} can now unlock the case with their own passphrase")


@main.group()
def testimony() -> None:
    """Confidential testimonies: a witness's account, encrypted in the case file, its witness
    known to everyone without clearance only by a pseudonym.

    \b
    Example:
      dossier testimony add interview.md --witness "NAME" --date 2017-04-20 --case chechnya.db
    """


@testimony.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@case_option()
@click.option("--witness", required=True, help="Who gave the account (sealed with it).")
@click.option("--date", help="When the account was given (sealed with it).")
@click.option("--place", help="Where (sealed with it).")
def testimony_add(file: Path, case_path: Path, witness: str, date: str | None,
                  place: str | None) -> None:
    """Add a witness account (text, Markdown or PDF). Its original, its text and who the
    witness is are encrypted under a key of its own, which the case passphrase unlocks.

    \b
    Example:
      DOSSIER_PASSPHRASE='…' dossier testimony add interview.md --witness "NAME" \\
        --date 2017-04-20 --place Grozny --case chechnya.db
    """
    account = read_account(file, Settings.from_environment())
    with _open(case_path) as case:
        case_key = unlock(case)
        known = case.view.testimonies()
        sealed = seal_testimony(case_key, account, witness, date, place,
                                {t.pseudonym for t in known}, utc_now())
        if any(t.digest == sealed.digest for t in known):
            raise DossierError(f"{file.name} is already in the case")
        with case.writer.transaction() as tx:
            tx.add_testimony(sealed)
    out.print(f"added {sealed.id}, sealed; its witness is {sealed.pseudonym}")


@testimony.command("list")
@case_option()
@click.option("--include-confidential", is_flag=True, help="Also who, when, where and the "
              "first words (needs the passphrase).")
@json_option
def testimony_list(case_path: Path, include_confidential: bool, as_json: bool) -> None:
    """List the testimonies: without the passphrase, only that they exist ("confidential —
    locked").

    \b
    Example:
      dossier testimony list --case chechnya.db --include-confidential
    """
    with _open(case_path, write=include_confidential) as case:
        rows = case.view.testimonies()
        case_key = reveal(case, "testimonies") if include_confidential and rows else None
        shown = [open_testimony(case_key, r) if case_key else locked(r) for r in rows]
        supported = case.view.testimony_claims()
        quotes = testimony_quotes(case_key, rows, supported) if case_key else {}
    if as_json:
        out.print_json(data=[{"id": t.id, "witness": t.witness or t.pseudonym,
                              "pseudonym": t.pseudonym, "added": t.added_at,
                              "destroyed": t.destroyed_at, "locked": t.locked, "date": t.date,
                              "place": t.place, "text": t.text,
                              "supports": [{"claim": cid,
                                            "quote": quotes.get((cid, t.pseudonym))}
                                           for cid, _ in supported.get(t.id, [])]}
                             for t in shown])
        return
    table = Table(title=f"testimonies ({len(shown)})", title_justify="left")
    for column in ("testimony", "witness", "added", "account", "supports"):
        table.add_column(column, overflow="fold")
    for t in shown:
        if t.destroyed_at:
            account = f"destroyed {t.destroyed_at[:16]}: unreadable for good"
        elif t.locked:
            account = "confidential — locked"
        else:
            account = escape(f"{t.date or 'undated'}, {t.place or 'no place'}: "
                             f"{(t.text or '')[:120]}…")
        claims = "\n".join(cid + (f": “{escape(quotes[(cid, t.pseudonym)])}”"
                                   if (cid, t.pseudonym) in quotes else "")
                           for cid, _ in supported.get(t.id, [])) or "—"
        table.add_row(t.id, escape(t.witness or t.pseudonym), t.added_at[:16], account, claims)
    out.print(table)


@testimony.command("destroy")
@click.argument("tid", metavar="ID")
@case_option()
@judgement_options
def testimony_destroy(tid: str, case_path: Path, reason: str, analyst: str) -> None:
    """Destroy a testimony's key: its original, text and witness become unreadable for good,
    with or without the passphrase (the pages that held them are overwritten).

    \b
    Example:
      dossier testimony destroy testimony-1f2e… --reason "witness withdrew consent"
    """
    with _open(case_path) as case:
        found = case.view.testimonies([tid])
        if not found:
            raise NotFoundError(f"there is no testimony {tid} in this case")
        with case.writer.transaction() as tx:
            tx.destroy_testimony(tid, analyst)
        case.checkpoint()
    out.print(f"{tid} destroyed: nobody can read it any more")
