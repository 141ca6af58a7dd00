"""questions: question_fact indexed by fact, so "the questions of these facts" is a look-up

The table's primary key (question_id, fact_id) serves "the facts of this question". The other
direction (regenerating the questions of the facts an article changed, a card's front question,
the questions of a dashboard's weakest facts) scanned the whole table, which grows with the
collection: on a Library of 1,000 articles that scan was a tenth of each ingest.

Revision ID: 0008
Revises: 0007
"""
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_question_fact_fact_id', 'question_fact', ['fact_id', 'question_id'], unique=False)


def downgrade():
    op.drop_index('ix_question_fact_fact_id', table_name='question_fact')
