"""The printed 派遣单 (dispatch order) and 回执单 (receipt) of a ticket (seed §五(1)(3)): the
order to the department with its deadline, the quoted items and the amount; the receipt
for the tenant to confirm, with the place for the tenant's signature."""
from __future__ import annotations

from flask import abort, render_template, url_for

from admin import bp, ticket_queries
from admin.access import ALL_STAFF, require, ticket_or_abort
from models import db
from workflow import letters
from workflow.fees import line_text, quote_lines
from workflow.fieldwork import signature

FORMS = {"dispatch": "派遣单", "receipt": "回执单", "letter_reply": "书面回复函", "result_report": "处理结果报告"}
# Forms about a letter (seed §三), printed whether or not the ticket was dispatched.
LETTER_FORMS = frozenset({"letter_reply", "result_report"})


def _order(ticket):
    """The order the form is about: the newest one not cancelled (a reassignment cancels)."""
    orders = [o for o in ticket.dispatch_orders if o.status != "cancelled"] or ticket.dispatch_orders
    return orders[-1] if orders else None


def _confirmation(ticket) -> dict | None:
    """Who confirmed the receipt, when and how (the timeline's confirm_receipt event)."""
    event = next((e for e in reversed(ticket.events) if e.action == "confirm_receipt"), None)
    if event is None:
        return None
    how = "微信回复「确认」" if event.actor_id is None else f"工作人员登记（{event.actor_label}）"
    return {"by": event.actor_label, "at": event.at, "how": how}


@bp.get("/tickets/<int:ticket_id>/print/<form>")
@require(ALL_STAFF)
def ticket_print(ticket_id: int, form: str):
    if form not in FORMS:
        abort(404)
    ticket = ticket_or_abort(ticket_id)
    if form in LETTER_FORMS:
        return _letter_form(ticket, form)
    order = _order(ticket)
    if order is None:
        abort(404, description="该工单尚未派单，没有派遣单和回执单")
    lines = quote_lines(db.session, ticket)
    signed = signature(db.session, ticket)  # the 回执 signed on the engineer's phone, if any
    signature_url = url_for("admin.ticket_file", ticket_id=ticket.id, file_id=signed.id) if signed else None
    return render_template(f"admin/print_{form}.html", t=ticket, order=order, lines=lines, line_text=line_text,
                           title=FORMS[form], confirmation=_confirmation(ticket), signature_url=signature_url)


def _letter_form(ticket, form: str):
    """A letter's printed forms: 404 for any other ticket, and before there is anything to
    print. 书面回复函: the recorded reply. 处理结果报告: for a letter the company forwarded
    (§三(3)) or a major complaint a leader wrote an instruction on (§三(4)), the written
    result report upwards, printable whenever asked, saying how far the handling has got."""
    if not letters.is_letter(ticket):
        abort(404, description="该工单不是信函")
    reply = letters.written_reply(ticket)
    if form == "letter_reply" and reply is None:
        abort(404, description="该信函尚未登记书面回复")
    if form == "result_report" and not letters.reports_upwards(ticket):
        abort(404, description="只有公司转发或领导批示的信函需要书面汇报处理结果")
    method = letters.REPLY_METHODS.get(reply.data.get("sent_by"), "—") if reply is not None else None
    poll = ticket_queries.survey(db.session, ticket)
    orders = [o for o in ticket.dispatch_orders if o.status != "cancelled"]
    return render_template(f"admin/print_{form}.html", t=ticket, title=FORMS[form], reply=reply,
                           reply_method=method, orders=orders,
                           score=poll.score if poll is not None and poll.answered_at is not None else None)
