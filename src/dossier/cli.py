"""The `dossier` command: each command opens the case, calls the library, shows the result.

Exit status: 0 done; 1 the command ran and found a problem (verify found damage, --strict found
rejections); 2 the command could not run (bad arguments, unusable case); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import ssl
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from getpass import getuser
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .config import Settings
from .custody import Action
from .demo import corpus_folder, demo_testimony_file
from .errors import DossierError, NotFoundError
from .export import FORMATS, json_contract, write_export
from .models import REMOVED_KINDS, Block, BuildSummary, Judgement, Verdict
from .protect import NOBODY, Redactor, keys
from .protect.people import case_redactor, protection
from .report import REPORT_FORMATS
from .store import Case, DocumentRow, verify
from .store import checkpoint as checkpoints
from .store.writer import utc_now

F = TypeVar("F", bound=Callable[..., Any])
out = Console()
err = Console(stderr=True)


class DossierGroup(click.Group):
    """Turns dossier's own errors into a message and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DossierError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}")
            sys.exit(2)
        except KeyboardInterrupt:
            err.print("interrupted; the case is consistent, run the build again to complete it")
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # last resort: a bug must still not look like a crash dump
            if os.environ.get("DOSSIER_DEBUG"):
                traceback.print_exc()
            err.print(f"[bold red]internal error:[/] {escape(repr(exc))}. The case was left "
                      "consistent. Set DOSSIER_DEBUG=1 to see the details and please report it.")
            sys.exit(70)


def case_option(default: str = "case.db") -> Callable[[F], F]:
    return click.option(
        "--case", "case_path", type=click.Path(path_type=Path), default=default,
        show_default=True, envvar="DOSSIER_CASE", help="The case file (one SQLite file).")


def judgement_options(func: F) -> F:
    """--reason and --analyst, which every judgement records."""
    func = click.option("--analyst", default=lambda: os.environ.get("DOSSIER_ANALYST")
                        or getuser(), show_default="DOSSIER_ANALYST, else the login name",
                        help="Who judges.")(func)
    return click.option("--reason", required=True,
                        help="Why, in a few words, for whoever reads it later.")(func)


def json_option(func: F) -> F:
    """--json, which every listing command has."""
    return click.option("--json", "as_json", is_flag=True,
                        help="Print JSON for scripting.")(func)


PASSPHRASE_ENV = "DOSSIER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "DOSSIER_NEW_PASSPHRASE"


def _passphrase(prompt: str = "Case passphrase") -> str:
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    if not os.isatty(0):
        raise DossierError(f"this needs the case passphrase: set {PASSPHRASE_ENV}, or run it "
                           "in a terminal to be asked")
    value: str = click.prompt(prompt, hide_input=True)
    return value


def _new_passphrase(env: str) -> str:
    given = os.environ.get(env)
    if given is None:
        if not os.isatty(0):
            raise DossierError(f"this needs the new passphrase: set {env}, or run it in a "
                               "terminal to be asked")
        given = click.prompt("New passphrase", hide_input=True, confirmation_prompt=True)
    keys.check_passphrase(given)
    return given


def unlock(case: Case) -> bytes:
    """The case key, from the passphrase; a clear error if the case has none or it is wrong."""
    slots = case.view.key_slots()
    if not slots:
        raise DossierError("this case has no passphrase yet: set one with `dossier passphrase "
                           "set`")
    return keys.open_case_key(slots, _passphrase())[0]




def confidential_option(func: F) -> F:
    """--include-confidential: names of protected people (and, with the passphrase, the rest
    of what is confidential) for a cleared analyst."""
    return click.option(
        "--include-confidential", "include_confidential", is_flag=True,
        help="Show protected people under their names: for a cleared analyst, with the case "
             "passphrase (DOSSIER_PASSPHRASE or asked); recorded in the custody log.")(func)


def _hiding(case: Case, include_confidential: bool, what: str) -> Redactor:
    return _clearance(case, include_confidential, what)[0]


def _clearance(case: Case, include_confidential: bool, what: str
               ) -> tuple[Redactor, dict[tuple[str, str], str] | None]:
    """Who the output hides, and what confidential words it may quote: protected people as
    pseudonyms and no testimony's words; or — for a cleared analyst who gave the passphrase —
    nobody hidden and each testimony's supporting statements, which the custody log records
    (who and what, not content)."""
    if not include_confidential:
        return case_redactor(case.view), None
    from .protect.testimony import testimony_quotes

    case_key = reveal(case, what)
    view = case.view
    return NOBODY, testimony_quotes(case_key, view.testimonies(), view.testimony_claims())


def reveal(case: Case, what: str) -> bytes:
    """The case key, for a cleared analyst who gave the passphrase; the custody log records
    who revealed what (never content)."""
    case_key = unlock(case)
    with case.writer.transaction() as tx:
        tx.log(Action.REVEAL, None, what=what, analyst=os.environ.get("DOSSIER_ANALYST")
               or getuser())
    return case_key


