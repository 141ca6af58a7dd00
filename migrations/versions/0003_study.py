"""study: review logs remember the card's state before the review; answers indexed by time

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('review_log') as batch:
        batch.add_column(sa.Column('card_state', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('answer') as batch:
        batch.create_index('ix_answer_user_time', ['user_id', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('answer') as batch:
        batch.drop_index('ix_answer_user_time')
    with op.batch_alter_table('review_log') as batch:
        batch.drop_column('card_state')
