"""Staff accounts and their second factors. Residents never have an account.

What a second factor stores, and why nothing more:

* a TOTP secret, encrypted under a key derived from SECRET_KEY (a copy of the database alone does
  not yield codes);
* passkeys: the public key and credential id the browser gave (useless to anyone else) and the
  authenticator's signature counter, no time of use;
* recovery codes: argon2id hashes only.

No column records when a second factor was last used: a mediator's login time could date the
feedback they enter right after meeting a resident.
"""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, StaffTimestamps, enum_column
from portal.models.geo import Municipality
from portal.vocab import Role

# Roles that must log in with a second factor; the others are offered one.
SECOND_FACTOR_REQUIRED = frozenset({Role.MODERATOR, Role.ADMIN})


class User(UserMixin, StaffTimestamps, Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    # Officers are bound to one municipality; mediators may name the one they mostly serve.
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"), index=True)
    organisation: Mapped[str] = mapped_column(String(160), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Changing it logs out every session of this account (password change, deactivation).
    session_token: Mapped[str] = mapped_column(String(64), unique=True)

    # Second factor. `totp_secret` is a Fernet token (see services/accounts/second_factor.py).
    totp_secret: Mapped[str | None] = mapped_column(String(255))
    # The WebAuthn user handle: random, so an authenticator learns nothing about the account.
    webauthn_handle: Mapped[str | None] = mapped_column(String(64), unique=True)

    municipality: Mapped[Municipality | None] = relationship()
    passkeys: Mapped[list[Passkey]] = relationship(
        back_populates="user", cascade="all, delete-orphan", order_by="Passkey.id"
    )
    recovery_codes: Mapped[list[RecoveryCode]] = relationship(cascade="all, delete-orphan")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    @property
    def has_second_factor(self) -> bool:
        return bool(self.totp_secret) or bool(self.passkeys)

    @property
    def needs_second_factor(self) -> bool:
        return self.role in SECOND_FACTOR_REQUIRED

    def get_id(self) -> str:
        return self.session_token

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role.value}>"


class Passkey(Base):
    """One WebAuthn credential of a staff account."""

    __tablename__ = "passkey"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    credential_id: Mapped[bytes] = mapped_column(LargeBinary(1023), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(2048))
    sign_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    name: Mapped[str] = mapped_column(String(80), default="", server_default="")
    transports: Mapped[str] = mapped_column(String(120), default="", server_default="")

    user: Mapped[User] = relationship(back_populates="passkeys")


class RecoveryCode(Base):
    """A one-time recovery code, as an argon2id hash. Used codes are deleted, not marked."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(255))
