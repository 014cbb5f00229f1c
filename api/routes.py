from __future__ import annotations

from datetime import date
from functools import wraps

import sqlalchemy as sa
from flask import g, jsonify, request

from api import bp
from models import ApiToken, Site, Ticket, db, utcnow
from models.localtime import today as local_today
from models.queries import FilterError, TicketFilters, mask_phone, ticket_query, visible_ticket
from models.stats import Scope, figures, month_period

MONTHS_FROM, MONTHS_UNTIL = 2000, 2100  # the years the statistics answer for (as the console's)


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        row = None
        if scheme.lower() == "bearer" and token.strip():
            row = db.session.scalar(sa.select(ApiToken).where(
                ApiToken.token_hash == ApiToken.hash(token.strip()), ApiToken.revoked.is_(False),
                sa.or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > utcnow())))
        if row is None or not row.staff.active:
            resp = jsonify(error="需要有效的访问令牌（Authorization: Bearer <token>）")
            resp.headers["WWW-Authenticate"] = 'Bearer realm="api"'
            return resp, 401
        row.last_used_at = utcnow()
        db.session.commit()
        g.staff = row.staff
        return view(*args, **kwargs)

    return wrapper


def ticket_summary(t: Ticket, *, mask: bool = True) -> dict:
    return {
        "id": t.id, "number": t.number, "site": t.site.slug, "status": t.status.value,
        "status_label": t.status.label, "intent": t.intent, "category": t.category, "code": t.code,
        "urgent": t.urgent, "emotion": t.emotion, "channel": t.channel.value, "unit": t.unit_code,
        "phone": mask_phone(t.phone) if mask else t.phone, "complainant": t.complainant,
        "content": t.content, "created_at": t.created_at.isoformat(),
        "due_at": t.due_at.isoformat() if t.due_at else None,
        "closed_at": t.closed_at.isoformat() if t.closed_at else None,
    }


def ticket_detail(t: Ticket) -> dict:
    out = ticket_summary(t, mask=False)
    out.update({
        "receiver": t.receiver, "recorder": t.recorder, "owner": t.owner.display_name if t.owner else None,
        "department": t.department.name if t.department else None, "confidence": t.confidence,
        "evidence": t.evidence, "result": t.result, "close_reason": t.close_reason,
        "quote_amount": str(t.quote_amount) if t.quote_amount is not None else None,
        "quote_accepted": t.quote_accepted,
        "final_amount": str(t.final_amount) if t.final_amount is not None else None,
        "receipt_confirmed": t.receipt_confirmed, "site_cleaned": t.site_cleaned,
        "receipt_confirmed_at": t.receipt_confirmed_at.isoformat() if t.receipt_confirmed_at else None,
        "receipt_confirmed_by": t.receipt_confirmed_by, "receipt_method": t.receipt_method,
        "paid_at": t.paid_at.isoformat() if t.paid_at else None, "satisfaction": t.satisfaction,
        "forwarded_by_company": t.forwarded_by_company, "leadership_instruction": t.leadership_instruction,
        "events": [
            {"at": e.at.isoformat(), "actor": e.actor_label, "action": e.action, "from_status": e.from_status,
             "to_status": e.to_status, "note": e.note, "data": e.data}
            for e in t.history
        ],
        "dispatch_orders": [
            {"id": d.id, "department": d.department.name, "assignee": d.assignee.display_name if d.assignee else None,
             "issued_at": d.issued_at.isoformat(), "due_at": d.due_at.isoformat(), "status": d.status,
             "arrived_at": d.arrived_at.isoformat() if d.arrived_at else None,
             "completed_at": d.completed_at.isoformat() if d.completed_at else None,
             "amount": str(d.amount) if d.amount is not None else None, "receipt_confirmed": d.receipt_confirmed}
            for d in t.dispatch_orders
        ],
    })
    return out


def _int_arg(name: str, default: int, lo: int, hi: int) -> int:
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FilterError(name, f"{name} 须为整数") from None
    if not lo <= value <= hi:
        raise FilterError(name, f"{name} 须在 {lo} 到 {hi} 之间")
    return value


@bp.errorhandler(FilterError)
def bad_filter(exc: FilterError):
    return jsonify(error=str(exc), field=exc.field), 400


@bp.get("/")
def index():
    return jsonify(endpoints=["/api/v1/tickets", "/api/v1/tickets/<id>", "/api/v1/stats/monthly"])


@bp.get("/tickets")
@token_required
def list_tickets():
    filters = TicketFilters.from_args(request.args)
    page = _int_arg("page", 1, 1, 100000)
    per_page = _int_arg("per_page", 20, 1, 100)
    stmt = ticket_query(g.staff, filters)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery()))
    rows = db.session.scalars(
        stmt.order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(per_page).offset((page - 1) * per_page)
    ).all()
    return jsonify(items=[ticket_summary(t) for t in rows], total=total, page=page, per_page=per_page)


@bp.get("/tickets/<int:ticket_id>")
@token_required
def get_ticket(ticket_id: int):
    ticket = visible_ticket(db.session, g.staff, ticket_id)
    if ticket is None:
        return jsonify(error="工单不存在"), 404
    return jsonify(ticket_detail(ticket))


@bp.get("/stats/monthly")
@token_required
def stats_monthly():
    raw = request.args.get("month") or local_today().strftime("%Y-%m")
    try:
        year, month = (int(p) for p in raw.split("-"))
        date(year, month, 1)
        if not MONTHS_FROM <= year <= MONTHS_UNTIL:  # 9999-12 and 0001-01 overflowed the month's bounds
            raise ValueError
    except ValueError:
        raise FilterError("month", f"month 须为 {MONTHS_FROM}-01 至 {MONTHS_UNTIL}-12 之间的 YYYY-MM") from None
    scope = Scope(staff=g.staff)
    if slug := request.args.get("site"):
        site_id = db.session.scalar(sa.select(Site.id).where(Site.slug == slug))
        scope = Scope(staff=g.staff, site_ids=(site_id,) if site_id is not None else ())
    return jsonify(figures(db.session, scope, month_period(year, month), utcnow()).as_dict())
