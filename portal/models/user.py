"""Staff accounts. Residents never have one."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, StaffTimestamps, enum_column
from portal.models.geo import Municipality
from portal.vocab import Role


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

    municipality: Mapped[Municipality | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def get_id(self) -> str:
        return self.session_token

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role.value}>"
