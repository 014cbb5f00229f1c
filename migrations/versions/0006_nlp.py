"""nlp: tickets.triage, the bot's reason to put a ticket on the desk's 待分诊 list

Revision ID: 0006_nlp
Revises: 0006_security
Create Date: 2026-12-03 08:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_nlp'
down_revision = '0006_security'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('triage', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_column('triage')
