"""Users of a shared case: passwords read from standard input and kept only as Argon2id
hashes, roles, every change logged without the password; a case without users is served to
this machine only."""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
import ssl
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from argon2 import PasswordHasher
from click.testing import CliRunner, Result
from conftest import Dossier
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from serving import listening

from dossier.cli import main
from dossier.web import create_app

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


def test_roles_clearance_and_sessions_from_the_command_line(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    assert run(case, "user", "add", "omar", "--role", "viewer", "--cleared", "--password-stdin",
               password=PASSWORD).exit_code == 2  # a viewer is never cleared
    assert run(case, "user", "add", "omar", "--role", "analyst", "--cleared",
               "--password-stdin", password=PASSWORD).exit_code == 0
    dossier = Dossier(case)
    assert dossier.sql("SELECT role, cleared FROM users") == [("analyst", 1)]
    assert run(case, "user", "set", "omar").exit_code == 2  # nothing to change
    assert run(case, "user", "set", "omar", "--role", "viewer").exit_code == 2  # still cleared
    assert run(case, "user", "set", "omar", "--role", "viewer", "--not-cleared").exit_code == 0
    assert dossier.sql("SELECT role, cleared FROM users") == [("viewer", 0)]
    assert run(case, "user", "set", "nobody", "--role", "admin").exit_code == 2
    signed_out = run(case, "user", "signout", "omar")
    assert signed_out.exit_code == 0 and "0 sessions" in signed_out.output


def test_api_tokens_are_shown_once_and_kept_as_hashes(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    assert run(case, "user", "add", "lena", "--role", "viewer", "--password-stdin",
               password=PASSWORD).exit_code == 0
    refused = run(case, "token", "add", "lena", "--scope", "judge", "--label", "x")
    assert refused.exit_code == 2 and "viewer" in refused.output  # a viewer cannot judge
    made = CliRunner().invoke(main, ["token", "add", "lena", "--scope", "read", "--label",
                                     "nightly export", "--days", "7", "--case", str(case)])
    assert made.exit_code == 0, made.output
    raw = made.stdout.strip().splitlines()[-1]
    assert raw.startswith("dsr_") and len(raw) > 40
    assert raw.encode() not in case.read_bytes()
    dossier = Dossier(case)
    ((stored, kind, scope),) = dossier.sql("SELECT token_hash, kind, scope FROM sessions")
    assert stored == hashlib.sha256(raw.encode()).hexdigest() and (kind, scope) == (
        "token", "read")
    listed = json.loads(run(case, "token", "list", "--json").output)
    assert [(t["user"], t["scope"], t["label"]) for t in listed] == [
        ("lena", "read", "nightly export")]
    assert raw not in json.dumps(listed)
    assert run(case, "token", "revoke", "t-00000000").exit_code == 2
    assert run(case, "token", "revoke", listed[0]["id"]).exit_code == 0
    assert dossier.sql("SELECT count(*) FROM sessions") == [(0,)]
    log = [json.loads(d) for (d,) in dossier.sql(
        "SELECT detail FROM custody_log WHERE action = 'api-token'")]
    assert [e["change"] for e in log] == ["made", "revoked"]
    assert raw not in json.dumps(log) and stored not in json.dumps(log)


def test_a_shared_case_is_served_over_tls_with_secure_cookies(demo_case: Path,
                                                              tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    case.write_bytes(demo_case.read_bytes())
    assert run(case, "user", "add", "amina", "--role", "viewer", "--password-stdin",
               password=PASSWORD).exit_code == 0
    half = run(case, "serve", "--certfile", str(case))
    assert half.exit_code == 2 and "both" in half.output
    cert, key = _self_signed(tmp_path)
    trusted = ssl.create_default_context(cafile=str(cert))
    with (listening(create_app(case), ssl_certfile=str(cert), ssl_keyfile=str(key)) as port,
          httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=trusted) as client):
        assert client.get("/api/overview").status_code == 401
        form = client.get("/login")
        nonce = re.search(r'name="nonce" value="([^"]+)"', form.text)
        assert nonce
        signed = client.post("/login", data={"name": "amina", "password": PASSWORD,
                                             "nonce": nonce.group(1), "next": "/"})
        assert signed.status_code == 303, signed.text
        cookie = next(v for k, v in signed.headers.multi_items()
                      if k == "set-cookie" and v.startswith("__Host-dossier_session="))
        assert {"Secure", "HttpOnly", "SameSite=strict", "Path=/"} <= {
            part.strip() for part in cookie.split(";")}
        overview = client.get("/")
        assert overview.status_code == 200 and "amina · viewer" in overview.text


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (cryptography), as an admin would make one."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=1)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(
                ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path