@click.group(cls=DossierGroup)
@click.version_option(__version__, prog_name="dossier")
def main() -> None:
    """dossier: news reports and testimonies in, a corroborated, sourced case file out."""


class _RichProgress:
    """The pipeline's progress protocol, drawn as a rich progress bar on stderr."""

    def __init__(self, min_files: int) -> None:
        self.min_files = min_files
        self.shown = False
        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.description}"),
                            console=err, transient=True)
        self.task: Any = None

    def start(self, total: int) -> None:
        self.shown = total > self.min_files  # a bar for three files is noise
        if self.shown:
            self.bar.start()
            self.task = self.bar.add_task("", total=total)

    def advance(self, label: str) -> None:
        if self.shown:
            self.bar.update(self.task, advance=1, description=escape(label[-50:]))

    def stop(self) -> None:
        if self.shown:
            self.bar.stop()


@contextlib.contextmanager
def _open(path: Path, create: bool = False, write: bool = True) -> Iterator[Case]:
    case = Case.open(path, create=create, write=write)
    try:
        yield case
    finally:
        case.close()


def _run_build(case_path: Path, paths: Sequence[Path], quiet: bool, wait: float | None,
               settings: Settings, testimonies: bool = False) -> BuildSummary:
    if wait is not None:
        settings = replace(settings, lock_wait_seconds=wait)
    progress = None if quiet else _RichProgress(settings.progress_min_files)
    with _open(case_path, create=True) as case:
        from . import pipeline  # loaded by the commands that build: spaCy starts slowly

        case_key = unlock(case) if testimonies else None
        summary = pipeline.build(case, paths, settings, progress, case_key)
    if not quiet:
        _print_summary(summary)
    return summary


def _print_summary(summary: BuildSummary) -> None:
    if summary.interrupted_build_completed:
        out.print("[yellow]an earlier build was interrupted; this build completed it[/]")
    out.print(
        f"originals: [bold]{summary.originals_new}[/] new, {summary.originals_known} known"
        f" ({summary.sightings_new} new places seen) · documents: "
        f"[bold]{summary.documents_new}[/] new"
        + (f" ({summary.copies_indexed} checked for copies)" if summary.copies_indexed else "")
        + (f" · read for statements: {summary.documents_extracted}"
           if summary.documents_extracted else "")
        + (f" · claims: {summary.claims}" if summary.claims is not None else "")
        + f" · rejected: [bold]{len(summary.rejected)}[/]"
        f" ({summary.rejected_new} new)"
        + (f" · hidden files passed over: {summary.skipped_hidden}"
           if summary.skipped_hidden else ""))
    for rejection in summary.rejected:
        out.print(f"  [red]rejected[/] {escape(rejection.path)}: {escape(rejection.reason)}")


BUILD_HELP = """Ingest PATHS (files, folders, .zip, .warc) and run the whole pipeline.

Incremental: only new originals are processed; an identical second run changes nothing.

\b
Example:
  dossier build reports/ interviews.zip crawl.warc.gz --case chechnya.db
"""


