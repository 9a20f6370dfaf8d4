"""Users of a shared case: passwords read from standard input and kept only as Argon2id
hashes, roles, every change logged without the password; a case without users is served to
this machine only."""

from __future__ import annotations

import json
from pathlib import Path

from argon2 import PasswordHasher
from click.testing import CliRunner, Result
from conftest import Dossier

from dossier.cli import main

PASSWORD = "four unrelated words here"


def run(case: Path, *args: str, password: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--case", str(case)], input=password,
                              catch_exceptions=False)


def test_users_are_added_with_hashed_passwords_and_logged(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    added = run(case, "user", "add", "amina", "--role", "analyst", "--password-stdin",
                password=PASSWORD)
    assert added.exit_code == 0, added.output
    assert PASSWORD.encode() not in case.read_bytes()
    dossier = Dossier(case)
    ((stored,),) = dossier.sql("SELECT password_hash FROM users WHERE name = 'amina'")
    assert stored.startswith("$argon2id$") and PasswordHasher().verify(stored, PASSWORD)
    listed = json.loads(run(case, "user", "list", "--json").output)
    assert listed == [{"name": "amina", "role": "analyst", "cleared": False, "locked": False,
                       "sessions": 0, "added": listed[0]["added"],
                       "changed": listed[0]["changed"]}]
    again = run(case, "user", "add", "amina", "--role", "viewer", "--password-stdin",
                password=PASSWORD)
    assert again.exit_code == 2 and "already" in again.output
    short = run(case, "user", "add", "omar", "--role", "viewer", "--password-stdin",
                password="short")
    assert short.exit_code == 2 and "at least" in short.output
    changed = run(case, "user", "passwd", "amina", "--role", "admin", "--password-stdin",
                  password="another long password")
    assert changed.exit_code == 0
    ((role, new),) = dossier.sql("SELECT role, password_hash FROM users")
    assert role == "admin" and PasswordHasher().verify(new, "another long password")
    assert run(case, "user", "remove", "amina").exit_code == 0
    assert run(case, "user", "remove", "amina").exit_code == 2
    log = [json.loads(d) for (d,) in dossier.sql(
        "SELECT detail FROM custody_log WHERE action = 'user'")]
    assert [e["change"] for e in log] == ["added", "password", "access", "removed"]
    assert not any("password_hash" in e or PASSWORD in json.dumps(e) for e in log)


def test_a_case_without_users_is_served_to_this_machine_only(demo_case: Path,
                                                              tmp_path: Path) -> None:
    refused = run(demo_case, "serve", "--host", "0.0.0.0")
    assert refused.exit_code == 2 and "no users" in refused.output
    case = tmp_path / "case.db"
    case.write_bytes(demo_case.read_bytes())
    assert run(case, "user", "add", "amina", "--role", "viewer", "--password-stdin",
               password=PASSWORD).exit_code == 0
    clear = run(case, "serve", "--host", "0.0.0.0")
    assert clear.exit_code == 2 and "--certfile" in clear.output  # passwords need TLS
