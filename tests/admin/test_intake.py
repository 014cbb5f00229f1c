"""Intake for phone calls, visits and letters; the live classification endpoint; phone
messages for an absent colleague."""
from __future__ import annotations

import sqlalchemy as sa

from models import Channel, Outbox, Ticket


def test_phone_intake_shows_the_script_and_registers(team, console, session):
    console.login("desk")
    html = console.get("/admin/intake/phone").get_data(as_text=True)
    for phrase in ("您好，乐汇城物业服务中心。", "请问您是哪位？", "能告诉我您的电话号码吗？", "我马上联系有关人员，他们会尽快赶到。",
                   "对不起，我们没有这项服务", "对不起，我马上向领导（或有关部门）汇报，尽快给您一个答复。", "谢谢您将此事告诉我们。"):
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


def test_phone_and_desk_scripts_say_check_first_and_keep_the_department_in_escalate_4_3_2_6(team, console):
    """§四(3) 「对不起，我来问一下。」 is for the phone and the desk too; §二(6) says
    「我马上向领导（或有关部门）汇报」, the parenthesis included."""
    console.login("desk")
    for kind in ("phone", "visit"):
        html = console.get(f"/admin/intake/{kind}").get_data(as_text=True)
        assert 'data-key="check_first"' in html and "对不起，我来问一下。" in html, kind
        assert "对不起，我马上向领导（或有关部门）汇报，尽快给您一个答复。" in html, kind


def test_registration_needs_a_way_back_to_the_complainant_or_a_reason_6_1(team, console, session):
    """§六(1) records 物业编号 and 联系电话: at least one of phone, unit or WeChat id, or the
    reason there is none, else a form error on the phone field and nothing registered."""
    console.login("desk")
    bare = console.post("/admin/intake/visit", {"site": "lehui", "content": "门坏了", "complainant": "孙丽"})
    html = bare.get_data(as_text=True)
    assert bare.status_code == 400 and 'id="intake-phone" type="tel" name="phone"' in html
    assert 'class="invalid"' in html and "请至少填写联系电话、物业编号或微信号之一" in html
    assert 'value="孙丽"' in html and session.scalar(sa.select(sa.func.count(Ticket.id))) == 0
    by_wechat = console.post("/admin/intake/visit", {"site": "lehui", "content": "门坏了", "wechat": "sunli_88"})
    anonymous = console.post("/admin/intake/letter", {"site": "lehui", "content": "保洁不到位", "contact_reason": "匿名来信"})
    assert by_wechat.status_code == anonymous.status_code == 302
    first, second = session.scalars(sa.select(Ticket).order_by(Ticket.id)).all()
    assert first.events[-1].note == "微信号：sunli_88" and second.events[-1].note == "未留联系方式：匿名来信"


def test_clerk_choice_of_code_wins_and_errors_name_the_field(team, console, session):
    console.login("desk")
    empty = console.post("/admin/intake/visit", {"site": "lehui", "content": " ", "complainant": "孙丽"})
    html = empty.get_data(as_text=True)
    assert empty.status_code == 400 and 'id="intake-content"' in html and 'class="invalid"' in html
    assert 'value="孙丽"' in html
    bad = console.post("/admin/intake/visit", {"site": "lehui", "content": "门坏了", "code": "NOPE", "unit_code": "L2-015"})
    assert bad.status_code == 400 and "未知的投诉代码" in bad.get_data(as_text=True)
    ok = console.post("/admin/intake/visit", {"site": "lehui", "content": "门坏了", "code": "ENG-DOOR", "urgent": "0",
                                             "unit_code": "L2-015"})
    assert ok.status_code == 302
    ticket = session.scalar(sa.select(Ticket))
    assert (ticket.channel, ticket.code, ticket.urgent) == (Channel.VISIT, "ENG-DOOR", False)


def test_letter_carries_the_flags(team, console, session):
    console.login("desk")
    html = console.get("/admin/intake/letter").get_data(as_text=True)
    assert 'name="forwarded_by_company"' in html and 'name="leadership_instruction"' in html
    response = console.post("/admin/intake/letter", {"site": "lehui", "content": "保安态度很差", "contact_reason": "匿名来信",
                                                     "forwarded_by_company": "1", "leadership_instruction": "1"})
    assert response.status_code == 302
    ticket = session.scalar(sa.select(Ticket))
    assert ticket.channel == Channel.LETTER and ticket.forwarded_by_company and ticket.leadership_instruction
    assert ticket.supervisor_flag
    # a phone call cannot smuggle letter flags in
    console.post("/admin/intake/phone", {"site": "lehui", "content": "空调不冷", "forwarded_by_company": "1",
                                         "phone": "13800001234"})
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
