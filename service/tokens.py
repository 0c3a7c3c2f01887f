"""API tokens: shown once at creation, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from service.storage.models import TokenRecord
from service.storage.repository import Repository

PREFIX = "cbt_"


def hash_token(secret: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(repo: Repository, name: str) -> tuple[TokenRecord, str]:
    """Create a token; return its record and the secret (never stored, never shown again)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    record = repo.add_token(name=name, token_hash=hash_token(secret), prefix=secret[:10])
    return record, secret


def token_is_valid(repo: Repository, secret: str) -> bool:
    """True when the secret belongs to an active token."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return False
    digest = hash_token(secret)
    record = repo.token_by_hash(digest)
    # compare_digest keeps the final comparison constant-time
    return bool(record and record.active and hmac.compare_digest(record.token_hash, digest))


def revoke_token(repo: Repository, token_id: int) -> bool:
    """Revoke a token by id; False when there is none."""
    record = repo.get_token(token_id)
    if record is None:
        return False
    if record.active:
        record.active = False
        record.revoked_at = datetime.now(UTC)
    return True
