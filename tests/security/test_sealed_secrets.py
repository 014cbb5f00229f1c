"""Per-site WeChat secrets are sealed at rest (Fernet, key from SECRET_KEY by HKDF), read
through one accessor, and moved from the old plain columns by migration 0006_security."""
from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from models import Site
from models.migrate import upgrade

TOKEN, AES, SECRET = "site-own-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "site-own-appsecret"


def _raw_site_row(session, site_id) -> str:
    return " ".join(str(v) for v in session.execute(sa.text("SELECT * FROM sites WHERE id = :id"), {"id": site_id}).one())


def test_secrets_are_sealed_in_the_database_and_read_through_the_accessor(app, make, session):
    site = make.site()
    site.set_wechat_credentials(app.config["SECRET_KEY"], token=TOKEN, aes_key=AES, secret=SECRET,
                                appid="wx00own", account="gh_own")
    session.commit()
    raw = _raw_site_row(session, site.id)
    assert TOKEN not in raw and AES not in raw and SECRET not in raw
    creds = session.get(Site, site.id).wechat_credentials(app.config)
    assert (creds.token, creds.aes_key, creds.secret, creds.appid, creds.account) == (TOKEN, AES, SECRET, "wx00own",
                                                                                      "gh_own")


def test_the_environment_fills_what_the_site_does_not_have(app, make, session):
    site = make.site()
    site.set_wechat_credentials(app.config["SECRET_KEY"], secret=SECRET)
    config = {**app.config, "WECHAT_TOKEN": "env-token", "WECHAT_APPID": "wxenv", "WECHAT_SECRET": "env-secret"}
    creds = site.wechat_credentials(config)
    assert (creds.token, creds.appid, creds.secret, creds.aes_key) == ("env-token", "wxenv", SECRET, None)
    site.set_wechat_credentials(app.config["SECRET_KEY"], secret="")
    assert site.wechat_credentials(config).secret == "env-secret"


def test_a_secret_sealed_under_another_key_is_an_error_not_garbage(app, make):
    site = make.site()
    site.set_wechat_credentials("another-secret-key", token=TOKEN)
    with pytest.raises(ValueError, match="another SECRET_KEY"):
        site.wechat_credentials(app.config)


def test_migration_0006_seals_the_plain_values_already_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "the-production-key")
    url = f"sqlite:///{tmp_path}/before.db"
    upgrade(url, "0006_duties")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO sites (id, slug, name, ticket_prefix, kind, settings, created_at, "
                             "wechat_token, wechat_aes_key, wechat_secret, wechat_appid) VALUES (1, 'lehui', '乐汇城', "
                             "'LH', 'mall', '{}', :at, :token, :aes, :secret, 'wx00own')"),
                     {"at": datetime(2026, 11, 20), "token": TOKEN, "aes": AES, "secret": SECRET})
        conn.execute(sa.text("INSERT INTO sites (id, slug, name, ticket_prefix, kind, settings, created_at) "
                             "VALUES (2, 'other', '另一个', 'OT', 'mall', '{}', :at)"), {"at": datetime(2026, 11, 20)})
    engine.dispose()
    upgrade(url)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, wechat_token_sealed, wechat_aes_key_sealed, wechat_secret_sealed, "
                                    "wechat_appid FROM sites ORDER BY id")).all()
        columns = {c["name"] for c in sa.inspect(conn).get_columns("sites")}
    engine.dispose()
    assert not {"wechat_token", "wechat_aes_key", "wechat_secret"} & columns
    assert TOKEN not in str(rows[0]) and rows[1][1:4] == (None, None, None)
    sealed = Site(wechat_token_sealed=rows[0][1], wechat_aes_key_sealed=rows[0][2], wechat_secret_sealed=rows[0][3],
                  wechat_appid=rows[0][4])
    creds = sealed.wechat_credentials({"SECRET_KEY": "the-production-key"})
    assert (creds.token, creds.aes_key, creds.secret, creds.appid) == (TOKEN, AES, SECRET, "wx00own")
