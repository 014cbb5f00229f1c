"""Registering phone calls, desk visits and letters (seed §一 §二 §三) with the script to
read and the classification suggested as the clerk types; and phone messages for an
absent colleague (seed §一(5))."""
from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, jsonify, redirect, render_template, request, url_for

import workflow
from admin import bp, forms, scripts
from admin.access import DESK_UP, current_staff, require, site_or_abort, visible_sites
from admin.forms import FormState
from models import Channel, ComplaintCode, Outbox, Role, Staff, db, staff_sites
from nlp import taxonomy
from workflow.classification import classify
from workflow.phrasebook import phrase, urgent_eta
from workflow.register import reachable_note
from workflow.replies import relay_phone_message
from workflow.tenants import match_tenant

CHANNELS = {"phone": Channel.PHONE, "visit": Channel.VISIT, "letter": Channel.LETTER}
TITLES = {"phone": "电话登记", "visit": "来访登记", "letter": "信函登记"}
MAX_CLASSIFY_CHARS = 2000


def _codes():
    return db.session.scalars(sa.select(ComplaintCode).where(ComplaintCode.active.is_(True))
                              .order_by(ComplaintCode.category, ComplaintCode.code)).all()


def _render(kind: str, site, state: FormState, status: int = 200):
    return render_template("admin/intake.html", kind=kind, title=TITLES[kind], site=site, state=state,
                           sites=visible_sites(current_staff()), codes=_codes(),
                           script=scripts.lines(scripts.INTAKE[kind], site)), status


@bp.route("/intake/<kind>", methods=["GET", "POST"])
@require(DESK_UP)
def intake(kind: str):
    if kind not in CHANNELS:
        abort(404)
    site = site_or_abort(request.values.get("site"))
    if request.method == "GET":
        return _render(kind, site, FormState())
    staff = current_staff()
    letter = kind == "letter"
    unit_code, phone = forms.optional_text("unit_code", 40), forms.optional_text("phone", 20)
    with forms.Submission("intake") as sent:
        ticket = workflow.register(
            db.session, site, content=forms.text("content", 5000), channel=CHANNELS[kind], actor=staff,
            unit_code=unit_code, phone=phone, tenant=match_tenant(db.session, site, unit_code, phone),
            complainant=forms.optional_text("complainant", 40), receiver=forms.optional_text("receiver", 40),
            recorder=staff.display_name, code=forms.optional_text("code", 20), urgent=forms.tristate("urgent"),
            forwarded_by_company=letter and forms.checkbox("forwarded_by_company"),
            leadership_instruction=letter and forms.checkbox("leadership_instruction"),
        )
        # After register: an empty content is the first thing to name (its own check).
        contact = reachable_note(phone=phone, unit_code=unit_code, wechat=forms.optional_text("wechat", 40),
                                 reason=forms.optional_text("contact_reason", 200))
        if contact:
            workflow.add_note(db.session, ticket, staff, contact)
    if sent.refused:
        return _render(kind, site, sent.refused, 400)
    department = ticket.department.name if ticket.department else None
    eta = urgent_eta(site, department) if ticket.urgent else phrase(
        "eta_hours", site, hours=f"{(ticket.due_at - ticket.created_at).total_seconds() / 3600:.0f}小时")
    flash(f"已登记工单 {ticket.number}。请告知：{phrase('ticket_opened', site, number=ticket.number, eta=eta)}",
          "success")
    return redirect(url_for("admin.ticket", ticket_id=ticket.id))


@bp.post("/intake/classify")
@require(DESK_UP)
def classify_text():
    """Live suggestion while the clerk types (admin/static/intake.js, debounced)."""
    payload = request.get_json(silent=True) or {}
    text = str(payload.get("text") or "").strip()[:MAX_CLASSIFY_CHARS]
    if not text:
        return jsonify(empty=True)
    result = classify(db.session, text)
    code_row = db.session.get(ComplaintCode, result.code)
    return jsonify(
        empty=False, code=result.code, code_name=code_row.name if code_row else taxonomy.name_of(result.code),
        category=result.category, category_name=taxonomy.CATEGORIES.get(result.category, result.category),
        intent=result.intent, intent_name=taxonomy.INTENTS.get(result.intent, result.intent), urgent=result.urgent,
        emotion=result.emotion, emotion_name=taxonomy.EMOTIONS.get(result.emotion, result.emotion),
        confidence=result.confidence, evidence=list(result.evidence),
        department=code_row.department.name if code_row and code_row.department else None,
        phrases=scripts.highlights(result),
    )


def _colleagues(site) -> list[Staff]:
    me = current_staff()
    return db.session.scalars(
        sa.select(Staff).join(staff_sites, staff_sites.c.staff_id == Staff.id)
        .where(staff_sites.c.site_id == site.id, Staff.active.is_(True), Staff.id != me.id)
        .order_by(Staff.role, Staff.id)
    ).all()


def _recent_messages(site_ids: set[int]) -> list[dict]:
    rows = db.session.scalars(sa.select(Outbox).where(Outbox.kind == "notify_staff", Outbox.ticket_id.is_(None))
                              .order_by(Outbox.id.desc()).limit(200)).all()
    out = []
    for row in rows:
        p = row.payload or {}
        if p.get("event") == "phone_message" and p.get("site_id") in site_ids:
            recipient = db.session.get(Staff, p.get("staff_id"))
            out.append({**p, "recipient": recipient.display_name if recipient else "—", "created_at": row.created_at,
                        "delivery": row.status})
        if len(out) >= 20:
            break
    return out


@bp.route("/intake/message", methods=["GET", "POST"])
@require(DESK_UP)
def phone_message():
    site = site_or_abort(request.values.get("site"))
    state, status = FormState(), 200
    if request.method == "POST":
        with forms.Submission("message") as sent:
            recipient_id = forms.int_value("recipient", "要转告的同事")
            recipient = db.session.get(Staff, recipient_id) if recipient_id else None
            relay_phone_message(db.session, site, current_staff(), recipient=recipient, caller=forms.text("caller", 40),
                                phone=forms.optional_text("phone", 20), text=forms.text("text", 1000),
                                unit_code=forms.optional_text("unit_code", 40))
        if sent.refused:
            state, status = sent.refused, 400
        else:
            flash(f"留言已记录，并已通知{recipient.display_name}", "success")
            return redirect(url_for("admin.phone_message", site=site.slug))
    sites = visible_sites(current_staff())
    return render_template("admin/phone_message.html", site=site, sites=sites, colleagues=_colleagues(site),
                           state=state, recent=_recent_messages({s.id for s in sites}), Role=Role,
                           script=scripts.lines(["greeting", "ask_name", "ask_phone", "thanks_complaint"], site)), status
