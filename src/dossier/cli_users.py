"""`dossier user …`: who may sign in to a shared case, with which role. Registered on the
`dossier` command by cli.py. Passwords come from standard input (`--password-stdin`), never an
argument, and are stored only as Argon2id hashes."""

from __future__ import annotations

import os
import sys
from getpass import getuser
from pathlib import Path

import click
from argon2 import PasswordHasher
from rich.markup import escape
from rich.table import Table

from .cli import _open, case_option, json_option, main, out
from .errors import DossierError, NotFoundError

ROLES = ("viewer", "analyst", "admin")
MIN_PASSWORD_CHARS = 12  # as a passphrase: a few unrelated words
MAX_NAME_CHARS = 80


def _password() -> str:
    """The password from standard input (its first line)."""
    if sys.stdin.isatty():
        raise DossierError("give the password on standard input, e.g. "
                           "`read -s P && printf '%s' \"$P\" | dossier user add … "
                           "--password-stdin`; never as an argument")
    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_PASSWORD_CHARS:
        raise DossierError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")
    return password


def _who() -> str:
    return os.environ.get("DOSSIER_ANALYST") or getuser()


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
@click.option("--password-stdin", "from_stdin", is_flag=True, required=True,
              help="Read the password from standard input (required: never an argument).")
def user_add(name: str, case_path: Path, role: str, from_stdin: bool) -> None:
    """Add a user with a role and a password (hashed with Argon2id).

    \b
    Example:
      printf '%s' "$PASSWORD" | dossier user add --case chechnya.db amina --role analyst \\
        --password-stdin
    """
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS or not name.isprintable():
        raise click.BadParameter(f"a user name is 1 to {MAX_NAME_CHARS} printable characters",
                                 param_hint="NAME")
    with _open(case_path, create=True) as case:
        if any(u.name == name for u in case.view.users()):
            raise DossierError(f"{name!r} is a user already (dossier user passwd to change "
                               "the password)")
        hashed = PasswordHasher().hash(_password())
        with case.writer.transaction() as tx:
            tx.put_user(name, role, hashed, _who(), "added")
    out.print(f"{escape(name)} added as {role}")


@user.command("passwd")
@click.argument("name")
@case_option()
@click.option("--role", type=click.Choice(ROLES), help="Also give them this role.")
@click.option("--password-stdin", "from_stdin", is_flag=True, required=True,
              help="Read the new password from standard input.")
def user_passwd(name: str, case_path: Path, role: str | None, from_stdin: bool) -> None:
    """Give a user a new password (and, with --role, a new role).

    \b
    Example:
      printf '%s' "$PASSWORD" | dossier user passwd --case chechnya.db amina --password-stdin
    """
    with _open(case_path) as case:
        found = next((u for u in case.view.users() if u.name == name), None)
        if found is None:
            raise NotFoundError(f"there is no user {name!r} in this case")
        hashed = PasswordHasher().hash(_password())
        with case.writer.transaction() as tx:
            tx.put_user(name, role or found.role, hashed, _who(),
                        "password" if role in (None, found.role) else "password and role")
    out.print(f"new password for {escape(name)}")


@user.command("remove")
@click.argument("name")
@case_option()
def user_remove(name: str, case_path: Path) -> None:
    """Remove a user: they can no longer sign in.

    \b
    Example:
      dossier user remove --case chechnya.db amina
    """
    with _open(case_path) as case:
        if not any(u.name == name for u in case.view.users()):
            raise NotFoundError(f"there is no user {name!r} in this case")
        with case.writer.transaction() as tx:
            tx.remove_user(name, _who())
    out.print(f"{escape(name)} removed")


@user.command("list")
@case_option()
@json_option
def user_list(case_path: Path, as_json: bool) -> None:
    """List the users and their roles (never their password hashes).

    \b
    Example:
      dossier user list --case chechnya.db
    """
    with _open(case_path, write=False) as case:
        users = case.view.users()
    if as_json:
        out.print_json(data=[{"name": u.name, "role": u.role, "added": u.created_at,
                              "changed": u.changed_at} for u in users])
        return
    table = Table(title=f"users ({len(users)})", title_justify="left")
    for column in ("user", "role", "added", "changed"):
        table.add_column(column)
    for u in users:
        table.add_row(escape(u.name), u.role, u.created_at[:16], u.changed_at[:16])
    out.print(table)
