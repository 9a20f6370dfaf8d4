"""Signed checkpoints of the custody log: proof, to anyone holding one, that the log only grew.

The log's entries (their chained hashes, in order) are the leaves of an RFC 6962 Merkle tree
(pymerkle, SHA-256, leaf and node prefixes). `dossier checkpoint` signs the tree's size and root
with an Ed25519 key (cryptography) that the team keeps apart from the case; a partner keeps
the small JSON file it writes. `dossier verify --checkpoint FILE` checks the signature, then
that the first `size` entries of today's log still have that root — which fails if any of them
was changed, removed, reordered, or the log truncated below it, even with the hash chain
recomputed to match — and proves with a consistency proof that today's tree extends it.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pymerkle import InmemoryTree, InvalidProof, verify_consistency

from ..errors import DossierError
from .views import CaseView

FORMAT = "dossier-checkpoint"
VERSION = 1


class CheckpointError(DossierError):
    """A checkpoint or key file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Checkpoint:
    case: str
    size: int  # custody log entries covered
    root: str  # RFC 6962 Merkle root of their hashes, hex
    at: str
    public_key: str  # Ed25519, raw, base64
    signature: str  # over `signed_bytes`, base64
    format: str = FORMAT
    version: int = VERSION

    def signed_bytes(self) -> bytes:
        return f"{FORMAT}/{VERSION}\n{self.case}\n{self.size}\n{self.root}\n{self.at}".encode()

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"


def log_tree(view: CaseView) -> InmemoryTree:
    """The custody log as a Merkle tree, one leaf per entry (its chained hash), in order."""
    tree = InmemoryTree(algorithm="sha256")
    for entry in view.custody_entries():
        tree.append_entry(entry.entry_hash.encode())
    return tree


def signing_key(path: Path) -> tuple[Ed25519PrivateKey, bool]:
    """The Ed25519 key at `path` (PEM), made there (readable by its owner only) if missing;
    and whether it was made."""
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError, OSError) as exc:
            raise CheckpointError(f"{path} is not an Ed25519 private key in PEM: {exc}") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise CheckpointError(f"{path} holds a key, but not an Ed25519 one")
        return key, False
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(pem)
    except OSError as exc:
        raise CheckpointError(f"cannot write the key {path}: {exc.strerror or exc}") from exc
    return key, True


def make(view: CaseView, key: Ed25519PrivateKey, case_name: str, at: str) -> Checkpoint:
    tree = log_tree(view)
    size = tree.get_size()
    root = tree.get_root(size).hex() if size else ""
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    unsigned = Checkpoint(case_name, size, root, at, base64.b64encode(public).decode(), "")
    signature = key.sign(unsigned.signed_bytes())
    return Checkpoint(case_name, size, root, at, unsigned.public_key,
                      base64.b64encode(signature).decode())


def read(path: Path) -> Checkpoint:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        found = Checkpoint(**raw)
    except (OSError, ValueError, TypeError) as exc:
        raise CheckpointError(f"{path} is not a dossier checkpoint: {exc}") from exc
    if found.format != FORMAT or found.version != VERSION:
        raise CheckpointError(f"{path} is not a dossier checkpoint of version {VERSION}")
    return found


def check(view: CaseView, checkpoint: Checkpoint, pinned: bytes | None = None
          ) -> tuple[list[str], int]:
    """What is wrong between the checkpoint and today's log (nothing: it only grew), and how
    many entries the log has now. `pinned`: the raw public key the verifier trusts."""
    problems: list[str] = []
    try:
        public = base64.b64decode(checkpoint.public_key)
        if pinned is not None and public != pinned:
            problems.append("the checkpoint was signed with another key than the one given")
        Ed25519PublicKey.from_public_bytes(public).verify(
            base64.b64decode(checkpoint.signature), checkpoint.signed_bytes())
    except (InvalidSignature, ValueError):
        problems.append("the checkpoint's signature does not hold: the file was altered")
        return problems, 0
    tree = log_tree(view)
    size = tree.get_size()
    if size < checkpoint.size:
        problems.append(f"the custody log has {size} entries, fewer than the "
                        f"{checkpoint.size} the checkpoint covers: it was truncated")
        return problems, size
    if checkpoint.size == 0:
        return problems, size
    then = tree.get_root(checkpoint.size)
    if then.hex() != checkpoint.root:
        problems.append(f"the first {checkpoint.size} entries of the custody log no longer "
                        "have the checkpoint's root: an entry was changed, removed or "
                        "reordered since it was made")
        return problems, size
    try:
        verify_consistency(then, tree.get_root(size),
                           tree.prove_consistency(checkpoint.size, size))
    except InvalidProof:
        problems.append("today's custody log does not extend the checkpoint's")
    return problems, size