@main.command(help=BUILD_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@case_option()
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if anything was rejected.")
@click.option("--wait", type=click.FloatRange(min=0), default=None,
              help=f"Seconds to wait if another build holds the case [default: "
                   f"{Settings().lock_wait_seconds:g}, or DOSSIER_LOCK_WAIT_SECONDS].")
@click.option("--testimonies", is_flag=True, help="Open the sealed testimonies (needs the "
              "passphrase): their statements support the claims they match, each an "
              "independent origin. Without it, the supports found last are kept.")
def build(paths: tuple[Path, ...], case_path: Path, quiet: bool, strict: bool,
          wait: float | None, testimonies: bool) -> None:
    summary = _run_build(case_path, paths, quiet, wait, Settings.from_environment(),
                         testimonies)
    if strict and summary.rejected:
        sys.exit(1)


@main.command("verify")
@case_option()
@click.option("--checkpoint", "checkpoint_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Also prove the custody log only grew since this signed checkpoint.")
@click.option("--public-key", type=click.Path(path_type=Path, dir_okay=False),
              help="The checkpoint must be signed with this Ed25519 public key (PEM).")
def verify_cmd(case_path: Path, checkpoint_file: Path | None, public_key: Path | None) -> None:
    """Re-hash every stored original and walk the custody log's hash chain; with
    --checkpoint, also prove that the log only grew since that checkpoint.

    Exits 0 when all is intact, 1 naming the first broken original or log entry.

    \b
    Example:
      dossier verify --case chechnya.db
      dossier verify --case chechnya.db --checkpoint partner-2026-11.json
    """
    if checkpoint_file is not None:
        _verify_checkpoint(case_path, checkpoint_file, public_key)
    with _open(case_path, write=False) as case:
        report = verify(case.view)
    if report.intact:
        out.print(f"[green]intact:[/] {report.originals} originals re-hashed, "
                  f"{report.entries} custody log entries chained")
        return
    err.print(f"[bold red]BROKEN:[/] {escape(report.problems[0])}")
    for problem in report.problems[1:]:
        err.print(f"  also: {escape(problem)}")
    sys.exit(1)


@main.command()
@case_option()
@click.option("--rejected", is_flag=True, help="Only what was rejected, with the reasons.")
@click.option("--document", metavar="ID|PATH",
              help="Show the labelled blocks of one document (ID, ID prefix, path or file name).")
@json_option
@confidential_option
def sources(case_path: Path, rejected: bool, document: str | None, as_json: bool = False,
            include_confidential: bool = False) -> None:
    """List originals and documents: path, SHA-256, type, size, status, what cleaning removed.

    With --document, show every block of one document (ID, ID prefix or path) with its label
    and why it got it.

    \b
    Example:
      dossier sources --case chechnya.db --rejected
      dossier sources --case chechnya.db --document 07-rainbow-notes-2017-04-17-blog.md
    """
    with _open(case_path, write=include_confidential) as case:
        hiding = _hiding(case, include_confidential, "sources")
        rows = hiding.apply(case.view.documents(rejected_only=rejected))
        if document is not None:
            chosen = _choose_documents(rows, document)
            _print_blocks(chosen, hiding.apply(case.view.blocks_of([row.id for row in chosen])))
            return
        blocks = hiding.apply(case.view.blocks_of([row.id for row in rows]))
        containers = [] if rejected else hiding.apply(case.view.containers())
    if as_json:
        out.print_json(data=[{key: value for key, value in json_contract.document_json(
            row, blocks.get(row.id, [])).items() if key != "text"} for row in rows])
        return
    table = Table(title="rejected files" if rejected else "documents", title_justify="left")
    table.add_column("path", overflow="fold", ratio=3)
    for name in ("seg", "sha256", "type", "size", "status"):
        table.add_column(name, no_wrap=True)
    table.add_column("removed by cleaning", overflow="fold", ratio=2)
    table.add_column("reason", overflow="fold", ratio=3)
    for row in rows:
        status = row.status if row.status == "rejected" else ("waiting" if row.pending else "ok")
        table.add_row(escape(row.path), str(row.segment), (row.sha256 or "—")[:12],
                      row.media_type or "—", f"{row.size:,}" if row.size is not None else "—",
                      f"[red]{status}[/]" if status == "rejected" else status,
                      removal_summary(blocks.get(row.id, [])),
                      escape(row.reason or row.pending or ""))
    out.print(table)
    if containers:
        archives = Table(title="archives", title_justify="left")
        for name in ("path", "sha256", "type", "size", "originals inside"):
            archives.add_column(name, overflow="fold")
        for c in containers:
            archives.add_row(escape(c.path), c.sha256[:12], c.media_type, f"{c.size:,}",
                             str(c.members))
        out.print(archives)


def _choose_documents(rows: list[DocumentRow], wanted: str) -> list[DocumentRow]:
    chosen = [row for row in rows if row.id.startswith(wanted) or row.path == wanted
              or Path(row.path).name == wanted]
    if not chosen:
        raise NotFoundError(f"no document {wanted!r} in this case; `dossier sources` lists them")
    return chosen


def _print_blocks(rows: list[DocumentRow], blocks: dict[str, list[Block]]) -> None:
    for row in rows:
        out.print(f"[bold]{escape(row.path)}[/] segment {row.segment}  {row.id}  "
                  f"{row.status}{'  ' + escape(row.reason) if row.reason else ''}")
        out.print(f"  title: {escape(row.title or '—')}   outlet: {escape(row.outlet or '—')}   "
                  f"author: {escape(row.author or '—')}   published: {row.published or '—'}"
                  f"{' (' + row.published_from + ')' if row.published_from else ''}   "
                  f"language: {row.language or '—'}")
        table = Table(show_header=True, box=None, pad_edge=False)
        for name in ("kind", "why", "text"):
            table.add_column(name, overflow="fold", ratio=None if name == "kind" else 2)
        for block in blocks.get(row.id, []):
            style = "" if block.kind == "body" else "dim"
            table.add_row(block.kind, escape(block.reason),
                          escape(_excerpt(block.text)), style=style)
        out.print(table)
        out.print(f"  removed: {removal_summary(blocks.get(row.id, []))}\n")


def _excerpt(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def removal_summary(blocks: list[Block]) -> str:
    """"12 boilerplate, 1 caption, 16 comment (2,310 chars)" for the sources table."""
    counts: dict[str, int] = {}
    chars = 0
    for block in blocks:
        if block.kind in REMOVED_KINDS:
            counts[block.kind] = counts.get(block.kind, 0) + 1
            chars += len(block.text)
    if not counts:
        return "—"
    parts = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    return f"{parts} ({chars:,} chars)"


@main.command()
@case_option()
@click.option("--all", "show_all", is_flag=True, help="Also list documents that are their own "
              "only copy.")
@confidential_option
def copies(case_path: Path, show_all: bool, include_confidential: bool = False) -> None:
    """List copy groups (one story, one origin), possible copies and quoted sources.

    Possible copies are pairs that share much text but were not merged; settle each with
    `dossier judge copy A B --same` or `--different`.

    \b
    Example:
      dossier copies --case chechnya.db
    """
    with _open(case_path, write=include_confidential) as case:
        hiding = _hiding(case, include_confidential, "copies")
        documents = {row.id: row for row in hiding.apply(case.view.documents())}
        groups = case.view.copy_groups()
        links = hiding.apply(case.view.copy_links())
    shown = [g for g in groups if show_all or len(g.members) > 1]
    table = Table(title=f"copy groups ({len(groups)} origins among "
                        f"{sum(len(g.members) for g in groups)} documents)", title_justify="left")
    for name in ("group", "docs", "document", "outlet", "published", "title"):
        table.add_column(name, overflow="fold")
    for group in shown:
        for n, member in enumerate(group.members):
            row = documents[member]
            table.add_row(group.id if n == 0 else "", str(len(group.members)) if n == 0 else "",
                          ("★ " if n == 0 else "  ") + escape(_label(row)),
                          escape(row.outlet_name or row.outlet or "—")
                          + (" *" if row.outlet_from else ""),
                          (row.published or "—") + (" *" if row.date_from_group else ""),
                          escape(_excerpt(row.title or "", 60)))
        table.add_section()
    out.print(table)
    out.print("★ representative (earliest, most complete) · * taken from the group")
    if not show_all and len(shown) < len(groups):
        out.print(f"{len(groups) - len(shown)} documents are their own only copy (--all lists "
                  "them)")
    for verdict, title in (("possible", "possible copies, not merged (judge them)"),
                           ("quoted", "quoted sources: not copies, each its own origin"),
                           ("different", "not copies: kept apart by a judgement, or sharing "
                                         "only a source both quote")):
        chosen = [link for link in links if link.verdict == verdict]
        if not chosen:
            continue
        pairs = Table(title=title, title_justify="left")
        for name in ("document A", "document B", "jaccard", "contained", "why"):
            pairs.add_column(name, overflow="fold")
        for link in chosen:
            pairs.add_row(escape(_label(documents[link.link.a])),
                          escape(_label(documents[link.link.b])), f"{link.link.jaccard:.2f}",
                          f"{link.link.containment:.2f}",
                          escape(link.decision or link.link.reason))
        out.print(pairs)


def _verify_checkpoint(case_path: Path, path: Path, public_key: Path | None) -> None:
    from cryptography.hazmat.primitives import serialization

    found = checkpoints.read(path)
    pinned = None
    if public_key is not None:
        try:
            loaded = serialization.load_pem_public_key(public_key.read_bytes())
            pinned = loaded.public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw)
        except (OSError, ValueError) as exc:
            raise checkpoints.CheckpointError(f"{public_key} is not a public key in PEM: "
                                              f"{exc}") from exc
    with _open(case_path, write=False) as case:
        problems, size = checkpoints.check(case.view, found, pinned)
    if problems:
        err.print(f"[bold red]BROKEN:[/] {escape(problems[0])}")
        for problem in problems[1:]:
            err.print(f"  also: {escape(problem)}")
        sys.exit(1)
    out.print(f"[green]consistent:[/] the custody log's first {found.size} entries are those "
              f"the checkpoint of {found.at[:16]} signed; the log has grown to {size}")


@main.command()
@case_option()
@click.option("--key", "key_file", required=True, type=click.Path(path_type=Path,
                                                                    dir_okay=False),
              help="The team's Ed25519 signing key (PEM); made there if missing. Keep it "
                   "apart from the case.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the checkpoint to this file (default: standard output).")
def checkpoint(case_path: Path, key_file: Path, output: Path | None) -> None:
    """Sign the custody log as it stands (its size and RFC 6962 Merkle root) for a partner
    to keep: `dossier verify --checkpoint` later proves the log only grew since.

    \b
    Example:
      dossier checkpoint --case chechnya.db --key ~/.dossier/team.key -o partner-2026-11.json
    """
    key, made = checkpoints.signing_key(key_file)
    if made:
        err.print(f"made a new signing key: {escape(str(key_file))} (keep it safe, apart from "
                  "the case; give partners its public half, which every checkpoint carries)")
    with _open(case_path) as case:
        found = checkpoints.make(case.view, key, case_path.name, utc_now())
        with case.writer.transaction() as tx:
            tx.log(Action.CHECKPOINT, None, size=found.size, root=found.root)
    if output is None:
        out.print_json(found.to_json())
        return
    try:
        output.write_text(found.to_json(), encoding="utf-8")
    except OSError as exc:
        raise checkpoints.CheckpointError(f"cannot write {output}: {exc.strerror or exc}"
                                          ) from exc
    out.print(f"checkpoint of {found.size} custody log entries written to {escape(str(output))}")


def _label(row: DocumentRow) -> str:
    name = Path(row.path).name if "://" not in row.path else row.path
    return f"{name}#{row.segment}" if row.segment else name


@main.group()
def judge() -> None:
    """Record an analyst's judgement (who, when, why); it is applied at once and on every
    build after, and kept in the custody log.

    \b
    Example:
      dossier judge copy doc-1a2b doc-3c4d --same --reason "same wire story" --case chechnya.db
    """


@judge.command("copy")
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@click.option("--same/--different", "same", required=True,
              help="They are copies of one story (--same) or not (--different).")
@judgement_options
@case_option()
def judge_copy(first: str, second: str, same: bool, reason: str, analyst: str,
               case_path: Path) -> None:
    """Judge whether documents A and B are copies (A, B: ID, ID prefix, path or file name).

    \b
    Example:
      dossier judge copy 04-official-statement.txt 05-northern-ledger.txt --different \\
        --reason "05 quotes the statement; it is not a re-post" --case chechnya.db
    """
    with _open(case_path) as case:
        rows = case.view.documents()
        a, b = (_choose_one(rows, wanted) for wanted in (first, second))
        if a.id == b.id:
            raise NotFoundError("A and B are the same document; name two different ones")
        if a.copy_group is None or b.copy_group is None:
            raise NotFoundError("only documents with a body are grouped; "
                                f"{_label(a if a.copy_group is None else b)} has none")
        from . import pipeline

        pipeline.judge_copy(case, Judgement(
            "copy", min(a.id, b.id), max(a.id, b.id), Verdict.COPY if same else Verdict.DIFFERENT,
            analyst, utc_now(), reason), Settings.from_environment())
        groups = {row.id: row.copy_group for row in case.view.documents()}
    together = groups[a.id] == groups[b.id]
    out.print(f"recorded: {_label(a)} and {_label(b)} are "
              f"{'the same story' if same else 'different stories'} (by {escape(analyst)}). "
              f"They are now in {'one copy group' if together else 'different copy groups'}.")


@judge.command("claim")
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@click.option("--same/--different", "same", required=True,
              help="They assert one fact (--same) or two (--different).")
@judgement_options
@case_option()
def judge_claim(first: str, second: str, same: bool, reason: str, analyst: str,
                case_path: Path) -> None:
    """Judge whether claims A and B assert the same fact (A, B: claim IDs or ID prefixes, as
    `dossier claims` shows them).

    The judgement names the passage each claim was founded on, so it still holds when a claim's
    ID changes because an earlier report joined it.

    \b
    Example:
      dossier judge claim claim-3f2a claim-91c0 --same --reason "both the Argun detentions" \\
        --case chechnya.db
    """
    with _open(case_path) as case:
        ids = [s.claim.id for s in case.view.claims()]
        a, b = (_choose_claim(ids, wanted) for wanted in (first, second))
        if a == b:
            raise NotFoundError("A and B are the same claim; name two different ones")
        anchors = [case.view.claim_anchor(x) or "" for x in (a, b)]
        from . import pipeline

        pipeline.judge_claims(case, Judgement(
            "claim", min(anchors), max(anchors), Verdict.SAME if same else Verdict.DIFFERENT,
            analyst, utc_now(), reason), Settings.from_environment())
        now = [case.view.claim_holding(anchor) for anchor in anchors]
    together = now[0] is not None and now[0] == now[1]
    out.print(f"recorded: {a} and {b} are {'one fact' if same else 'different facts'} "
              f"(by {escape(analyst)}). They are now "
              f"{'one claim, ' + str(now[0]) if together else 'separate claims'}.")


@judge.command("mention")
@click.argument("mention", metavar="M")
@click.option("--not-a-claim", "not_a_claim", is_flag=True, required=True,
              help="The passage asserts nothing to corroborate.")
@judgement_options
@case_option()
def judge_mention(mention: str, not_a_claim: bool, reason: str, analyst: str,
                  case_path: Path) -> None:
    """Judge that passage M (a mention ID, as `dossier claims --mentions` shows them) is not a
    claim: it is left out of every claim from now on.

    \b
    Example:
      dossier judge mention m-5d1e --not-a-claim --reason "the writer's opinion" \\
        --case chechnya.db
    """
    with _open(case_path) as case:
        known = sorted({m for s in case.view.claims()
                        for m in (*s.claim.mentions, *s.claim.denials)})
        chosen = [m for m in known if m.startswith(mention)]
        if len(chosen) != 1:
            raise NotFoundError(f"{mention!r} names {len(chosen)} mentions; "
                                "give a mention ID as `dossier claims --mentions` shows it")
        from . import pipeline

        pipeline.judge_claims(case, Judgement("mention", chosen[0], "", Verdict.NOT_A_CLAIM,
                                              analyst, utc_now(), reason),
                              Settings.from_environment())
    out.print(f"recorded: {chosen[0]} is not a claim (by {escape(analyst)}).")


def _choose_claim(ids: list[str], wanted: str) -> str:
    chosen = [x for x in ids if x.startswith(wanted)]
    if len(chosen) != 1:
        raise NotFoundError(f"{wanted!r} names {len(chosen)} claims; give a claim ID as "
                            "`dossier claims` shows it")
    return chosen[0]


def _choose_one(rows: list[DocumentRow], wanted: str) -> DocumentRow:
    chosen = _choose_documents(rows, wanted)
    if len(chosen) > 1:
        raise NotFoundError(f"{wanted!r} names {len(chosen)} documents ("
                            + ", ".join(f"{row.id} = {_label(row)}" for row in chosen[:5])
                            + "); give the document ID")
    return chosen[0]


@main.command()
@case_option()
@click.option("--type", "kind", type=click.Choice(["person", "organization", "place", "other"]),
              help="Only entities of this type.")
@click.option("--reasons", is_flag=True, help="Show why each entity's spellings were merged.")
@json_option
@confidential_option
def entities(case_path: Path, kind: str | None, reasons: bool, as_json: bool,
             include_confidential: bool = False) -> None:
    """List the people, organisations and places of the case, with their aliases.

    Spellings and transliterations of one name (Kadyrov, Kadyrow, Кадыров) are one entity;
    --reasons shows why each merge was made.

    \b
    Example:
      dossier entities --case chechnya.db --type person --reasons
    """
    with _open(case_path, write=include_confidential) as case:
        found = _hiding(case, include_confidential, "entities").apply(
            [e for e in case.view.entities() if kind is None or e.type == kind])
    if as_json:
        out.print_json(data=[{"id": e.id, "name": e.name, "type": e.type,
                              "aliases": list(e.aliases), "documents": e.documents,
                              "mentions": e.mentions, "merges": list(e.reasons)}
                             for e in found])
        return
    table = Table(title=f"entities ({len(found)})", title_justify="left")
    for name in ("entity", "type", "mentions", "documents", "aliases"):
        table.add_column(name, overflow="fold")
    if reasons:
        table.add_column("why merged", overflow="fold")
    for e in found:
        others = [alias for alias in e.aliases if alias != e.name]
        cells = [escape(e.name), e.type + (" (news outlet)" if e.media else ""),
                 str(e.mentions), str(e.documents), escape(", ".join(others)) or "—"]
        if reasons:
            cells.append(escape("; ".join(e.reasons)) or "—")
        table.add_row(*cells)
    out.print(table)


STATUSES = ("corroborated", "contested", "single-source", "denied")
DEMO_PROTECTED = "Aslan"  # the demo's protected person: the witness of 10-testimony-…
# The demo case's passphrase (DOSSIER_PASSPHRASE replaces it): printed by `dossier demo`, since
# the demo is there to be tried. A real case's passphrase is never written down anywhere.
DEMO_PASSPHRASE = "demo case passphrase, not a secret"
DEMO_WITNESS = ("Khamzat D.", "2017-04-18", "Moscow")  # invented, like the account itself


def _demo_testimony(case_path: Path) -> None:
    """The demo's confidential testimony, sealed under the demo passphrase (once)."""
    from .protect import keys
    from .protect.testimony import read_account, seal_testimony

    passphrase = os.environ.get("DOSSIER_PASSPHRASE", DEMO_PASSPHRASE)
    with _open(case_path) as case:
        if case.view.testimonies():
            return
        slots = case.view.key_slots()
        if slots:
            case_key = keys.open_case_key(slots, passphrase)[0]
        else:
            case_key = keys.new_key()
            with case.writer.transaction() as tx:
                tx.add_key_slot(keys.make_slot(case_key, passphrase, "custodian-1"))
        witness, date, place = DEMO_WITNESS
        with demo_testimony_file() as path:
            account = read_account(path, Settings.from_environment())
        sealed = seal_testimony(case_key, account, witness, date, place, set(), utc_now())
        with case.writer.transaction() as tx:
            tx.add_testimony(sealed)
        from . import pipeline

        pipeline.support_testimonies(case, Settings.from_environment(), case_key)


@main.command()
@case_option()
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--min-sources", type=int, default=0, help="Only claims with at least this many "
              "independent origins.")
