"""collection.questions_version: the question rules' version a collection's bank was generated
with, so that `quizapp refresh` regenerates banks made by older rules. Existing collections start
without one: the next refresh regenerates their banks once.

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('collection') as batch:
        batch.add_column(sa.Column('questions_version', sa.String(length=32), nullable=True))


def downgrade():
    with op.batch_alter_table('collection') as batch:
        batch.drop_column('questions_version')
