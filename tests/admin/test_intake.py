"""Intake for phone calls, visits and letters; the live classification endpoint; phone
messages for an absent colleague."""
from __future__ import annotations

import sqlalchemy as sa

from models import Channel, Outbox, Ticket


def test_phone_intake_shows_the_script_and_registers(team, console, session):
    console.login("desk")
    html = console.get("/admin/intake/phone").get_data(as_text=True)
    for phrase in ("您好，乐汇城物业服务中心。", "请问您是哪位？", "能告诉我您的电话号码吗？", "我马上联系有关人员，他们会尽快赶到。",
                   "对不起，我们没有这项服务", "对不起，我马上向领导汇报，尽快给您一个答复。", "谢谢您将此事告诉我们。"):
        assert phrase in html, phrase
    assert 'name="content"' in html and "intake.js" in html
    response = console.post("/admin/intake/phone", {"site": "lehui", "content": "电梯困人了，3号梯", "complainant": "赵磊",
                                                    "unit_code": "l1-032", "phone": "13700005678", "code": "", "urgent": ""})
    assert response.status_code == 302
    ticket = session.scalar(sa.select(Ticket))
    assert (ticket.channel, ticket.code, ticket.urgent, ticket.complainant, ticket.phone) == (
        Channel.PHONE, "ENG-LIFT", True, "赵磊", "13700005678")
    assert ticket.receiver == ticket.recorder == team.desk.display_name and ticket.owner_id == team.desk.id
    page = console.get(response.headers["Location"]).get_data(as_text=True)
    assert f"已登记工单 {ticket.number}" in page and "维修人员将在30分钟内到场" in page


def test_clerk_choice_of_code_wins_and_errors_name_the_field(team, console, session):
    console.login("desk")
    empty = console.post("/admin/intake/visit", {"site": "lehui", "content": " ", "complainant": "孙丽"})
    html = empty.get_data(as_text=True)
    assert empty.status_code == 400 and 'id="intake-content"' in html and 'class="invalid"' in html
    assert 'value="孙丽"' in html
    bad = console.post("/admin/intake/visit", {"site": "lehui", "content": "门坏了", "code": "NOPE"})
    assert bad.status_code == 400 and "未知的投诉代码" in bad.get_data(as_text=True)
    ok = console.post("/admin/intake/visit", {"site": "lehui", "content": "门坏了", "code": "ENG-DOOR", "urgent": "0"})
    assert ok.status_code == 302
    ticket = session.scalar(sa.select(Ticket))
    assert (ticket.channel, ticket.code, ticket.urgent) == (Channel.VISIT, "ENG-DOOR", False)


def test_letter_carries_the_flags(team, console, session):
    console.login("desk")
    html = console.get("/admin/intake/letter").get_data(as_text=True)
    assert 'name="forwarded_by_company"' in html and 'name="leadership_instruction"' in html
    response = console.post("/admin/intake/letter", {"site": "lehui", "content": "保安态度很差",
                                                     "forwarded_by_company": "1", "leadership_instruction": "1"})
    assert response.status_code == 302
    ticket = session.scalar(sa.select(Ticket))
    assert ticket.channel == Channel.LETTER and ticket.forwarded_by_company and ticket.leadership_instruction
    assert ticket.supervisor_flag
    # a phone call cannot smuggle letter flags in
    console.post("/admin/intake/phone", {"site": "lehui", "content": "空调不冷", "forwarded_by_company": "1"})
    phone = session.scalar(sa.select(Ticket).where(Ticket.channel == Channel.PHONE))
    assert not phone.forwarded_by_company


def test_live_classification_endpoint(team, console):
    console.login("desk")
    data = console.post_json("/admin/intake/classify", {"text": "你们这什么破物业！！报修三天了空调还没人来，气死我了"}).json
    assert data["code"] == "SVC-SLOW" and data["emotion"] == "upset" and data["evidence"]
    assert "sympathy" in data["phrases"] and data["department"] == "客服部"
    assert console.post_json("/admin/intake/classify", {"text": ""}).json == {"empty": True}


def test_message_for_an_absent_colleague_notifies_them(team, console, session):
    console.login("desk")
    html = console.get("/admin/intake/message").get_data(as_text=True)
    assert team.engineer.display_name in html and team.admin.display_name not in html
    missing = console.post("/admin/intake/message", {"site": "lehui", "caller": "刘先生", "text": "请回电"})
    assert missing.status_code == 400 and 'id="message-recipient" name="recipient" class="invalid"' in missing.get_data(as_text=True)
    response = console.post("/admin/intake/message", {"site": "lehui", "recipient": str(team.engineer.id),
                                                      "caller": "刘先生", "phone": "13912345678", "text": "请回电，关于空调"})
    assert response.status_code == 302
    row = session.scalar(sa.select(Outbox).where(Outbox.kind == "notify_staff"))
    assert row.payload["event"] == "phone_message" and row.payload["staff_id"] == team.engineer.id
    assert row.payload["text"] == "请回电，关于空调" and row.payload["recorded_by"] == team.desk.display_name
    listing = console.get("/admin/intake/message").get_data(as_text=True)
    assert "请回电，关于空调" in listing and "139****5678" in listing and "13912345678" not in listing
