"""security: per-site WeChat secrets sealed at rest, the site's account id, API token expiry

Revision ID: 0006_security
Revises: 0006_duties
Create Date: 2026-12-03 08:10:00

The plain wechat_token / wechat_aes_key / wechat_secret columns become *_sealed (Fernet
under a key derived from SECRET_KEY, models.sealed): the values already stored are sealed
with the SECRET_KEY of the environment that runs the migration (init-db), so run it with
the production SECRET_KEY.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_security'
down_revision = '0006_duties'
branch_labels = None
depends_on = None

SECRETS = ('token', 'aes_key', 'secret')


def _secret_key() -> str:
    from config import Config

    return Config().SECRET_KEY


def upgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wechat_account', sa.String(length=64), nullable=True))
        for name in SECRETS:
            batch_op.add_column(sa.Column(f'wechat_{name}_sealed', sa.String(length=255), nullable=True))
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(), nullable=True))

    from models.sealed import seal

    conn = op.get_bind()
    sites = sa.table('sites', sa.column('id'), *(sa.column(f'wechat_{n}') for n in SECRETS),
                     *(sa.column(f'wechat_{n}_sealed') for n in SECRETS))
    rows = conn.execute(sa.select(sites.c.id, *(sites.c[f'wechat_{n}'] for n in SECRETS))).all()
    key = _secret_key() if any(any(row[1:]) for row in rows) else None
    for row in rows:
        if any(row[1:]):
            conn.execute(sites.update().where(sites.c.id == row[0]).values(
                {f'wechat_{n}_sealed': seal(key, value) for n, value in zip(SECRETS, row[1:])}))

    _drop_columns('sites', [f'wechat_{name}' for name in SECRETS])


def _drop_columns(table: str, names: list) -> None:
    """ALTER TABLE … DROP COLUMN on both databases (SQLite ≥ 3.35 has it): batch mode would
    rebuild `sites`, which every other table references, and fail its foreign keys."""
    for name in names:
        op.execute(f'ALTER TABLE {table} DROP COLUMN {name}')


def downgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        for name in SECRETS:
            batch_op.add_column(sa.Column(f'wechat_{name}', sa.String(length=64), nullable=True))

    from models.sealed import unseal

    conn = op.get_bind()
    sites = sa.table('sites', sa.column('id'), *(sa.column(f'wechat_{n}') for n in SECRETS),
                     *(sa.column(f'wechat_{n}_sealed') for n in SECRETS))
    rows = conn.execute(sa.select(sites.c.id, *(sites.c[f'wechat_{n}_sealed'] for n in SECRETS))).all()
    key = _secret_key() if any(any(row[1:]) for row in rows) else None
    for row in rows:
        if any(row[1:]):
            conn.execute(sites.update().where(sites.c.id == row[0]).values(
                {f'wechat_{n}': unseal(key, value) for n, value in zip(SECRETS, row[1:])}))

    _drop_columns('sites', [f'wechat_{name}_sealed' for name in SECRETS] + ['wechat_account'])
    _drop_columns('api_tokens', ['expires_at'])
