"""Rate-limit keys that never hold a client address.

The limiter needs to tell clients apart for a few minutes. It gets an HMAC of the address under a
random key that lives in process memory (or in Redis when processes share the limiter store) and is
replaced every day; the key is never written to disk, so yesterday's counters cannot be linked to
an address even by someone holding the database, the logs and the secret key.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from datetime import UTC, datetime

from flask import current_app, request

_lock = threading.Lock()
_local_keys: dict[str, bytes] = {}


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def _shared_key(storage_uri: str, day: str) -> bytes | None:
    """One key per day for every process sharing a Redis limiter store."""
    if not storage_uri.startswith(("redis://", "rediss://", "redis+unix://")):
        return None
    import redis  # imported lazily: only deployments with a Redis store need it

    client = current_app.extensions.get("portal_ratelimit_redis")
    if client is None:
        client = redis.Redis.from_url(storage_uri.replace("redis+unix://", "unix://"))
        current_app.extensions["portal_ratelimit_redis"] = client
    name = f"portal:ratelimit-key:{day}"
    client.set(name, secrets.token_bytes(32), nx=True, ex=2 * 24 * 3600)
    # Mixed with the app's secret key: someone who reads Redis alone (counters and this random part)
    # still cannot test guessed addresses against the counters.
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(secret, client.get(name), hashlib.sha256).digest()


def daily_key(day: str | None = None) -> bytes:
    day = day or _today()
    storage = current_app.config.get("RATELIMIT_STORAGE_URI", "memory://")
    shared = _shared_key(storage, day)
    if shared is not None:
        return shared
    with _lock:
        key = _local_keys.get(day)
        if key is None:
            _local_keys.clear()  # drop every older day's key
            key = _local_keys[day] = secrets.token_bytes(32)
        return key


def client_key() -> str:
    """Limiter key: keyed hash of the address, rotated daily."""
    address = (request.remote_addr or "").encode()
    return hmac.new(daily_key(), address, hashlib.sha256).hexdigest()[:32]

