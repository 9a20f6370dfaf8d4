"""`dossier user …` and `dossier token …`: who may sign in to a shared case, with which role,
and the API tokens scripts use. Registered on the `dossier` command by cli.py. Passwords come
from standard input (`--password-stdin`), never an argument, and are stored only as Argon2id
hashes; a token is printed once and stored only as its SHA-256."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from getpass import getuser
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from . import access
from .access import ROLES, SCOPES
from .cli import _open, case_option, json_option, main, out
from .config import Settings
from .errors import DossierError, NotFoundError
from .store.access import SESSION, TOKEN, UserRow
from .store.case import Case
from .store.writer import utc_now


def _password() -> str:
    """The password from standard input (its first line)."""
    if sys.stdin.isatty():
        raise DossierError("give the password on standard input, e.g. "
                           "`read -s P && printf '%s' \"$P\" | dossier user add … "
                           "--password-stdin`; never as an argument")
    password = sys.stdin.readline().rstrip("\r\n")
    problem = access.password_problem(password)
    if problem:
        raise DossierError(problem)
    return password


def _who() -> str:
    return os.environ.get("DOSSIER_ANALYST") or getuser()


def _user(case: Case, name: str) -> UserRow:
    found = case.view.user(name)
    if found is None:
        raise NotFoundError(f"there is no user {name!r} in this case")
    return found


def _clearance(role: str, cleared: bool) -> bool:
    problem = access.clearance_problem(role, cleared)
    if problem:
        raise DossierError(problem)
    return cleared


cleared_option = click.option(
    "--cleared/--not-cleared", default=None,
    help="Cleared for confidential material (an analyst or admin; it shows only on a server "
         "unlocked with the passphrase).")


@main.group()
def user() -> None:
    """Users of a shared case: viewer (reads; protected people as pseudonyms, no confidential
    material), analyst (also judges; confidential material when cleared), admin (also manages
    users and protection).

    \b
    Example:
      printf '%s' "$PASSWORD" | dossier user add --case chechnya.db amina --role analyst \\
        --password-stdin
    """


@user.command("add")
@click.argument("name")
@case_option()
@click.option("--role", type=click.Choice(ROLES), required=True)
@cleared_option
@click.option("--password-stdin", "from_stdin", is_flag=True, required=True,
              help="Read the password from standard input (required: never an argument).")
def user_add(name: str, case_path: Path, role: str, cleared: bool | None,
             from_stdin: bool) -> None:
    """Add a user with a role and a password (hashed with Argon2id).

    \b
    Example:
      printf '%s' "$PASSWORD" | dossier user add --case chechnya.db amina --role analyst \\
        --cleared --password-stdin
    """
    problem = access.name_problem(name)
    if problem:
        raise click.BadParameter(problem, param_hint="NAME")
    with _open(case_path, create=True) as case:
        if case.view.user(name) is not None:
            raise DossierError(f"{name!r} is a user already (dossier user passwd to change "
                               "the password, dossier user set for the role)")
        hashed = access.hashed(_password())
        with case.writer.transaction() as tx:
            tx.add_user(name, role, hashed, _clearance(role, bool(cleared)), utc_now(), _who())
    out.print(f"{escape(name)} added as {role}{' (cleared)' if cleared else ''}")


@user.command("passwd")
@click.argument("name")
@case_option()
@click.option("--role", type=click.Choice(ROLES), help="Also give them this role.")
@click.option("--password-stdin", "from_stdin", is_flag=True, required=True,
              help="Read the new password from standard input.")
def user_passwd(name: str, case_path: Path, role: str | None, from_stdin: bool) -> None:
    """Give a user a new password (and, with --role, a new role); their sessions end.

    \b
    Example:
      printf '%s' "$PASSWORD" | dossier user passwd --case chechnya.db amina --password-stdin
    """
    with _open(case_path) as case:
        found = _user(case, name)
        hashed = access.hashed(_password())
        with case.writer.transaction() as tx:
            ended = tx.set_password(name, hashed, utc_now(), _who())
            if role not in (None, found.role):
                assert role is not None
                tx.set_access(name, role, found.cleared and role != "viewer", utc_now(), _who())
    out.print(f"new password for {escape(name)}"
              + (f"; {ended} session{'s' * (ended != 1)} ended" if ended else ""))


@user.command("set")
@click.argument("name")
@case_option()
@click.option("--role", type=click.Choice(ROLES), help="Their new role.")
@cleared_option
def user_set(name: str, case_path: Path, role: str | None, cleared: bool | None) -> None:
    """Change a user's role or clearance; it holds from their next request.

    \b
    Example:
      dossier user set --case chechnya.db amina --role analyst --cleared
    """
    if role is None and cleared is None:
        raise click.UsageError("give --role, --cleared or --not-cleared")
    with _open(case_path) as case:
        found = _user(case, name)
        new_role = role or found.role
        new_cleared = _clearance(new_role, found.cleared if cleared is None else cleared)
        with case.writer.transaction() as tx:
            tx.set_access(name, new_role, new_cleared, utc_now(), _who())
    out.print(f"{escape(name)} is {new_role}{', cleared' if new_cleared else ''}")


@user.command("signout")
@click.argument("name")
@case_option()
def user_signout(name: str, case_path: Path) -> None:
    """End every session of a user now (a lost laptop, a shared browser); their tokens stay.

    \b
    Example:
      dossier user signout --case chechnya.db amina
    """
    with _open(case_path) as case:
        _user(case, name)
        sessions = case.view.credentials(name, SESSION)
        with case.writer.transaction() as tx:
            for s in sessions:
                tx.end_credential(s.id, "ended", _who())
    out.print(f"{len(sessions)} session{'s' * (len(sessions) != 1)} of {escape(name)} ended")


@user.command("remove")
@click.argument("name")
@case_option()
def user_remove(name: str, case_path: Path) -> None:
    """Remove a user: they can no longer sign in, and their sessions and tokens end.

    \b
    Example:
      dossier user remove --case chechnya.db amina
    """
    with _open(case_path) as case:
        _user(case, name)
        with case.writer.transaction() as tx:
            tx.remove_user(name, _who())
    out.print(f"{escape(name)} removed")


@user.command("list")
@case_option()
@json_option
def user_list(case_path: Path, as_json: bool) -> None:
    """List the users, their roles and clearance (never their password hashes).

    \b
    Example:
      dossier user list --case chechnya.db
    """
    settings = Settings.from_environment()
    with _open(case_path, write=False) as case:
        users = case.view.users()
        window = access.lockout_window(datetime.now(UTC), settings).isoformat()
        locked = {u.name: access.locked(case.view.login_failures(u.name, window), settings)
                  for u in users}
        sessions = [c.user for c in case.view.credentials(kind=SESSION)]
    rows = [{"name": u.name, "role": u.role, "cleared": u.cleared, "locked": locked[u.name],
             "sessions": sessions.count(u.name), "added": u.created_at, "changed": u.changed_at}
            for u in users]
    if as_json:
        out.print_json(data=rows)
        return
    table = Table(title=f"users ({len(users)})", title_justify="left")
    for column in ("user", "role", "cleared", "sessions", "added", "changed"):
        table.add_column(column)
    for r in rows:
        table.add_row(escape(str(r["name"])) + (" [b](locked out)[/b]" if r["locked"] else ""),
                      str(r["role"]), "yes" if r["cleared"] else "", str(r["sessions"]),
                      str(r["added"])[:16], str(r["changed"])[:16])
    out.print(table)


# -- API tokens --------------------------------------------------------------------------------

@main.group()
def token() -> None:
    """API tokens for scripts: each acts as its user, capped by its scope (read: as a viewer;
    judge: as an analyst), never with confidential material. Sent as `Authorization: Bearer
    TOKEN`.

    \b
    Example:
      dossier token add --case chechnya.db amina --scope read --label "nightly export"
    """


@token.command("add")
@click.argument("name")
@case_option()
@click.option("--scope", type=click.Choice(sorted(SCOPES)), required=True,
              help="read: what a viewer sees; judge: also record judgements (an analyst's "
                   "or admin's token only).")
@click.option("--label", required=True, help="What it is for, e.g. the script's name.")
@click.option("--days", type=click.IntRange(1, 3650),
              help="How long it lasts (default: api_token_days, 90).")
def token_add(name: str, case_path: Path, scope: str, label: str, days: int | None) -> None:
    """Make an API token for a user's scripts; it is printed once and only its hash is kept.

    \b
    Example:
      dossier token add --case chechnya.db amina --scope read --label "nightly export"
    """
    settings = Settings.from_environment()
    with _open(case_path) as case:
        found = _user(case, name)
        if not access.at_least(found.role, SCOPES[scope]):
            raise DossierError(f"{name} is a {found.role}: a token of scope {scope} needs an "
                               f"{SCOPES[scope]} or more")
        new = access.new_token(api=True)
        now = datetime.now(UTC)
        expires = now + timedelta(days=days or settings.api_token_days)
        with case.writer.transaction() as tx:
            tx.add_credential(new.hash, new.id, name, TOKEN, now.isoformat(), expires.isoformat(),
                              scope=scope, label=label[:80], by=_who())
    sys.stderr.write(f"token {new.id} for {name} ({scope}) until {expires:%Y-%m-%d}; it is shown "
                     "only now:\n")
    sys.stdout.write(new.raw + "\n")


@token.command("list")
@case_option()
@json_option
def token_list(case_path: Path, as_json: bool) -> None:
    """List the API tokens: ID, user, scope, label, last use, expiry (never the token).

    \b
    Example:
      dossier token list --case chechnya.db
    """
    with _open(case_path, write=False) as case:
        tokens = case.view.credentials(kind=TOKEN)
    rows = [{"id": t.id, "user": t.user, "scope": t.scope, "label": t.label,
             "created": t.created_at, "last_used": t.last_seen_at, "expires": t.expires_at}
            for t in tokens]
    if as_json:
        out.print_json(data=rows)
        return
    table = Table(title=f"API tokens ({len(rows)})", title_justify="left")
    for column in ("id", "user", "scope", "label", "last used", "expires"):
        table.add_column(column)
    for t in tokens:
        table.add_row(t.id, escape(t.user), t.scope or "", escape(t.label or ""),
                      t.last_seen_at[:16], t.expires_at[:10])
    out.print(table)


@token.command("revoke")
@click.argument("token_id", metavar="ID")
@case_option()
def token_revoke(token_id: str, case_path: Path) -> None:
    """Revoke an API token by its ID (as `dossier token list` shows it).

    \b
    Example:
      dossier token revoke --case chechnya.db t-1a2b3c4d
    """
    with _open(case_path) as case:
        if token_id not in {t.id for t in case.view.credentials(kind=TOKEN)}:
            raise NotFoundError(f"there is no API token {token_id!r} in this case")
        with case.writer.transaction() as tx:
            tx.end_credential(token_id, "revoked", _who())
    out.print(f"token {token_id} revoked")
