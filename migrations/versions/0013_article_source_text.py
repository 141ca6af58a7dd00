"""article.source as text: a page's address with its tracking parameters passes 200 characters
(an article with such a "Source:" line failed to ingest on PostgreSQL; SQLite never checked)

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('article') as batch:
        batch.alter_column('source', existing_type=sa.String(length=200), type_=sa.Text(), existing_nullable=True)


def downgrade():
    # an address longer than the old column keeps its first 200 characters
    op.execute("UPDATE article SET source = substr(source, 1, 200) WHERE length(source) > 200")
    with op.batch_alter_table('article') as batch:
        batch.alter_column('source', existing_type=sa.Text(), type_=sa.String(length=200), existing_nullable=True)
