"""filtered figures: rollups by channel and of activities, the full one keyed by area, covering open-item indexes

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 14:10:00

"""
from alembic import op
import sqlalchemy as sa

from portal.services.statistics.rollup import rebuild


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

MEASURES = [f"r{i}" for i in range(1, 6)] + [f"ack{i}" for i in range(6)] + [f"ans{i}" for i in range(6)]
ACTIVITY_MEASURES = ["activities", "estimated", "participants", "roma", "mediator", "interpreted"]
QUEUE_ORDER = ["received_on", "id"]
FIGURE_FILTERS = ["municipality_id", "area_id", "category_id", "police_body", "channel"]
TYPES = {"area_key": sa.Integer(), "month": sa.Date(), "municipality_id": sa.Integer(), "category_id": sa.Integer(),
         "police_body": sa.String(length=16), "channel": sa.String(length=8), "gender": sa.String(length=8)}


def _rollup(name, keys):
    op.create_table(name, *(sa.Column(key, TYPES[key], nullable=False) for key in keys),
                    *(sa.Column(m, sa.Integer(), server_default='0', nullable=False) for m in MEASURES),
                    sa.PrimaryKeyConstraint(*keys, name=op.f(f'pk_{name}')), sqlite_with_rowid=False)


def _queue_indexes(extra):
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        for column in ("status", "has_unread"):
            batch_op.drop_index(f'ix_feedback_queue_{column}')
            batch_op.create_index(f'ix_feedback_queue_{column}', [column, *QUEUE_ORDER, *extra], unique=False)


def upgrade():
    with op.batch_alter_table('feedback_rollup', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_rollup_municipality_month')
    op.drop_table('feedback_rollup')
    _rollup('feedback_rollup', ["area_key", "month", "municipality_id", "category_id", "police_body", "channel", "gender"])
    _rollup('feedback_rollup_channel', ["channel", "month", "municipality_id", "category_id", "police_body", "gender"])
    op.create_table('activity_rollup',
                    sa.Column('month', sa.Date(), nullable=False),
                    sa.Column('municipality_id', sa.Integer(), nullable=False),
                    sa.Column('area_key', sa.Integer(), nullable=False),
                    sa.Column('type', sa.String(length=32), nullable=False),
                    *(sa.Column(m, sa.Integer(), server_default='0', nullable=False) for m in ACTIVITY_MEASURES),
                    sa.PrimaryKeyConstraint('month', 'municipality_id', 'area_key', 'type', name=op.f('pk_activity_rollup')),
                    sqlite_with_rowid=False)
    _queue_indexes(FIGURE_FILTERS)
    rebuild(op.get_bind())  # the figures of what was already received, in the new shape


def downgrade():
    _queue_indexes([])
    op.drop_table('activity_rollup')
    op.drop_table('feedback_rollup_channel')
    op.drop_table('feedback_rollup')
    _rollup('feedback_rollup', ["month", "municipality_id", "area_key", "category_id", "police_body", "channel", "gender"])
    with op.batch_alter_table('feedback_rollup', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_rollup_municipality_month', ['municipality_id', 'month'], unique=False)
    # Refill with `flask --app portal aggregates rebuild` run by the code of that version.
