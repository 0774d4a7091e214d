"""The `auth` blueprint and what its view modules share: where each role starts, and which `next`
addresses are safe to follow after a login."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, url_for

from portal.vocab import Role

bp = Blueprint("auth", __name__)


def home_for(user) -> str:
    """Where each role starts its day."""
    endpoints = {
        Role.OFFICER: "activities.index",
        Role.MEDIATOR: "mediators.index",
        Role.MODERATOR: "moderation.queue",
        Role.ADMIN: "admin.index",
    }
    return url_for(endpoints[user.role])


def safe_next(target: str | None) -> str | None:
    """Only a path on this site, without control characters, spaces or backslashes: never an open
    redirect, never a header that breaks. Anything else is ignored (the role's home page)."""
    if not target or len(target) > 2000:
        return None
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F or ch in "\\\u2028\u2029\u00a0" for ch in target):
        return None
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
