"""collections: every article, fact and generated question belongs to one; raw facts keyed for
incremental merging; articles carry their ingest status

Today's data all moves into the Library (one collection, visible to everyone), so no answer, card
or review is lost: rows keep their ids, only gain a collection. Each article's raw facts move from
the ``article.raw_facts`` JSON column into ``raw_fact`` rows with their merge keys.

Revision ID: 0007
Revises: 0006
"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'collection',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=True),
        sa.Column('published', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_collection_owner_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_collection')),
    )
    with op.batch_alter_table('collection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collection_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_collection_owner_id'), ['owner_id'], unique=False)
    op.create_table(
        'collection_class',
        sa.Column('collection_id', sa.Integer(), nullable=False),
        sa.Column('class_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['class_id'], ['class_group.id'],
                                name=op.f('fk_collection_class_class_id_class_group'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['collection_id'], ['collection.id'],
                                name=op.f('fk_collection_class_collection_id_collection'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('collection_id', 'class_id', name=op.f('pk_collection_class')),
    )
    with op.batch_alter_table('collection_class', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collection_class_class_id'), ['class_id'], unique=False)

    bind = op.get_bind()
    collection = sa.table('collection', sa.column('id', sa.Integer), sa.column('name', sa.String),
                          sa.column('kind', sa.String), sa.column('owner_id', sa.Integer),
                          sa.column('published', sa.Boolean), sa.column('created_at', sa.DateTime))
    bind.execute(collection.insert().values(name='Library', kind='library', owner_id=None, published=False,
                                            created_at=datetime.now(timezone.utc).replace(tzinfo=None)))
    library_id = bind.execute(sa.select(collection.c.id).where(collection.c.kind == 'library')).scalar_one()

    # articles -------------------------------------------------------------------------------
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('collection_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=False, server_default='ready'))
        batch_op.add_column(sa.Column('progress', sa.Integer(), nullable=False, server_default='100'))
        batch_op.add_column(sa.Column('error', sa.Text(), nullable=True))
    bind.execute(sa.text('UPDATE article SET collection_id = :lib'), {'lib': library_id})
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.alter_column('collection_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('status', server_default=None)
        batch_op.alter_column('progress', server_default=None)
        batch_op.drop_constraint('uq_article_key', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_article_collection_id'), ['collection_id', 'key'])
        batch_op.create_index(batch_op.f('ix_article_collection_id'), ['collection_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_article_collection_id_collection'), 'collection',
                                    ['collection_id'], ['id'], ondelete='CASCADE')

    # raw facts ------------------------------------------------------------------------------
    op.create_table(
        'raw_fact',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('collection_id', sa.Integer(), nullable=False),
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_raw_fact_article_id_article'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['collection_id'], ['collection.id'],
                                name=op.f('fk_raw_fact_collection_id_collection'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_raw_fact')),
    )
    with op.batch_alter_table('raw_fact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_raw_fact_article_id'), ['article_id'], unique=False)
    op.create_table(
        'raw_fact_key',
        sa.Column('raw_fact_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=255), nullable=False),
        sa.Column('collection_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['collection_id'], ['collection.id'],
                                name=op.f('fk_raw_fact_key_collection_id_collection'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['raw_fact_id'], ['raw_fact.id'], name=op.f('fk_raw_fact_key_raw_fact_id_raw_fact'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('raw_fact_id', 'key', name=op.f('pk_raw_fact_key')),
    )
    with op.batch_alter_table('raw_fact_key', schema=None) as batch_op:
        batch_op.create_index('ix_raw_fact_key_lookup', ['collection_id', 'key'], unique=False)
    _move_raw_facts(bind, library_id)
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('raw_facts')

    # facts and questions ----------------------------------------------------------------------
    for table, where in (('fact', ''), ('question', " WHERE origin IN ('generated', 'edited')")):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('collection_id', sa.Integer(), nullable=True))
        bind.execute(sa.text(f'UPDATE {table} SET collection_id = :lib{where}'), {'lib': library_id})
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == 'fact':
                batch_op.alter_column('collection_id', existing_type=sa.Integer(), nullable=False)
            batch_op.drop_constraint(f'uq_{table}_uid', type_='unique')
            batch_op.create_unique_constraint(batch_op.f(f'uq_{table}_collection_id'), ['collection_id', 'uid'])
            batch_op.create_index(batch_op.f(f'ix_{table}_collection_id'), ['collection_id'], unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_collection_id_collection'), 'collection',
                                        ['collection_id'], ['id'], ondelete='CASCADE')


def _move_raw_facts(bind, library_id: int) -> None:
    """Each article's ``raw_facts`` JSON becomes ``raw_fact`` rows with their merge keys."""
    from quizapp.facts.keys import merge_keys
    from quizapp.facts.types import fact_from_json

    article = sa.table('article', sa.column('id', sa.Integer), sa.column('raw_facts', sa.JSON))
    raw_fact = sa.table('raw_fact', sa.column('id', sa.Integer), sa.column('collection_id', sa.Integer),
                        sa.column('article_id', sa.Integer), sa.column('data', sa.JSON))
    raw_key = sa.table('raw_fact_key', sa.column('raw_fact_id', sa.Integer), sa.column('key', sa.String),
                       sa.column('collection_id', sa.Integer))
    rows = bind.execute(sa.select(article.c.id, article.c.raw_facts).where(article.c.raw_facts.is_not(None))).all()
    for article_id, facts in rows:
        for data in facts or []:
            rid = bind.execute(raw_fact.insert().values(collection_id=library_id, article_id=article_id, data=data)
                               .returning(raw_fact.c.id)).scalar_one()
            keys = sorted(merge_keys(fact_from_json(data)))
            if keys:
                bind.execute(raw_key.insert(), [{'raw_fact_id': rid, 'key': k, 'collection_id': library_id}
                                                for k in keys])


def downgrade():
    bind = op.get_bind()
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('raw_facts', sa.JSON(), nullable=True))
    # Raw facts go back to their article (as JSON lists); keys are derived and simply dropped.
    raw_fact = sa.table('raw_fact', sa.column('id', sa.Integer), sa.column('article_id', sa.Integer),
                        sa.column('data', sa.JSON))
    rows = bind.execute(sa.select(raw_fact.c.article_id, raw_fact.c.data).order_by(raw_fact.c.id)).all()
    by_article: dict[int, list] = {}
    for article_id, data in rows:
        by_article.setdefault(article_id, []).append(data)
    article = sa.table('article', sa.column('id', sa.Integer), sa.column('raw_facts', sa.JSON))
    for article_id, facts in by_article.items():
        bind.execute(article.update().where(article.c.id == article_id).values(raw_facts=facts))
    for table in ('question', 'fact'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_collection_id_collection'), type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_collection_id'))
            batch_op.drop_constraint(batch_op.f(f'uq_{table}_collection_id'), type_='unique')
            batch_op.create_unique_constraint(f'uq_{table}_uid', ['uid'])
            batch_op.drop_column('collection_id')
    op.drop_table('raw_fact_key')
    op.drop_table('raw_fact')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_article_collection_id_collection'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_article_collection_id'))
        batch_op.drop_constraint(batch_op.f('uq_article_collection_id'), type_='unique')
        batch_op.create_unique_constraint('uq_article_key', ['key'])
        batch_op.drop_column('error')
        batch_op.drop_column('progress')
        batch_op.drop_column('status')
        batch_op.drop_column('collection_id')
    op.drop_table('collection_class')
    op.drop_table('collection')
