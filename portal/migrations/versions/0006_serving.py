"""serving: used submission tokens (a form sent twice is stored once) and the catalogue version
that residents' cached pages are keyed on, moved by triggers on the tables those pages show

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 10:10:00

"""
from alembic import op
import sqlalchemy as sa

from portal.models.serving import catalogue_version_ddl, drop_catalogue_version_ddl


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('used_submission',
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('receipt', sa.SmallInteger(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('digest', name=op.f('pk_used_submission'))
    )
    with op.batch_alter_table('used_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_used_submission_day'), ['day'], unique=False)

    op.create_table('catalogue_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stamp', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_version'))
    )
    for statement in catalogue_version_ddl(op.get_bind().dialect.name):
        op.get_bind().exec_driver_sql(statement)


def downgrade():
    for statement in drop_catalogue_version_ddl(op.get_bind().dialect.name):
        op.get_bind().exec_driver_sql(statement)
    op.drop_table('catalogue_version')
    with op.batch_alter_table('used_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_used_submission_day'))

    op.drop_table('used_submission')
