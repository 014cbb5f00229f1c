"""report summary: the supervisor's written summary saved with the monthly report

Revision ID: 0008_report_summary
Revises: 0007_outreach
Create Date: 2026-12-03 13:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_report_summary'
down_revision = '0007_outreach'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('monthly_reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('problems', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('causes', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('measures', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('summary_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('summary_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_monthly_reports_summary_by_id_staff'), 'staff',
                                    ['summary_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('monthly_reports', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_monthly_reports_summary_by_id_staff'), type_='foreignkey')
        batch_op.drop_column('summary_at')
        batch_op.drop_column('summary_by_id')
        batch_op.drop_column('measures')
        batch_op.drop_column('causes')
        batch_op.drop_column('problems')
