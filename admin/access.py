"""Who may open what: role sets per area, the login check every console view gets, and
fetch-or-abort helpers that check the site (and, for engineers, the department)."""
from __future__ import annotations

from functools import wraps
from typing import Optional

from flask import abort
from flask_login import current_user

from models import Role, Site, Staff, Ticket, db
from models.queries import may_see_ticket

ALL_STAFF = frozenset(Role)
DESK_UP = frozenset({Role.DESK, Role.SUPERVISOR, Role.ADMIN})  # intake, visits, simulator
FIELD = frozenset({Role.ENGINEER})  # 我的任务: engineers, cleaners and guards work in the field
SUPERVISION = frozenset({Role.SUPERVISOR, Role.ADMIN})  # statistics
ADMIN_ONLY = frozenset({Role.ADMIN})  # rules, settings, staff


def current_staff() -> Staff:
    return current_user.staff


def require(roles: frozenset):
    """Allow the view to these roles; others get 403 (anonymous users were already sent to
    the sign-in page by the blueprint's login check)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if current_staff().role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapper.allowed_roles = roles
        return wrapper

    return decorator


def ticket_or_abort(ticket_id: int) -> Ticket:
    ticket = db.session.get(Ticket, ticket_id)
    if ticket is None:
        abort(404)
    staff = current_staff()
    if not may_see_ticket(staff, ticket):
        abort(403)
    return ticket


def site_row_or_abort(model, row_id: int):
    """A row of one site (it has site_id) by id: 404 when missing, 403 when the staff member
    does not work for its site."""
    row = db.session.get(model, row_id)
    if row is None:
        abort(404)
    if not current_staff().can_see_site(row.site_id):
        abort(403)
    return row


def visible_sites(staff: Staff) -> list[Site]:
    import sqlalchemy as sa

    if staff.role == Role.ADMIN:
        return list(db.session.scalars(sa.select(Site).order_by(Site.id)))
    return sorted(staff.sites, key=lambda s: s.id)


def site_or_abort(slug: Optional[str], staff: Optional[Staff] = None) -> Site:
    """The named site if the staff member may see it; without a slug, their first site."""
    staff = staff or current_staff()
    sites = visible_sites(staff)
    if not slug:
        if not sites:
            abort(403)
        return sites[0]
    for site in sites:
        if site.slug == slug:
            return site
    import sqlalchemy as sa

    exists = db.session.scalar(sa.select(Site.id).where(Site.slug == slug))
    abort(403 if exists else 404)
