"""console indexes: what the work queue and statistics need at a million tickets

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 00:23:45.418635
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

UNFINISHED = sa.text("status NOT IN ('COMPLETED', 'CLOSED')")
# Must stay the expression of models.tickets.SEARCH_EXPRESSION / admin.queue_queries.search_text().
SEARCH_EXPRESSION = "number || ' ' || coalesce(unit_code, '') || ' ' || coalesce(phone, '') || ' ' || content"


def upgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_site_created'))
        batch_op.create_index('ix_tickets_created_id', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_tickets_site_created_category', ['site_id', 'created_at', 'category'], unique=False)
        batch_op.create_index('ix_tickets_unfinished_due', ['site_id', 'due_at'], unique=False,
                              postgresql_where=UNFINISHED, sqlite_where=UNFINISHED)
    if op.get_bind().dialect.name == "postgresql":
        # Trigram search works on Chinese (3+ characters); SQLite scans instead.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(f"CREATE INDEX ix_tickets_search_trgm ON tickets USING gin (({SEARCH_EXPRESSION}) gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_tickets_search_trgm")
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_tickets_unfinished_due', postgresql_where=UNFINISHED, sqlite_where=UNFINISHED)
        batch_op.drop_index('ix_tickets_site_created_category')
        batch_op.drop_index('ix_tickets_created_id')
        batch_op.create_index(batch_op.f('ix_tickets_site_created'), ['site_id', 'created_at'], unique=False)