@click.option("--why", is_flag=True, help="Show each claim's origins and why they count apart.")
@click.option("--mentions", "show_mentions", is_flag=True,
              help="Show every passage (with its mention ID, for `dossier judge mention`).")
@json_option
@confidential_option
def claims(case_path: Path, status: str | None, min_sources: int, why: bool,
           show_mentions: bool, as_json: bool, include_confidential: bool = False) -> None:
    """List the claims: each fact with how many independent origins back it and who denies it.

    Copies of one story, articles of one outlet, and articles citing an outlet ("according to
    Novaya Gazeta") count as one origin; --why shows each origin and why.

    \b
    Example:
      dossier claims --case chechnya.db --status contested --why
    """
    with _open(case_path, write=include_confidential) as case:
        hiding, quotes = _clearance(case, include_confidential, "claims")
        stored = hiding.apply(case.view.claims(
            status=status, min_sources=min_sources, with_evidence=show_mentions or as_json))
    if as_json:
        out.print_json(data=[json_contract.claim_json(s, quotes) for s in stored])
        return
    table = Table(title=f"claims ({len(stored)})", title_justify="left")
    for name in ("claim", "status", "origins", "mentions", "date", "statement"):
        table.add_column(name, overflow="fold")
    for s in stored:
        c = s.claim
        text = escape(c.statement)
        if c.figures is not None:
            f = c.figures
            text += f"\n[dim]figures {f.low} to {f.high}, conservative estimate {f.estimate}" \
                    + (" (disputed)" if f.disputed else "") + "[/]"
        if s.links:
            deniers = sorted({link.denier_name or "an unnamed source" for link in s.links})
            text += f"\n[dim]denied by {escape(', '.join(deniers))}[/]"
        if why:
            for o in c.origins:
                text += f"\n  · {escape(o.label)}: {escape('; '.join(o.reasons))}"
            for pseudonym in s.confidential:
                text += f"\n  · {escape(pseudonym)}'s testimony: confidential, an origin of its own"
        if show_mentions:
            for m in (*c.mentions, *c.denials, *(link.denial for link in s.links)):
                e = s.evidence[m]
                text += f"\n  {m} {escape(e.outlet_name or e.document)}: {escape(e.text)}"
        table.add_row(c.id, c.status.value, str(s.independent_sources),
                      str(len(c.mentions) + len(c.denials)),
                      f"{c.date} ({c.precision})" if c.date else "—", text)
    out.print(table)


