"""study: the dashboard's and review queue's aggregates read a user's ratings and answers from indexes alone

A student's review logs and answers are spread over the table among everyone else's, and the review
log rows are wide (they keep the card's state before the review), so fetching each row for two or
three small columns cost a page read per row. The by-user-and-time indexes now carry those columns.

Revision ID: 0005
Revises: 0004
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index('ix_review_log_user_stats',
                              ['user_id', 'reviewed_at', 'kind', 'card_state', 'rating', 'card_id'], unique=False)
        batch_op.drop_index('ix_review_log_user_time')
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.create_index('ix_answer_user_stats', ['user_id', 'created_at', 'question_id', 'correct'],
                              unique=False)
        batch_op.drop_index('ix_answer_user_time')


def downgrade():
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.create_index('ix_answer_user_time', ['user_id', 'created_at'], unique=False)
        batch_op.drop_index('ix_answer_user_stats')
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index('ix_review_log_user_time', ['user_id', 'reviewed_at'], unique=False)
        batch_op.drop_index('ix_review_log_user_stats')
