"""field work: arrival on the dispatch order, photos and signatures, who confirmed the 回执

Revision ID: 0004_field
Revises: 0003
Create Date: 2026-12-02 19:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004_field'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'ticket_files',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=False),
        sa.Column('dispatch_order_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('path', sa.String(length=255), nullable=False),
        sa.Column('mimetype', sa.String(length=40), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('signer', sa.String(length=40), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['dispatch_order_id'], ['dispatch_orders.id'],
                                name=op.f('fk_ticket_files_dispatch_order_id_dispatch_orders')),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_ticket_files_staff_id_staff')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_files_ticket_id_tickets'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_files')),
    )
    with op.batch_alter_table('ticket_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_files_ticket_id'), ['ticket_id'], unique=False)
    with op.batch_alter_table('dispatch_orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('arrived_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('arrived_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_dispatch_orders_arrived_by_id_staff'), 'staff',
                                    ['arrived_by_id'], ['id'])
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('receipt_confirmed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('receipt_confirmed_by', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('receipt_method', sa.String(length=10), nullable=True))
    _backfill_receipts()


def _backfill_receipts() -> None:
    """回执 confirmed before this revision: when from their timeline event, how from who
    acted (nobody: the tenant in chat), who from the ticket's complainant."""
    tickets = sa.table('tickets', sa.column('id'), sa.column('receipt_confirmed', sa.Boolean),
                       sa.column('complainant'), sa.column('receipt_confirmed_at'),
                       sa.column('receipt_confirmed_by'), sa.column('receipt_method'))
    events = sa.table('ticket_events', sa.column('ticket_id'), sa.column('action'), sa.column('at'),
                      sa.column('actor_id'))
    confirmed = sa.and_(events.c.ticket_id == tickets.c.id, events.c.action == 'confirm_receipt')
    by_staff = sa.exists().where(confirmed, events.c.actor_id.is_not(None))
    op.execute(tickets.update().where(tickets.c.receipt_confirmed.is_(sa.true())).values(
        receipt_confirmed_at=sa.select(sa.func.max(events.c.at)).where(confirmed).scalar_subquery(),
        receipt_confirmed_by=sa.func.coalesce(tickets.c.complainant, '租户'),
        receipt_method=sa.case((by_staff, 'staff'), else_='wechat'),
    ))


def downgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_column('receipt_method')
        batch_op.drop_column('receipt_confirmed_by')
        batch_op.drop_column('receipt_confirmed_at')
    with op.batch_alter_table('dispatch_orders', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_dispatch_orders_arrived_by_id_staff'), type_='foreignkey')
        batch_op.drop_column('arrived_by_id')
        batch_op.drop_column('arrived_at')
    with op.batch_alter_table('ticket_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_files_ticket_id'))
    op.drop_table('ticket_files')
