"""quality loop: students' reports and "I was right" claims, reviewers' decisions on questions
(review state, edit laid over regeneration, accepted alternatives), the pipeline's own retirement
kept apart (dropped_at), cards suspended for a retired question, and the collection setting
"review before students see new questions"

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'question_report',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(length=32), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_question_report_question_id_question'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_question_report_user_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_question_report')),
        sa.UniqueConstraint('question_id', 'user_id', name=op.f('uq_question_report_question_id')),
    )
    with op.batch_alter_table('question_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_report_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_question_report_user_id'), ['user_id'], unique=False)

    op.create_table(
        'answer_claim',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('answer_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.String(length=500), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('decided_at', sa.DateTime(), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['answer_id'], ['answer.id'], name=op.f('fk_answer_claim_answer_id_answer'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_answer_claim_question_id_question'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_answer_claim_user_id_user'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_answer_claim_decided_by_id_user'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_claim')),
        sa.UniqueConstraint('answer_id', name=op.f('uq_answer_claim_answer_id')),
    )
    with op.batch_alter_table('answer_claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_claim_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_claim_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dropped_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('review_state', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('curator_edit', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('extra_accepted', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_question_review_state'), ['review_state'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_question_reviewed_by_id_user'), 'user', ['reviewed_by_id'], ['id'],
                                    ondelete='SET NULL')
    # Every retirement so far was the pipeline's (or an account's deletion): record it as such.
    op.execute(sa.text('UPDATE question SET dropped_at = retired_at WHERE retired_at IS NOT NULL'))

    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suspended_for_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_card_suspended_for_id'), ['suspended_for_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_card_suspended_for_id_question'), 'question',
                                    ['suspended_for_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('collection', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_new', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    # A reviewer's hold or retirement leaves with its columns: the question goes back to what the
    # pipeline says (live unless it stopped making it).
    op.execute(sa.text("UPDATE question SET retired_at = dropped_at WHERE review_state IN ('pending', 'retired')"))
    op.execute(sa.text('UPDATE card SET suspended = false WHERE suspended_for_id IS NOT NULL'))
    with op.batch_alter_table('collection', schema=None) as batch_op:
        batch_op.drop_column('review_new')
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_card_suspended_for_id_question'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_card_suspended_for_id'))
        batch_op.drop_column('suspended_for_id')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_question_reviewed_by_id_user'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_question_review_state'))
        for col in ('extra_accepted', 'curator_edit', 'reviewed_by_id', 'reviewed_at', 'review_state', 'dropped_at'):
            batch_op.drop_column(col)
    with op.batch_alter_table('answer_claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_claim_user_id'))
        batch_op.drop_index(batch_op.f('ix_answer_claim_question_id'))
    op.drop_table('answer_claim')
    with op.batch_alter_table('question_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_report_user_id'))
        batch_op.drop_index(batch_op.f('ix_question_report_question_id'))
    op.drop_table('question_report')
