"""teaching: a deleted set is only marked (deleted_at) and an archive remembers when it happened
(archived_at), so a teacher can undo either for a while

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('study_set', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('class_group', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(), nullable=True))


def downgrade():
    # Sets deleted but still undoable are deleted for good: the old schema cannot hide them.
    gone = 'SELECT id FROM study_set WHERE deleted_at IS NOT NULL'
    for table in ('set_item', 'pending_import', 'assignment'):
        op.execute(sa.text(f'DELETE FROM {table} WHERE set_id IN ({gone})'))
    op.execute(sa.text('DELETE FROM study_set WHERE deleted_at IS NOT NULL'))
    with op.batch_alter_table('class_group', schema=None) as batch_op:
        batch_op.drop_column('archived_at')
    with op.batch_alter_table('study_set', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')
