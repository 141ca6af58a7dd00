"""accounts: password-reset links (hashed), notices for a user's next page view, and classes that
outlive their teacher's account (owner set to NULL, archived)

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'password_reset',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_password_reset_user_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_password_reset')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_password_reset_token_hash')),
    )
    with op.batch_alter_table('password_reset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_password_reset_user_id'), ['user_id'], unique=False)

    op.create_table(
        'notice',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_notice_user_id_user'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notice')),
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('has_notices', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('class_group', schema=None) as batch_op:
        batch_op.drop_constraint('fk_class_group_owner_id_user', type_='foreignkey')
        batch_op.alter_column('owner_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(batch_op.f('fk_class_group_owner_id_user'), 'user', ['owner_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade():
    # A class whose teacher is gone cannot be kept by the old schema (owner required): delete it.
    # (Explicitly: SQLite migrations run with foreign keys off, so nothing would cascade.)
    orphans = 'SELECT id FROM class_group WHERE owner_id IS NULL'
    op.execute(sa.text('UPDATE quiz SET assignment_id = NULL WHERE assignment_id IN '
                       f'(SELECT id FROM assignment WHERE class_id IN ({orphans}))'))
    for table in ('assignment', 'membership', 'collection_class'):
        op.execute(sa.text(f'DELETE FROM {table} WHERE class_id IN ({orphans})'))
    op.execute(sa.text('DELETE FROM class_group WHERE owner_id IS NULL'))
    with op.batch_alter_table('class_group', schema=None) as batch_op:
        batch_op.drop_constraint('fk_class_group_owner_id_user', type_='foreignkey')
        batch_op.alter_column('owner_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(batch_op.f('fk_class_group_owner_id_user'), 'user', ['owner_id'], ['id'],
                                    ondelete='CASCADE')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('has_notices')
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_user_id'))
    op.drop_table('notice')
    with op.batch_alter_table('password_reset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_password_reset_user_id'))
    op.drop_table('password_reset')
