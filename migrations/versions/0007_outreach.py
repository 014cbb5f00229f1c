"""outreach: why an occasional visit (不定期走访, seed §七(1)) is made

Revision ID: 0007_outreach
Revises: 0006_nlp
Create Date: 2026-12-03 13:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_outreach'
down_revision = '0006_nlp'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('visit_plan_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purpose', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('visit_plan_items', schema=None) as batch_op:
        batch_op.drop_column('purpose')
