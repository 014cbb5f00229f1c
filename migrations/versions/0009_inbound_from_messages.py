"""inbound from messages: when a tenant last wrote is the newest inbound message, indexed,
instead of a column updated on every message

Revision ID: 0009_inbound_from_messages
Revises: 0008_report_summary
Create Date: 2026-12-03 17:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_inbound_from_messages'
down_revision = '0008_report_summary'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index('ix_messages_sender_time', ['site_id', 'openid', 'direction', 'created_at'],
                              unique=False)
    with op.batch_alter_table('tenants', schema=None) as batch_op:
        batch_op.drop_column('last_inbound_at')


def downgrade() -> None:
    with op.batch_alter_table('tenants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_inbound_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE tenants SET last_inbound_at = (SELECT max(messages.created_at) FROM messages"
               " WHERE messages.site_id = tenants.site_id AND messages.openid = tenants.openid"
               " AND messages.direction = 'in')")
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index('ix_messages_sender_time')
