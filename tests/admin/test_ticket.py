"""The ticket page: every registration field, classification evidence, the whole timeline,
only the actions the workflow allows, and actions that name the field at fault."""
from __future__ import annotations

import sqlalchemy as sa

from models import (
    Channel,
    ClassificationCorrection,
    FollowUp,
    Message,
    Outbox,
    Status,
    Survey,
    Ticket,
    TicketEvent,
    utcnow,
)


def _html(console, ticket) -> str:
    return console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)


def test_page_shows_registration_classification_and_timeline(team, console, session):
    ticket = team.ticket(Status.CLOSED, content="空调不制冷，出风口不凉", unit_code="L3-008", phone="13912345678",
                         complainant="刘芳")
    session.add_all([
        Message(site_id=team.site.id, openid="o-tenant-1", direction="in", msg_type="text", content="空调坏了吗？",
                dedupe_key="m1", ticket_id=ticket.id, reply="您好，乐汇城物业服务中心。"),
        Message(site_id=team.site.id, openid="o-tenant-1", direction="out", msg_type="text",
                content="您的工单已派至工程部", ticket_id=ticket.id, channel="custom", delivery="sent"),
        FollowUp(site_id=team.site.id, ticket_id=ticket.id, kind="urgent_24h", due_at=utcnow(), done_at=utcnow(),
                 method="phone", result="已修好，无渗漏"),
    ])
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))  # made by close
    survey.answered_at, survey.score, survey.comment = utcnow(), 5, "师傅很快"
    session.commit()
    console.login("desk")
    html = _html(console, ticket)
    for text in (ticket.number, "L3-008", "13912345678", "刘芳", "ENG-HVAC 空调通风", "工程维修类", "客服1", "微信",
                 "空调坏了吗？", "您好，乐汇城物业服务中心。", "您的工单已派至工程部", "已修好，无渗漏", "师傅很快",
                 "满意度评价 5 分", "已答复", "接待人员", "记录人员"):
        assert text in html, text
    assert '<span class="kw">空调</span>' in html
    # the timeline opens with the registration, read from the ticket row (no event stored)
    assert "<strong>登记</strong> · 微信服务号" in html and ticket.events[0].action != "register"


def test_only_allowed_actions_are_offered(team, console, session):
    new = team.ticket(Status.NEW)
    completed = team.ticket(Status.COMPLETED)
    session.commit()
    console.login("desk")
    html = _html(console, new)
    assert "actions/dispatch" in html and "actions/complete" not in html and "actions/reopen" not in html
    html = _html(console, completed)
    assert "actions/close" in html and "actions/dispatch" not in html and "actions/start" not in html
    console.login("engineer")
    html = _html(console, completed)
    assert "actions/close\"" not in html and "actions/reclassify" not in html and "actions/reply_tenant" not in html


def test_dispatch_then_refused_transition_changes_nothing(team, console, session):
    ticket = team.ticket(Status.NEW)
    session.commit()
    console.login("desk")
    response = console.post(f"/admin/tickets/{ticket.id}/actions/dispatch", {"assignee": str(team.engineer.id)})
    assert response.status_code == 302
    session.expire_all()
    ticket = session.get(Ticket, ticket.id)
    assert ticket.status == Status.DISPATCHED and ticket.active_dispatch.assignee_id == team.engineer.id
    events = len(ticket.events)
    refused = console.post(f"/admin/tickets/{ticket.id}/actions/close", {"result": "x"})
    assert refused.status_code == 409 and "不能结案" in refused.get_data(as_text=True)
    session.expire_all()
    assert len(session.get(Ticket, ticket.id).events) == events


def test_validation_error_names_the_field_and_keeps_the_input(team, console, session):
    ticket = team.ticket(Status.IN_PROGRESS)
    session.commit()
    console.login("engineer")
    response = console.post(f"/admin/tickets/{ticket.id}/actions/complete",
                            {"work_done": "换了电容", "amount": "0"})  # site not cleaned
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'name="site_cleaned" value="1" class="invalid"' in html and "工完料清" in html
    assert "换了电容" in html
    paid = console.post(f"/admin/tickets/{ticket.id}/actions/complete",
                        {"work_done": "换了电容", "amount": "180", "site_cleaned": "1"})
    assert paid.status_code == 400 and 'id="complete-amount"' in paid.get_data(as_text=True)
    assert "不可事后告知价格" in paid.get_data(as_text=True)
    session.expire_all()
    assert session.get(Ticket, ticket.id).status == Status.IN_PROGRESS


def test_reclassify_keeps_a_correction(team, console, session):
    ticket = team.ticket(Status.NEW, content="插座没电了")
    session.commit()
    console.login("desk")
    response = console.post(f"/admin/tickets/{ticket.id}/actions/reclassify",
                            {"code": "ENG-ELEC", "urgent": "1", "intent": "", "emotion": ""})
    assert response.status_code == 302
    row = session.scalar(sa.select(ClassificationCorrection))
    assert (row.ticket_id, row.code, row.predicted_code, row.urgent, row.text) == (
        ticket.id, "ENG-ELEC", "ENG-HVAC", True, "插座没电了")
    session.expire_all()
    t = session.get(Ticket, ticket.id)
    assert (t.code, t.category, t.urgent) == ("ENG-ELEC", "ENG", True)