@main.command()
@case_option()
@json_option
@confidential_option
def timeline(case_path: Path, as_json: bool, include_confidential: bool = False) -> None:
    """Show dated claims and denials in order, with date precision and support; undated
    claims are listed apart.

    \b
    Example:
      dossier timeline --case chechnya.db
    """
    with _open(case_path, write=include_confidential) as case:
        hiding = _hiding(case, include_confidential, "timeline")
        rows = case.view.timeline()
        if as_json:
            stored = case.view.claims(sorted({row.claim for row in rows}))
            out.print_json(data=hiding.apply({
                "timeline": json_contract.timeline_json(rows, {s.claim.id: s for s in stored}),
                "undated_claims": case.view.undated_claims()}))
            return
        summary = hiding.apply(case.view.claim_summaries())
    table = Table(title=f"timeline ({len(rows)})", title_justify="left")
    for name in ("date", "precision", "kind", "status", "origins", "statement"):
        table.add_column(name, overflow="fold")
    for row in rows:
        status, sources, statement = summary[row.claim]
        table.add_row(row.date, row.precision, row.kind, status, str(sources), escape(statement))
    out.print(table)
    dated = {row.claim for row in rows}
    undated = sum(1 for claim in summary if claim not in dated)
    out.print(f"undated claims: {undated} (dossier claims lists them)")


