"""go live: site kind, unit places and QR codes, fee schedule and quote lines, FAQ, notices

Revision ID: 0005_golive
Revises: 0004_field
Create Date: 2026-12-02 19:01:16.762234
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_golive'
down_revision = '0004_field'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fee_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('price', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('codes', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_fee_items_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_items')),
    sa.UniqueConstraint('site_id', 'name', name=op.f('uq_fee_items_site_id'))
    )
    with op.batch_alter_table('fee_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fee_items_site_id'), ['site_id'], unique=False)

    op.create_table('faq_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=100), nullable=False),
    sa.Column('phrasings', sa.JSON(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_faq_entries_created_by_id_staff')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_faq_entries_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_faq_entries'))
    )
    with op.batch_alter_table('faq_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_faq_entries_site_id'), ['site_id'], unique=False)

    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=40), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('audience', sa.String(length=10), nullable=False),
    sa.Column('target', sa.Text(), nullable=True),
    sa.Column('form_key', sa.String(length=40), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_notices_created_by_id_staff')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_notices_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices')),
    sa.UniqueConstraint('form_key', name=op.f('uq_notices_form_key'))
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notices_site_id'), ['site_id'], unique=False)

    op.create_table('notice_recipients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('delivery', sa.String(length=12), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=True),
    sa.Column('error', sa.String(length=500), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], name=op.f('fk_notice_recipients_notice_id_notices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_notice_recipients_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_recipients')),
    sa.UniqueConstraint('notice_id', 'tenant_id', name=op.f('uq_notice_recipients_notice_id'))
    )
    with op.batch_alter_table('notice_recipients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_recipients_notice_id'), ['notice_id'], unique=False)

    op.create_table('asked_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['faq_entries.id'], name=op.f('fk_asked_questions_entry_id_faq_entries'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_asked_questions_site_id_sites')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_asked_questions_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_asked_questions_ticket_id_tickets'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_asked_questions'))
    )
    with op.batch_alter_table('asked_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_asked_questions_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index('ix_asked_questions_site_created', ['site_id', 'created_at'], unique=False)

    op.create_table('quote_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('fee_item_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=True),
    sa.Column('price', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=8, scale=2), nullable=False),
    sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['fee_item_id'], ['fee_items.id'], name=op.f('fk_quote_lines_fee_item_id_fee_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_quote_lines_ticket_id_tickets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote_lines'))
    )
    with op.batch_alter_table('quote_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_lines_ticket_id'), ['ticket_id'], unique=False)

    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='mall', nullable=False))

    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(sa.Column('building', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('floor', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('wechat_qr_url', sa.String(length=255), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_column('wechat_qr_url')
        batch_op.drop_column('floor')
        batch_op.drop_column('building')

    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_column('kind')

    with op.batch_alter_table('quote_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_lines_ticket_id'))

    op.drop_table('quote_lines')
    with op.batch_alter_table('asked_questions', schema=None) as batch_op:
        batch_op.drop_index('ix_asked_questions_site_created')
        batch_op.drop_index(batch_op.f('ix_asked_questions_entry_id'))

    op.drop_table('asked_questions')
    with op.batch_alter_table('notice_recipients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_recipients_notice_id'))

    op.drop_table('notice_recipients')
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notices_site_id'))

    op.drop_table('notices')
    with op.batch_alter_table('faq_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_faq_entries_site_id'))

    op.drop_table('faq_entries')
    with op.batch_alter_table('fee_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fee_items_site_id'))

    op.drop_table('fee_items')
