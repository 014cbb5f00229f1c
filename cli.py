"""Operations as Flask CLI commands; each docstring is its --help text."""
from __future__ import annotations

import click
import sqlalchemy as sa
from flask import Flask, current_app

from models import ApiToken, Role, Site, Staff, db


def init_app(app: Flask) -> None:
    from bot.simulate import simulate

    for command in (init_db, seed_demo, create_staff, create_api_token, simulate):
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

    summary = seed(db.session)
    db.session.commit()
    click.echo(summary)
    click.echo("演示账号（用户名 / 密码 / 岗位）：")
    for username, password, role in DEMO_LOGINS:
        click.echo(f"  {username} / {password} / {role}")


@click.command("create-staff")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--password", required=True, help="At least 8 characters.")
@click.option("--name", "display_name", help="Display name (defaults to the username).")
@click.option("--department", help="Department name, e.g. 工程部 (created if missing).")
@click.option("--site", "site_slugs", multiple=True, help="Site slug; repeat for several sites.")
def create_staff(username, role, password, display_name, department, site_slugs):
    """Create or update a staff account."""
    from workflow.reference import ensure_department

    if len(password) < 8:
        raise click.BadParameter("at least 8 characters", param_hint="--password")
    sites = db.session.scalars(sa.select(Site).where(Site.slug.in_(site_slugs))).all() if site_slugs else None
    unknown = set(site_slugs) - {s.slug for s in sites or []}
    if unknown:
        raise click.BadParameter(f"unknown site(s): {', '.join(sorted(unknown))}", param_hint="--site")
    staff = db.session.scalar(sa.select(Staff).where(Staff.username == username))
    if staff is None:
        staff = Staff(username=username, display_name=display_name or username, role=Role(role))
        db.session.add(staff)
    staff.role = Role(role)
    if display_name:
        staff.display_name = display_name
    staff.set_password(password)
    staff.active, staff.failed_logins, staff.locked_until = True, 0, None
    if department:
        staff.department = ensure_department(db.session, department)
    if sites is not None:
        staff.sites = list(sites)
    db.session.commit()
    click.echo(f"staff {staff.username} ({staff.role.value}) saved")


@click.command("create-api-token")
@click.argument("username")
def create_api_token(username):
    """Print a new bearer token for USERNAME's read-only API access (last line)."""
    staff = db.session.scalar(sa.select(Staff).where(Staff.username == username))
    if staff is None:
        raise click.ClickException(f"no staff account named {username!r}")
    row, token = ApiToken.issue(staff)
    db.session.add(row)
    db.session.commit()
    click.echo(f"token for {username} (shown once):")
    click.echo(token)



