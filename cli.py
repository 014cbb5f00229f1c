"""Operations as Flask CLI commands; each docstring is its --help text."""
from __future__ import annotations

import click
import sqlalchemy as sa
from flask import Flask, current_app

from models import ApiToken, Role, Site, Staff, db
from models.people import SITE_KINDS


def init_app(app: Flask) -> None:
    from bot.simulate import simulate

    for command in (init_db, seed_demo, create_site, import_units, create_staff, create_api_token, revoke_api_token,
                    simulate, nlp_train):
        app.cli.add_command(command)


@click.command("init-db")
def init_db():
    """Create or upgrade the database schema (Alembic) and load the default codes."""
    from models.migrate import upgrade
    from workflow.reference import ensure_reference_data

    upgrade(current_app.config["DATABASE_URL"])
    added = ensure_reference_data(db.session)
    db.session.commit()
    click.echo(f"数据库已就绪（新增投诉代码 {added} 个）。")


@click.command("seed-demo")
def seed_demo():
    """Load the demo site 乐汇城物业服务中心 (slug lehui) with staff, units and tickets.
    Safe to run again: nothing is duplicated."""
    from demo.seed import DEMO_LOGINS, seed

    if current_app.config["APP_ENV"] == "production":
        raise click.ClickException("seed-demo refuses to run with APP_ENV=production: its token demo-token and "
                                   "password demo1234 are public.")
    summary = seed(db.session)
    db.session.commit()
    click.echo(summary)
    click.echo("演示账号（用户名 / 密码 / 岗位）：")
    for username, password, role in DEMO_LOGINS:
        click.echo(f"  {username} / {password} / {role}")


@click.command("create-site")
@click.argument("slug")
@click.option("--name", help="The centre's name, used in greetings (needed for a new site).")
@click.option("--prefix", help="Ticket number prefix, e.g. XY (needed for a new site).")
@click.option("--phone", help="The centre's phone number.")
@click.option("--address", help="The centre's address.")
@click.option("--kind", type=click.Choice(sorted(SITE_KINDS)), help="mall: units are 铺位号; office, residential: 房号.")
def create_site(slug, name, prefix, phone, address, kind):
    """Create the site SLUG (WeChat then posts to /wechat/SLUG) or update it, and create the
    default departments where missing."""
    from workflow.errors import ValidationError
    from workflow.sites import ensure_departments, save_site

    try:
        site, created = save_site(db.session, slug, name=name, prefix=prefix, kind=kind, phone=phone,
                                  address=address)
    except ValidationError as exc:
        raise click.BadParameter(exc.message, param_hint=f"--{exc.field}" if exc.field != "slug" else "SLUG") from None
    added = ensure_departments(db.session)
    db.session.commit()
    click.echo(f"{'已创建' if created else '已更新'}服务中心 {site.name}（{site.slug}，工单号前缀 {site.ticket_prefix}，"
               f"{SITE_KINDS[site.kind]}）；新增部门 {added} 个。微信服务器地址：/wechat/{site.slug}")


@click.command("import-units")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--site", "slug", required=True, help="The site's slug.")
def import_units(path, slug):
    """Load the units and tenants of FILE (.xlsx or .csv; columns 物业编号, 租户名称, 联系电话),
    all or nothing: a bad file imports nothing and names every bad row. Importing again
    updates and never duplicates."""
    from workflow.unit_import import ImportRefused, apply_import, read_import

    site = db.session.scalar(sa.select(Site).where(Site.slug == slug))
    if site is None:
        raise click.BadParameter(f"没有服务中心 {slug}（先运行 create-site）", param_hint="--site")
    try:
        with open(path, "rb") as fh:
            rows = read_import(fh.read(), path)
        summary = apply_import(db.session, site, rows)
    except ImportRefused as exc:
        db.session.rollback()
        click.echo(exc.message, err=True)
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        raise SystemExit(1) from None
    db.session.commit()
    click.echo(f"已导入 {site.name}：{summary.describe()}")


@click.command("create-staff")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--password", required=True, help="At least 8 characters.")
@click.option("--name", "display_name", help="Display name (defaults to the username).")
@click.option("--department", help="Department name, e.g. 工程部 (created if missing).")
@click.option("--site", "site_slugs", multiple=True, help="Site slug; repeat for several sites.")
def create_staff(username, role, password, display_name, department, site_slugs):
    """Create or update a staff account."""
    from workflow.accounts import save_staff
    from workflow.errors import ValidationError

    staff = db.session.scalar(sa.select(Staff).where(Staff.username == username))
    try:
        staff = save_staff(db.session, staff, username=username, role=role, password=password,
                           display_name=display_name, department=department, site_slugs=site_slugs or None)
    except ValidationError as exc:
        hint = {"sites": "--site", "username": "USERNAME"}.get(exc.field, f"--{exc.field}")
        raise click.BadParameter(exc.message, param_hint=hint) from None
    db.session.commit()
    click.echo(f"staff {staff.username} ({staff.role.value}) saved")


@click.command("create-api-token")
@click.argument("username")
@click.option("--days", type=click.IntRange(1, 3650), default=None,
              help="Expire after this many days (default: until revoked).")
def create_api_token(username, days):
    """Print a new bearer token for USERNAME's read-only API access (last line)."""
    from datetime import timedelta

    from models import utcnow

    staff = db.session.scalar(sa.select(Staff).where(Staff.username == username))
    if staff is None:
        raise click.ClickException(f"no staff account named {username!r}")
    row, token = ApiToken.issue(staff)
    if days:
        row.expires_at = utcnow() + timedelta(days=days)
    db.session.add(row)
    db.session.commit()
    click.echo(f"token for {username} (shown once{f', valid {days} days' if days else ''}):")
    click.echo(token)


@click.command("revoke-api-token")
@click.argument("username")
def revoke_api_token(username):
    """Revoke every API token of USERNAME (they answer 401 from now on)."""
    staff = db.session.scalar(sa.select(Staff).where(Staff.username == username))
    if staff is None:
        raise click.ClickException(f"no staff account named {username!r}")
    revoked = db.session.execute(sa.update(ApiToken).where(ApiToken.staff_id == staff.id,
                                                           ApiToken.revoked.is_(False)).values(revoked=True)).rowcount
    db.session.commit()
    click.echo(f"revoked {revoked} token(s) of {username}")





@click.command("nlp-train")
def nlp_train():
    """Refit the classifier's learned second opinion on the shipped texts plus the staff's
    corrections; the web processes pick the new model up on their next message."""
    from jobs.retrain import corrections, retrain

    path = retrain(db.session, current_app.config["INSTANCE_PATH"])
    click.echo(f"trained on the shipped texts and {len(corrections(db.session))} correction(s): {path}")
