"""The good-practice catalogue and its tags."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base


class GoodPractice(Base):
    __tablename__ = "good_practice"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    source_organisation: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(80), default="")  # a country or "International"
    year: Mapped[int | None] = mapped_column(Integer)
    is_published: Mapped[bool] = mapped_column(Boolean, default=True)

    tag_rows: Mapped[list[PracticeTag]] = relationship(
        cascade="all, delete-orphan", order_by="PracticeTag.tag", lazy="selectin"
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]

    def set_tags(self, tags: list[str]) -> None:
        wanted = sorted({t.strip().lower() for t in tags if t.strip()})
        self.tag_rows = [PracticeTag(tag=t) for t in wanted]

    def __repr__(self) -> str:
        return f"<GoodPractice {self.slug}>"


class PracticeTag(Base):
    __tablename__ = "practice_tag"

    practice_id: Mapped[int] = mapped_column(ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(48), primary_key=True, index=True)
