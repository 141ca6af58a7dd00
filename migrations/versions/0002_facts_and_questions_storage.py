"""facts and questions storage: per-article raw facts, sources that are metadata lines

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('article') as batch:
        batch.add_column(sa.Column('raw_facts', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('facts_version', sa.String(length=32), nullable=True))
    with op.batch_alter_table('fact_source') as batch:
        batch.add_column(sa.Column('text', sa.Text(), nullable=False, server_default=''))
        batch.alter_column('sentence_id', existing_type=sa.Integer(), nullable=True)


def downgrade():
    op.execute("DELETE FROM fact_source WHERE sentence_id IS NULL")
    with op.batch_alter_table('fact_source') as batch:
        batch.alter_column('sentence_id', existing_type=sa.Integer(), nullable=False)
        batch.drop_column('text')
    with op.batch_alter_table('article') as batch:
        batch.drop_column('facts_version')
        batch.drop_column('raw_facts')
