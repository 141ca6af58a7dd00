"""study: drop ix_answer_user_id, which ix_answer_user_stats makes redundant

``ix_answer_user_stats`` (user_id, created_at, question_id, correct) leads with the user, so every
lookup of a user's answers (their quizzes' scores, deleting a user) can use it. The single-column
index only cost time on every answer written.

Revision ID: 0006
Revises: 0005
"""
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_index('ix_answer_user_id')


def downgrade():
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.create_index('ix_answer_user_id', ['user_id'], unique=False)
