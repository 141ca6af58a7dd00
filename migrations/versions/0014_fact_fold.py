"""fact.fold: a leader's or body's merge summed up, so that an upload folds into it instead of
merging every raw fact of the group again (facts.fold). Existing facts start without one: the next
exact merge of their group writes it.

Revision ID: 0014
Revises: 0013
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('fact') as batch:
        batch.add_column(sa.Column('fold', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('fact') as batch:
        batch.drop_column('fold')
