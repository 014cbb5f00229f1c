"""What a production start (APP_ENV=production) refuses, one clear message per problem:
hosts that would disagree on SECRET_KEY, links tenants open over plain http, a site that
cannot talk to WeChat, and the demo's well-known token and passwords."""
from __future__ import annotations

import logging

import click
import sqlalchemy as sa
from flask import Flask

log = logging.getLogger(__name__)


def problems(app: Flask) -> list[str]:
    cfg = app.config
    found = []
    if cfg.get("SECRET_KEY_SOURCE") == "instance":
        found.append("SECRET_KEY is not set in the environment: each host would make its own, and sessions, "
                     "survey links and sealed WeChat secrets would not work across hosts. Set the same SECRET_KEY "
                     "on every host.")
    base = str(cfg.get("PUBLIC_BASE_URL") or "")
    if not base.startswith("https://"):
        found.append(f"PUBLIC_BASE_URL must be the https:// address tenants reach, not {base!r}: survey links "
                     "and QR codes would travel in clear text.")
    found += _database_problems(cfg)
    return found


def _database_problems(cfg) -> list[str]:
    from demo.seed import DEMO_PASSWORD, DEMO_TOKEN, STAFF
    from models import Site, Staff, db

    found = []
    try:
        sites = db.session.scalars(sa.select(Site).order_by(Site.id)).all()
        demo_names = [username for username, *_ in STAFF]
        staff = db.session.scalars(sa.select(Staff).where(Staff.username.in_(demo_names), Staff.active)).all()
    except sa.exc.DBAPIError:
        db.session.rollback()
        return ["the database is not reachable or not migrated: run `flask --app app init-db` first."]
    finally:
        db.session.remove()
    for site in sites:
        try:
            creds = site.wechat_credentials(cfg)
        except ValueError as exc:
            found.append(f"site {site.slug}: {exc}.")
            continue
        missing = [name for name, value in (("token", creds.token), ("AppID", creds.appid),
                                            ("AppSecret", creds.secret)) if not value]
        if missing:
            found.append(f"site {site.slug} has no WeChat {', '.join(missing)} (neither its own nor WECHAT_* in "
                         "the environment).")
        if creds.token == DEMO_TOKEN:
            found.append(f"site {site.slug} uses the demo WeChat token {DEMO_TOKEN!r}: set the account's own.")
    weak = sorted(s.username for s in staff if s.check_password(DEMO_PASSWORD))
    if weak:
        found.append(f"demo accounts with the demo password {DEMO_PASSWORD!r}: {', '.join(weak)} "
                     "(change their passwords or deactivate them).")
    return found


def refuse_unsafe_start(app: Flask) -> None:
    """Refuse to start a web process or a worker; the CLI (init-db, create-site …) only
    warns, so a deployer can still fix what is reported."""
    if app.config.get("APP_ENV") != "production":
        return
    found = problems(app)
    if not found:
        return
    if click.get_current_context(silent=True) is not None:
        for problem in found:
            log.error("production: %s", problem)
        return
    raise SystemExit("Refusing to start in production:\n" + "\n".join(f"- {p}" for p in found))
