"""The good-practice catalogue: the practices, their texts in several languages, their sources and
tags, and how strong the outside evidence for each one is.

Catalogue texts are data, not interface messages: each language is a `GoodPracticeText` row that
admins write and correct like any other record, so adding Romani or Greek needs no release.
`GoodPractice.title` and `summary` hold the English title and summary; the catalogue services keep
them equal to the English text row, so code that lists practices by title (moderation suggestions,
activity forms, relationships ordered by title) keeps working in one language.
"""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, enum_column

ENGLISH = "en"


class EvidenceStrength(StrEnum):
    """How strong the outside evidence is, on a short scale shown and explained on every practice
    page. It rates published evaluations and reports, not this portal's own feedback."""

    NOT_ASSESSED = "not-assessed"
    GUIDANCE = "guidance"
    DESCRIBED = "described"
    MEASURED = "measured"
    COMPARED = "compared"

    @property
    def label(self):
        return EVIDENCE_LABELS[self][0]

    @property
    def explanation(self):
        return EVIDENCE_LABELS[self][1]

    @property
    def rank(self) -> int:
        """0 (not assessed) to 4 (tested against a comparison)."""
        return list(EvidenceStrength).index(self)


EVIDENCE_LABELS = {
    EvidenceStrength.NOT_ASSESSED: (_l("Not assessed yet"), _l("Nobody has rated the evidence for this practice yet.")),
    EvidenceStrength.GUIDANCE: (_l("Expert guidance"), _l(
        "Experts wrote down what to do, for example in a manual or a training course. Results were not measured.")),
    EvidenceStrength.DESCRIBED: (_l("Described where it was used"), _l(
        "Reports describe how it was done and what people saw. Nobody measured the results.")),
    EvidenceStrength.MEASURED: (_l("Measured before and after"), _l(
        "Figures from before and after the start were compared, in the same place.")),
    EvidenceStrength.COMPARED: (_l("Compared with places without it"), _l(
        "An evaluation compared places or groups with the practice and without it.")),
}


class GoodPractice(Base):
    __tablename__ = "good_practice"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))  # English, kept equal to the English text row
    summary: Mapped[str] = mapped_column(Text)  # English, likewise
    source_organisation: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(80), default="")  # a country or "International"
    year: Mapped[int | None] = mapped_column(Integer)
    is_published: Mapped[bool] = mapped_column(Boolean, default=True)
    evidence_strength: Mapped[EvidenceStrength] = mapped_column(
        enum_column(EvidenceStrength), default=EvidenceStrength.NOT_ASSESSED, server_default=EvidenceStrength.NOT_ASSESSED.value
    )

    tag_rows: Mapped[list[PracticeTag]] = relationship(
        cascade="all, delete-orphan", order_by="PracticeTag.tag", lazy="selectin"
    )
    texts: Mapped[list[GoodPracticeText]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", order_by="GoodPracticeText.language"
    )
    sources: Mapped[list[PracticeSource]] = relationship(
        cascade="all, delete-orphan", order_by="PracticeSource.position"
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]

    def set_tags(self, tags: list[str]) -> None:
        wanted = sorted({t.strip().lower() for t in tags if t.strip()})
        self.tag_rows = [PracticeTag(tag=t) for t in wanted]

    def text_in(self, language: str) -> GoodPracticeText | None:
        return next((row for row in self.texts if row.language == language), None)

    def __repr__(self) -> str:
        return f"<GoodPractice {self.slug}>"


class PracticeTag(Base):
    __tablename__ = "practice_tag"

    practice_id: Mapped[int] = mapped_column(ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(48), primary_key=True, index=True)


# The parts of a practice's text, in the order a practice page shows them. Steps in `how_to_start`
# are one per line.
TEXT_FIELDS = ("title", "summary", "how_it_works", "where_it_worked", "how_to_start", "who_is_needed", "costs",
               "evidence_note")


class GoodPracticeText(Base):
    """A practice's words in one language (a code of portal.i18n.LANGUAGES)."""

    __tablename__ = "good_practice_text"

    practice_id: Mapped[int] = mapped_column(ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(16), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)  # what it is
    how_it_works: Mapped[str] = mapped_column(Text, default="", server_default="")
    where_it_worked: Mapped[str] = mapped_column(Text, default="", server_default="")  # where, and for whom
    how_to_start: Mapped[str] = mapped_column(Text, default="", server_default="")  # steps, one per line
    who_is_needed: Mapped[str] = mapped_column(Text, default="", server_default="")
    costs: Mapped[str] = mapped_column(Text, default="", server_default="")  # in people and in money
    evidence_note: Mapped[str] = mapped_column(Text, default="", server_default="")  # why this evidence rating

    practice: Mapped[GoodPractice] = relationship(back_populates="texts")

    @property
    def steps(self) -> list[str]:
        return [line.strip() for line in self.how_to_start.splitlines() if line.strip()]


class PracticeSource(Base):
    """A publication or page about the practice. Titles are names of publications, kept as published."""

    __tablename__ = "practice_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("good_practice.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500), default="", server_default="")