@main.command()
@case_option()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (for CSV: a folder, or a .zip file) instead of standard "
                   "output.")
@confidential_option
def export(case_path: Path, fmt: str, output: Path | None,
           include_confidential: bool = False) -> None:
    """Export the case: the public JSON contract (docs/export.md); CSV tables of claims,
    mentions, entities and documents (-o a folder, or a .zip); or FollowTheMoney entities as
    JSON lines, for Aleph.

    \b
    Example:
      dossier export --case chechnya.db --format json -o chechnya.json
      dossier export --case chechnya.db --format csv -o chechnya-tables/
      dossier export --case chechnya.db --format ftm -o chechnya.ftm.json
    """
    with _open(case_path) as case:
        hiding, quotes = _clearance(case, include_confidential, f"export {fmt}")
        size = write_export(case, fmt, output, sys.stdout.buffer, hiding, quotes)
    if output is not None:
        err.print(f"wrote {output} ({size:,} bytes)")


@main.command()
@case_option()
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The report file: case.html (self-contained) or case.md.")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS),
              help="HTML or Markdown; by default from the file's suffix.")
@confidential_option
def report(case_path: Path, output: Path, fmt: str | None,
           include_confidential: bool = False) -> None:
    """Write the case report: a summary, the claims by status with footnoted sources, the
    timeline, the people, organisations and places, how the counts were made, and every
    source with its SHA-256 and capture data. One file, printable, needing nothing else.

    \b
    Example:
      dossier report --case chechnya.db -o chechnya.html
    """
    chosen = fmt or output.suffix.lstrip(".").lower()
    if chosen not in REPORT_FORMATS:
        raise click.BadParameter(f"{output.name} is neither .html nor .md; give --format",
                                 param_hint="-o")
    with _open(case_path) as case:
        hiding, quotes = _clearance(case, include_confidential, f"report {chosen}")
        size = write_export(case, chosen, output, sys.stdout.buffer, hiding, quotes)
    err.print(f"wrote {output} ({size:,} bytes)")


