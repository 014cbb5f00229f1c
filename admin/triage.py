"""待分诊: what the bot could not sort out for itself and a desk clerk must read — messages
it did not understand, calls for help with no fault named, and messages the dialog failed
on (kept by the webhook as unhandled) — so no report drops."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import render_template

from admin import bp
from admin.access import DESK_UP, current_staff, require
from models import Message, Status, Ticket, db, utcnow
from models.queries import site_ids

TRIAGE_REASONS = {"not_understood": "未能识别", "call_for_help": "呼救", "dialog_failed": "系统出错",
                  "tenant_corrected": "租户更正", "human_asked": "要求人工"}
# an unhandled message older than this has been seen to (or is a ticket of its own by now)
UNHANDLED_DAYS = 7


def _tickets(ids):
    stmt = sa.select(Ticket).where(Ticket.triage.is_not(None), Ticket.status != Status.CLOSED)
    return stmt.where(Ticket.site_id.in_(ids)) if ids is not None else stmt


def _unhandled(ids):
    stmt = sa.select(Message).where(
        Message.direction == "in", Message.ticket_id.is_(None),
        Message.data["unhandled"].as_boolean().is_(True),
        Message.created_at >= utcnow() - timedelta(days=UNHANDLED_DAYS))
    return stmt.where(Message.site_id.in_(ids)) if ids is not None else stmt


def triage_count(staff) -> int:
    """The number in the desk's navigation."""
    ids = site_ids(staff)
    if ids == []:
        return 0
    tickets = db.session.scalar(sa.select(sa.func.count()).select_from(_tickets(ids).subquery())) or 0
    messages = db.session.scalar(sa.select(sa.func.count()).select_from(_unhandled(ids).subquery())) or 0
    return tickets + messages


@bp.get("/triage")
@require(DESK_UP)
def triage():
    ids = site_ids(current_staff())
    tickets = db.session.scalars(_tickets(ids).order_by(Ticket.urgent.desc(), Ticket.created_at)).all() \
        if ids != [] else []
    messages = db.session.scalars(_unhandled(ids).order_by(Message.created_at)).all() if ids != [] else []
    return render_template("admin/triage.html", tickets=tickets, messages=messages, reasons=TRIAGE_REASONS)


@bp.context_processor
def _triage_in_navigation() -> dict:
    return {"triage_count": triage_count}
