"""activity figures: one covering index for the grouped counts and sums of activities

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 12:40:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

COLUMNS = ["starts_at", "type", "municipality_id", "area_id", "participants_count", "roma_count",
           "mediator_present", "interpretation_provided"]


def upgrade():
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index('ix_activity_figures', COLUMNS, unique=False)


def downgrade():
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_figures')