def serve_options(func: F) -> F:
    """--host and --port of the web UI."""
    func = click.option("--port", type=click.IntRange(1, 65535), default=8080,
                        show_default=True, help="The port to listen on.")(func)
    return click.option("--host", default="127.0.0.1", show_default=True,
                        help="The address to listen on (127.0.0.1: this machine only).")(func)


@main.command()
@case_option()
@serve_options
@confidential_option
@click.option("--certfile", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Serve over TLS with this certificate (PEM), and --keyfile.")
@click.option("--keyfile", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The certificate's private key (PEM).")
def serve(case_path: Path, host: str, port: int, include_confidential: bool = False,
          certfile: Path | None = None, keyfile: Path | None = None) -> None:
    """Open the case in a web browser: overview, claims with their passages, documents and
    rejected files, each page with its JSON twin under /api/ (schema at /openapi.json).

    A case without users is served to this machine only. With users (dossier user add),
    everyone signs in and sees what their role allows; another address needs TLS (--certfile
    and --keyfile, or a TLS proxy in front of 127.0.0.1). --include-confidential unlocks the
    server with the case passphrase: cleared analysts then see protected people's names.

    \b
    Example:
      dossier serve --case chechnya.db --port 8080
    """
    if (certfile is None) != (keyfile is None):
        raise click.UsageError("give both --certfile and --keyfile, or neither")
    with _open(case_path, write=False) as case:
        has_users = case.view.has_users()
    if host not in LOOPBACK:
        if not has_users:
            raise click.UsageError(
                f"this case has no users, so it is served to this machine only: {host} would "
                "let anyone who reaches it read the case. Add users first (dossier user add), "
                "or serve on 127.0.0.1")
        if certfile is None:
            raise click.UsageError(
                f"on {host}, passwords and session cookies would cross the network in the "
                "clear: give --certfile and --keyfile, or serve on 127.0.0.1 behind a TLS "
                "proxy (nginx, caddy) on this machine")
    quotes = None
    if include_confidential:
        with _open(case_path) as case:
            quotes = _clearance(case, include_confidential, "serve (unlocked)")[1]
    _serve(case_path, host, port, unlocked=include_confidential, quotes=quotes,
           tls=(certfile, keyfile) if certfile and keyfile else None)


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _serve(case_path: Path, host: str, port: int, unlocked: bool = False,
           tls: tuple[Path, Path] | None = None,
           quotes: json_contract.Quotes | None = None) -> None:
    import uvicorn  # loaded only here: the other commands start faster without the web stack

    from .web import create_app

    app = create_app(case_path, unlocked=unlocked, settings=Settings.from_environment(),
                     loopback=host in LOOPBACK, quotes=quotes)
    scheme = "https" if tls else "http"
    out.print(f"serving {escape(str(case_path))} on {scheme}://{host}:{port}/ — Ctrl+C stops")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning",
                    ssl_certfile=str(tls[0]) if tls else None,
                    ssl_keyfile=str(tls[1]) if tls else None)
    except ssl.SSLError as exc:
        raise click.ClickException(f"cannot serve over TLS with {tls[0] if tls else ''}: "
                                   f"{exc.reason or exc}") from exc
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


@main.command()
@case_option("demo.db")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--serve", "then_serve", is_flag=True,
              help="Then serve the case in a web browser (see dossier serve).")
