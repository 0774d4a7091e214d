"""catalogue: practice texts in several languages, sources, evidence strength; municipalities' time zones

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 08:47:09.099850

The existing English title and summary of every practice become its English text row, so nothing
written so far is lost; `flask seed` then fills the other parts and languages it knows. The six
seed municipalities get their time zones; any other municipality starts at UTC until an admin sets it.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

SEED_TIMEZONES = {
    "fuenlabrada": "Europe/Madrid",
    "lisboa": "Europe/Lisbon",
    "cluj-napoca": "Europe/Bucharest",
    "sofia": "Europe/Sofia",
    "kosice": "Europe/Bratislava",
    "miskolc": "Europe/Budapest",
}


def upgrade():
    op.create_table('good_practice_text',
    sa.Column('practice_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('how_it_works', sa.Text(), server_default='', nullable=False),
    sa.Column('where_it_worked', sa.Text(), server_default='', nullable=False),
    sa.Column('how_to_start', sa.Text(), server_default='', nullable=False),
    sa.Column('who_is_needed', sa.Text(), server_default='', nullable=False),
    sa.Column('costs', sa.Text(), server_default='', nullable=False),
    sa.Column('evidence_note', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['practice_id'], ['good_practice.id'], name=op.f('fk_good_practice_text_practice_id_good_practice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('practice_id', 'language', name=op.f('pk_good_practice_text'))
    )
    op.create_table('practice_source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practice_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('url', sa.String(length=500), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['practice_id'], ['good_practice.id'], name=op.f('fk_practice_source_practice_id_good_practice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice_source'))
    )
    with op.batch_alter_table('practice_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_source_practice_id'), ['practice_id'], unique=False)

    with op.batch_alter_table('good_practice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence_strength', sa.Enum('not-assessed', 'guidance', 'described', 'measured', 'compared', name='evidencestrength', native_enum=False, length=32), server_default='not-assessed', nullable=False))

    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='UTC', nullable=False))

    # Data: the English texts written so far, and the seed municipalities' time zones.
    op.execute(
        "INSERT INTO good_practice_text (practice_id, language, title, summary) "
        "SELECT id, 'en', title, summary FROM good_practice"
    )
    municipality = sa.table('municipality', sa.column('slug', sa.String), sa.column('timezone', sa.String))
    for slug, zone in SEED_TIMEZONES.items():
        op.execute(municipality.update().where(municipality.c.slug == slug).values(timezone=zone))


def downgrade():
    # The English title and summary stay on good_practice; the other languages are dropped.
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.drop_column('timezone')

    with op.batch_alter_table('good_practice', schema=None) as batch_op:
        batch_op.drop_column('evidence_strength')

    with op.batch_alter_table('practice_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_source_practice_id'))

    op.drop_table('practice_source')
    op.drop_table('good_practice_text')