def test_delay_asks_for_reason_and_eta(team, console, session):
    ticket = team.ticket(Status.DISPATCHED)
    session.commit()
    console.login("desk")
    missing = console.post(f"/admin/tickets/{ticket.id}/actions/delay", {"reason": "等配件"})
    assert missing.status_code == 400 and 'id="delay-new_eta"' in missing.get_data(as_text=True)
    ok = console.post(f"/admin/tickets/{ticket.id}/actions/delay", {"reason": "等配件", "new_eta": "2099-01-02T10:30"})
    assert ok.status_code == 302
    notice = session.scalar(sa.select(Outbox).where(Outbox.kind == "notify_tenant").order_by(Outbox.id.desc()))
    assert notice.payload["event"] == "delay" and notice.payload["reason"] == "等配件"
    assert notice.payload["new_eta"].startswith("2099-01-02T02:30")  # 10:30 in Shanghai, stored as UTC


def test_reply_to_the_tenant_by_wechat(team, console, session):
    ticket = team.ticket(Status.DISPATCHED)
    session.commit()
    console.login("desk")
    empty = console.post(f"/admin/tickets/{ticket.id}/actions/reply_tenant", {"text": " "})
    assert empty.status_code == 400
    response = console.post(f"/admin/tickets/{ticket.id}/actions/reply_tenant", {"text": "师傅下午两点到"})
    assert response.status_code == 302
    row = session.scalar(sa.select(Outbox).where(Outbox.kind == "reply_tenant"))
    assert row.payload == {"text": "师傅下午两点到", "tenant_id": team.tenant.id} and row.ticket_id == ticket.id
    event = session.scalar(sa.select(TicketEvent).where(TicketEvent.action == "reply_tenant"))
    assert event.note == "师傅下午两点到" and event.actor_id == team.desk.id
    assert "回复租户" in _html(console, ticket)


def test_reply_refused_for_a_phone_ticket_without_wechat(team, console, session):
    ticket = team.ticket(Status.NEW, tenant=None, phone="13700000000")
    session.commit()
    console.login("desk")
    assert "未绑定微信" in _html(console, ticket)
    response = console.post(f"/admin/tickets/{ticket.id}/actions/reply_tenant", {"text": "你好"})
    assert response.status_code == 400
    assert session.scalar(sa.select(sa.func.count(Outbox.id)).where(Outbox.kind == "reply_tenant")) == 0


def test_letter_close_requires_the_written_report(team, console, session):
    ticket = team.ticket(Status.NEW, channel=Channel.LETTER, forwarded_by_company=True)
    session.commit()
    console.login("desk")
    html = _html(console, ticket)
    assert "公司转发" in html and 'name="report"' in html
    refused = console.post(f"/admin/tickets/{ticket.id}/actions/close", {"result": "已处理"})
    assert refused.status_code == 400 and 'id="close-report"' in refused.get_data(as_text=True)
    ok = console.post(f"/admin/tickets/{ticket.id}/actions/close", {"result": "已处理", "report": "书面报告：已整改"})
    assert ok.status_code == 302
    session.expire_all()
    assert session.get(Ticket, ticket.id).result_report == "书面报告：已整改"


def test_photo_is_served_only_from_the_instance_folder(team, console, session, app):
    import os

    ticket = team.ticket(Status.NEW)
    os.makedirs(os.path.join(app.config["INSTANCE_PATH"], "media"), exist_ok=True)
    with open(os.path.join(app.config["INSTANCE_PATH"], "media", "p.jpg"), "wb") as fh:
        fh.write(b"\xff\xd8\xff\xe0" + b"0" * 100)
    good = Message(site_id=team.site.id, openid="o", direction="in", msg_type="image", media_path="media/p.jpg",
                   ticket_id=ticket.id, dedupe_key="p1")
    escape = Message(site_id=team.site.id, openid="o", direction="in", msg_type="image",
                     media_path="../../../../etc/passwd", ticket_id=ticket.id, dedupe_key="p2")
    session.add_all([good, escape])
    session.commit()
    console.login("desk")
    response = console.get(f"/admin/tickets/{ticket.id}/photos/{good.id}")
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert console.get(f"/admin/tickets/{ticket.id}/photos/{escape.id}").status_code == 404
    assert f"/photos/{good.id}" in _html(console, ticket)


def test_what_the_worker_wrote_on_the_timeline_reads_in_chinese(team, console, session):
    """The sweeps' and notices' timeline entries (workflow.system_events) show their labels,
    never the internal action names."""
    from workflow import system_events
    from workflow.deadlines import DESK_AFTER, sweep_undispatched

    ticket = team.ticket(Status.NEW)
    session.commit()
    sweep_undispatched(session, utcnow() + DESK_AFTER)
    system_events.record(session, ticket, "notify_failed", "微信通知发送失败（45015）")
    session.commit()
    console.login("desk")
    html = _html(console, ticket)
    for action, label in (("undispatched", "待派单提醒"), ("notify_failed", "通知发送失败")):
        assert label in html and f">{action}<" not in html, action

