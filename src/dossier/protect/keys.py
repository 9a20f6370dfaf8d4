"""The keys that keep confidential material unreadable without the case passphrase.

Three levels, so that a passphrase can change, a second custodian can be added and one
object's key can be destroyed, each without re-encrypting anything else:

    passphrase ──Argon2id(salt)──► slot key ──wraps──► case key ──wraps──► object key ──► object
    (never stored)                 (one per custodian)  (random)           (random, one per object)

Every key and object is sealed with AES-256-GCM (cryptography) under a fresh 96-bit nonce,
with what it is and whose it is as associated data ("object-key:testimony-…",
"original:testimony-…"): a sealed value moved to another object, or changed by one bit, does
not open (`TamperedError`). A wrong passphrase opens no slot (`WrongPassphraseError`).
"""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass
from hashlib import sha256

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import DossierError

KEY_BYTES = 32  # AES-256
NONCE_BYTES = 12  # GCM's 96-bit nonce, drawn fresh for every seal
SALT_BYTES = 16
SEAL_VERSION = b"\x01"  # the first byte of every sealed value: its format
# Argon2id parameters: RFC 9106's second recommended option (t=3, 64 MiB, 4 lanes). Measured
# on the 2-core machine: 0.23 s per derivation (t=3 with 256 MiB: 0.83 s; 128 MiB, t=2: 0.30 s),
# paid once per command that unlocks a case. Stored with each slot, so they can be raised later.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_LANES = 4
MIN_PASSPHRASE_CHARS = 12  # a shorter passphrase is refused when one is set


class WrongPassphraseError(DossierError):
    """No key slot of the case opens with this passphrase."""


class TamperedError(DossierError):
    """A sealed value does not open: changed, truncated, or moved from another object."""


@dataclass(frozen=True, slots=True)
class KdfParams:
    time_cost: int = ARGON2_TIME_COST
    memory_kib: int = ARGON2_MEMORY_KIB
    lanes: int = ARGON2_LANES


@dataclass(frozen=True, slots=True)
class KeySlot:
    """The case key, wrapped by one custodian's passphrase."""

    id: str
    salt: bytes
    params: KdfParams
    wrapped: bytes  # seal(slot key, "case-key:<id>", case key)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.lanes,
                           hash_len=KEY_BYTES, type=Type.ID)


def seal(key: bytes, label: str, plaintext: bytes) -> bytes:
    """`plaintext` encrypted and authenticated under `key`, bound to `label`."""
    nonce = os.urandom(NONCE_BYTES)
    return SEAL_VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, label.encode())


def unseal(key: bytes, label: str, sealed: bytes) -> bytes:
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[:1] != SEAL_VERSION:
        raise TamperedError(f"the sealed {label.split(':')[0]} is damaged")
    nonce, body = sealed[1:1 + NONCE_BYTES], sealed[1 + NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, body, label.encode())
    except InvalidTag:
        raise TamperedError(f"the sealed {label.split(':')[0]} of {label.split(':', 1)[-1]} "
                            "does not open: it was changed, or does not belong there") from None


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise DossierError(f"a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters "
                           "(a few unrelated words are easy to remember and hard to guess)")


def make_slot(case_key: bytes, passphrase: str, slot_id: str,
              params: KdfParams | None = None) -> KeySlot:
    """A new slot opening the case key with `passphrase`."""
    check_passphrase(passphrase)
    params = params or KdfParams()
    salt = secrets.token_bytes(SALT_BYTES)
    wrapped = seal(_derive(passphrase, salt, params), f"case-key:{slot_id}", case_key)
    return KeySlot(slot_id, salt, params, wrapped)


def open_case_key(slots: list[KeySlot], passphrase: str) -> tuple[bytes, KeySlot]:
    """The case key, and the slot the passphrase opened."""
    for slot in slots:
        try:
            key = unseal(_derive(passphrase, slot.salt, slot.params),
                         f"case-key:{slot.id}", slot.wrapped)
        except TamperedError:
            continue
        return key, slot
    raise WrongPassphraseError("wrong passphrase: it opens none of this case's key slots")


def wrap_object_key(case_key: bytes, object_id: str, object_key: bytes) -> bytes:
    return seal(case_key, f"object-key:{object_id}", object_key)


def unwrap_object_key(case_key: bytes, object_id: str, wrapped: bytes) -> bytes:
    return unseal(case_key, f"object-key:{object_id}", wrapped)


def keyed_digest(case_key: bytes, data: bytes) -> str:
    """A digest of confidential content that only the case key can reproduce: tells two
    copies of one testimony apart from two testimonies without letting anyone confirm a
    guessed text (a plain SHA-256 would)."""
    return hmac.new(sha256(b"dossier digest" + case_key).digest(), data, sha256).hexdigest()