@serve_options
def demo(case_path: Path, quiet: bool, then_serve: bool, host: str, port: int) -> None:
    """Build the bundled demo case (the 2017 Chechnya reports); show its sources, copies,
    entities and the claims at least two independent origins back; write its report beside it
    (demo.html).

    \b
    Example:
      dossier demo --case demo.db
    """
    case_path = case_path.resolve()
    with corpus_folder() as corpus, contextlib.chdir(corpus.parent):
        _run_build(case_path, [Path(corpus.name)], quiet, None, Settings.from_environment())
    with _open(case_path) as case:
        if not case.view.protected_people():
            # the witness of the composite account: shown everywhere as a pseudonym
            person = protection(DEMO_PROTECTED, case.view.entities(), set(), "dossier demo",
                                "a witness: named only as a pseudonym", utc_now())
            with case.writer.transaction() as tx:
                tx.protect(person)
    _demo_testimony(case_path)
    sources.callback(case_path=case_path, rejected=False, document=None)  # type: ignore[misc]
    copies.callback(case_path=case_path, show_all=False)  # type: ignore[misc]
    entities.callback(case_path=case_path, kind=None, reasons=False,  # type: ignore[misc]
                      as_json=False)
    claims.callback(case_path=case_path, status=None, min_sources=2,  # type: ignore[misc]
                    why=True, show_mentions=False, as_json=False)
    report_path = case_path.with_suffix(".html")
    with _open(case_path) as case:
        write_export(case, "html", report_path, sys.stdout.buffer)
    out.print(f"The case report: {escape(str(report_path))}")
    out.print("A confidential testimony is sealed in the case: `dossier testimony list "
              "--include-confidential` opens it with the passphrase (DOSSIER_PASSPHRASE; the "
              f"demo's is \"{DEMO_PASSPHRASE}\"). Its witness and the composite account's "
              "are protected: outputs show them as pseudonyms.")
    out.print("Every claim, with its passages: dossier claims --mentions --case "
              f"{escape(str(case_path))}; in date order: dossier timeline; in a browser: "
              "dossier serve")
    if then_serve:
        _serve(case_path, host, port)


from . import cli_protection, cli_testimony, cli_users  # noqa: E402,F401  (register commands)
