"""duties: the 待派单 alert level of a ticket

Revision ID: 0006_duties
Revises: 0005_golive
Create Date: 2026-12-03 08:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006_duties'
down_revision = '0005_golive'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dispatch_alert_level', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_column('dispatch_alert_level')
