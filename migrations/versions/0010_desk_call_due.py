"""desk call due: 「我马上联系有关人员」 marks the ticket and the worker's sweep writes the
desk's notice, instead of an Outbox row written by every report

Revision ID: 0010_desk_call_due
Revises: 0009_inbound_from_messages
Create Date: 2026-12-05 04:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_desk_call_due'
down_revision = '0009_inbound_from_messages'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('desk_call_due', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index('ix_tickets_desk_call_due', ['id'], unique=False,
                              postgresql_where=sa.text('desk_call_due'), sqlite_where=sa.text('desk_call_due'))


def downgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_tickets_desk_call_due', postgresql_where=sa.text('desk_call_due'),
                            sqlite_where=sa.text('desk_call_due'))
        batch_op.drop_column('desk_call_due')
