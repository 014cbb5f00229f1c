"""Scripted conversations: the prescribed phrases, in the prescribed order."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

import workflow
from bot import dialog
from models import Conversation, Outbox, Role, Status, Survey, Tenant, Ticket, utcnow
from tests.bot.conftest import notes, tickets
from workflow import held_reports
from workflow.machine import clock_at
from workflow.phrasebook import phrase


def test_unknown_tenant_reports_a_leak_is_asked_who_and_gets_a_ticket_number(wechat, session, site):
    reply = wechat.say("o-new", "天花板在渗水，下雨后更厉害")
    assert reply.startswith(phrase("greeting", site))
    assert phrase("ask_name") in reply and phrase("ask_phone") in reply and phrase("ask_unit") in reply
    assert tickets(session) == []  # held until we know who and where
    reply = wechat.say("o-new", "王建国")
    assert phrase("ask_phone") in reply and phrase("ask_name") not in reply
    reply = wechat.say("o-new", "13800001234，铺位L2-015")
    [ticket] = tickets(session)
    assert ticket.number in reply and "4小时" in reply
    assert phrase("help_coming") in reply
    assert (ticket.code, ticket.complainant, ticket.phone, ticket.unit_code) == ("ENG-LEAK", "王建国", "13800001234", "L2-015")
    assert ticket.receiver == "微信服务号" and ticket.channel.value == "wechat"
    tenant = session.scalar(sa.select(Tenant).where(Tenant.openid == "o-new"))
    assert tenant.unit.code == "L2-015"
    # a known tenant's next report opens a ticket at once, without questions
    reply = wechat.say("o-new", "门口的灯不亮了")
    assert len(tickets(session)) == 2 and phrase("ask_name") not in reply


def test_upset_tenant_gets_the_apology_first_and_the_supervisor_is_flagged(wechat, session, site):
    reply = wechat.say("o-angry", "你们这什么破物业！！报修三天了空调还没人来，气死我了")
    lines = reply.splitlines()
    assert lines[0] == phrase("sympathy") and lines[1] == phrase("escalate")
    assert phrase("thanks_complaint") in reply
    [ticket] = tickets(session)
    assert (ticket.code, ticket.intent, ticket.emotion, ticket.supervisor_flag) == ("SVC-SLOW", "complaint", "upset", True)
    kinds = [o.payload.get("to") for o in session.scalars(sa.select(Outbox).where(Outbox.kind == "notify_staff"))]
    assert "supervisors" in kinds


def test_urgent_report_is_dispatched_before_asking_who_the_tenant_is(wechat, session, site):
    reply = wechat.say("o-night", "卫生间水管爆了，水漫出来了，快来人")
    lines = reply.splitlines()
    assert lines[0] == phrase("greeting", site) and lines[1] == phrase("help_coming")
    [ticket] = tickets(session)
    assert ticket.urgent and ticket.status == Status.DISPATCHED and ticket.number in lines[2]
    assert "30分钟内到场" in lines[2]
    assert phrase("ask_name") in reply
    wechat.say("o-night", "王建国 13800001234")
    reply = wechat.say("o-night", "L2-015")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("王建国", "13800001234", "L2-015")
    assert ticket.number in reply
    assert [e.action for e in ticket.history][:2] == ["register", "dispatch"]


def test_scanning_the_unit_code_answers_the_unit_question(wechat, session, site):
    """Asked for the unit, the tenant scans the QR code on the shop door instead of typing."""
    wechat.say("o-night2", "卫生间水管爆了，水漫出来了，快来人")  # urgent: opened at once
    wechat.say("o-night2", "王建国 13800001234")
    reply = wechat.event("o-night2", "SCAN", "L2-015")["Content"]
    [ticket] = tickets(session)
    assert ticket.unit_code == "L2-015"  # the engineer on his way knows where
    assert reply.splitlines()[0] == phrase("bound_unit", unit="L2-015") and ticket.number in reply
    assert phrase("contact_saved") not in reply
    # a report held for who the tenant is opens once a phone reaches them; the scan then
    # puts the unit on it
    wechat.say("o-held", "空调不制冷")
    reply = wechat.say("o-held", "李娜 13900002222")
    assert len(tickets(session)) == 2 and phrase("help_coming") in reply and phrase("ask_unit") in reply
    reply = wechat.event("o-held", "SCAN", "L3-008")["Content"]
    session.expire_all()
    held = tickets(session)[-1]
    assert (held.code, held.complainant, held.unit_code) == ("ENG-HVAC", "李娜", "L3-008")
    assert held.number in reply
    conv = session.scalar(sa.select(Conversation).where(Conversation.openid == "o-held"))
    assert conv.state == "idle"


def test_unanswered_identity_question_still_opens_the_ticket_at_expiry(wechat, session, site):
    wechat.say("o-silent", "空调不制冷")
    assert tickets(session) == []
    conv = session.scalar(sa.select(Conversation).where(Conversation.openid == "o-silent"))
    assert conv.state == held_reports.AWAITING_IDENTITY
    assert held_reports.flush_expired(session) == 0  # not yet expired
    assert held_reports.flush_expired(session, now=utcnow() + dialog.DIALOG_TTL + timedelta(minutes=1)) == 1
    session.commit()
    [ticket] = tickets(session)
    assert ticket.code == "ENG-HVAC" and ticket.content == "空调不制冷" and ticket.complainant is None


def test_next_message_after_expiry_opens_the_held_report_first(wechat, session, site):
    wechat.say("o-late", "空调不制冷")
    with clock_at(utcnow() + timedelta(hours=1)):
        wechat.say("o-late", "你好")
    assert [t.code for t in tickets(session)] == ["ENG-HVAC"]


def test_a_follow_up_after_expiry_joins_the_held_report_it_opens(wechat, session, site):
    wechat.say("o-later", "空调不制冷")
    with clock_at(utcnow() + dialog.DIALOG_TTL + timedelta(minutes=1)):
        reply = wechat.say("o-later", "空调还是不制冷，温度很高")
    [ticket] = tickets(session)
    assert phrase("joined_ticket", number=ticket.number) in reply
    assert ticket.content == "空调不制冷" and ticket.events[-1].note == "租户补充：空调还是不制冷，温度很高"


def test_follow_up_messages_about_the_same_problem_join_the_ticket(wechat, session, site):
    wechat.say("o-join", "我是王建国，电话13800001234，L3-008的空调不制冷")
    reply = wechat.say("o-join", "空调还是不制冷，温度很高")
    [ticket] = tickets(session)
    assert phrase("joined_ticket", number=ticket.number) in reply
    assert ticket.events[-1].note == "租户补充：空调还是不制冷，温度很高"


def test_photo_without_a_ticket_is_held_then_attached(wechat, session, site):
    from fakewechat.signing import build_image
    from tests.bot.conftest import OFFICIAL, next_msg_id

    wechat.say("o-pic", "我是王建国，电话13800001234，L3-008")
    doc = wechat.reply(build_image("o-pic", OFFICIAL, "http://x/1.jpg", "media-9", next_msg_id()))
    assert doc["Content"] == phrase("photo_need_text")
    wechat.say("o-pic", "墙皮脱落了")
    [ticket] = tickets(session)
    assert ticket.code == "ENG-CIVIL"
    jobs = session.scalars(sa.select(Outbox).where(Outbox.kind == "download_media")).all()
    assert len(jobs) == 1 and jobs[0].ticket_id == ticket.id


def test_progress_lists_open_tickets(wechat, session, site):
    wechat.say("o-prog", "我是王建国，电话13800001234，L3-008空调不制冷")
    reply = wechat.say("o-prog", "我的报修怎么样了")
    [ticket] = tickets(session)
    assert ticket.number in reply and "待派单" in reply and len(tickets(session)) == 1


def test_quote_confirmation_in_chat(wechat, session, site, make):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-quote", "我是刘芳，电话13912345678，L3-008空调不制冷")
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    workflow.quote(session, ticket, desk, amount="180", description="更换电容")
    session.commit()
    reply = wechat.say("o-quote", "确认")
    assert reply == phrase("quote_accepted")
    session.expire_all()
    assert ticket.status == Status.IN_PROGRESS and ticket.quote_accepted is True


def test_survey_answer_in_chat_reopens_a_low_score_to_a_supervisor(wechat, session, site, make):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    make.staff(Role.SUPERVISOR, "客服部", sites=[site])
    wechat.say("o-survey", "我是刘芳，电话13912345678，L3-008空调不制冷")
    [ticket] = tickets(session)
    workflow.close(session, ticket, desk, result="已答复")
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    survey.sent_at = utcnow()
    session.commit()
    reply = wechat.say("o-survey", "2 太慢了")
    assert reply == phrase("survey_sorry")
    session.expire_all()
    assert ticket.status == Status.REOPENED and ticket.supervisor_flag and ticket.satisfaction == 2
    assert ticket.owner_id == desk.id  # §六(3) 首问负责: reopening keeps the first receiver
    assert survey.comment == "太慢了" and survey.answer_channel == "chat"


def test_greeting_unclear_no_service_and_praise(wechat, session, site):
    assert wechat.say("o-x", "你好").splitlines() == [phrase("greeting", site), phrase("offer_help")]
    assert wechat.say("o-x", "asdfgh") == phrase("unclear")
    assert wechat.say("o-x", "能帮我代收快递吗") == phrase("no_service", site)
    assert wechat.say("o-x", "谢谢王师傅修得又快又好，表扬一下") == phrase("praise_thanks")
    assert tickets(session) == []


def test_while_a_report_is_held_the_bot_says_so_and_asks_again(wechat, session, site):
    """Waiting for who the tenant is: a progress question, a thank-you or something unclear
    gets "we have your report" and the question again, never "no open tickets" or
    "I did not understand"."""
    wechat.say("o-held2", "空调不制冷")
    ask = [phrase("ask_name"), phrase("ask_phone"), phrase("ask_unit")]
    for text in ("我的报修怎么样了", "谢谢", "👍"):
        assert wechat.say("o-held2", text).splitlines() == [phrase("report_held"), *ask], text
    assert wechat.event("o-held2", "CLICK", "PROGRESS")["Content"].splitlines() == [phrase("report_held"), *ask]
    assert tickets(session) == []  # still held: it opens once we know, or at the expiry
    reply = wechat.say("o-held2", "王建国 13800001234 L2-015")
    [ticket] = tickets(session)
    assert ticket.number in reply and ticket.complainant == "王建国"
    # an urgent ticket, open already: its progress, then the question, and no "held" line
    wechat.say("o-night3", "卫生间水管爆了，水漫出来了，快来人")
    urgent = tickets(session)[-1]
    reply = wechat.say("o-night3", "我的报修怎么样了").splitlines()
    assert urgent.number in reply[0] and phrase("report_held") not in reply and reply[1:] == ask


def test_a_second_problem_while_we_wait_opens_the_first_and_says_its_number(wechat, session, site):
    wechat.say("o-two", "空调不制冷")
    reply = wechat.say("o-two", "洗手间没有纸了")
    [first] = tickets(session)
    lines = reply.splitlines()
    assert first.code == "ENG-HVAC" and first.number in lines[0]  # the first is open, and the tenant knows
    assert lines[1:] == [phrase("ask_name"), phrase("ask_phone"), phrase("ask_unit")]  # the second waits for who


def test_a_tenant_who_only_introduces_himself_is_thanked_not_misunderstood(wechat, session, site):
    reply = wechat.say("o-intro", "我是李娜，L3-008，电话13900002222")
    assert reply.splitlines() == [phrase("greeting", site), phrase("contact_saved")]
    tenant = session.scalar(sa.select(Tenant).where(Tenant.openid == "o-intro"))
    assert (tenant.name, tenant.phone, tenant.unit.code) == ("李娜", "13900002222", "L3-008")
    reply = wechat.say("o-intro", "空调不制冷")  # then a report opens at once, nothing asked
    [ticket] = tickets(session)
    assert ticket.number in reply and ticket.complainant == "李娜"


def test_an_apartment_residents_answer_ends_the_questions(wechat, session, site):
    wechat.say("o-flat", "厨房下水道堵了")
    wechat.say("o-flat", "陈静 13600003333")
    reply = wechat.say("o-flat", "5栋2单元301")
    [ticket] = tickets(session)
    assert ticket.number in reply and ticket.unit_code == "5-2-301"


def test_a_shopkeeper_signing_as_surname_and_address_is_not_asked_who_he_is(wechat, session, site):
    reply = wechat.say("o-boss", "L2-015 王老板 13800001234 空调不制冷")
    [ticket] = tickets(session)
    assert ticket.number in reply and phrase("ask_name") not in reply
    assert (ticket.complainant, ticket.phone, ticket.unit_code) == ("王老板", "13800001234", "L2-015")
    # a known name is not replaced by someone the tenant mentions
    wechat.say("o-boss", "门口的灯不亮了，刘先生说昨天就坏了")
    assert session.scalar(sa.select(Tenant).where(Tenant.openid == "o-boss")).name == "王老板"


KNOWN = "我是李娜，L3-008，电话13900002222，空调不制冷"


def test_a_calm_chase_chases_the_open_ticket_and_an_angry_one_is_a_complaint(wechat, session, site):
    wechat.say("o-chase", KNOWN)
    [ticket] = tickets(session)
    reply = wechat.say("o-chase", "还没人来吗").splitlines()
    assert reply[0] == phrase("chase_noted", number=ticket.number)
    assert ticket.number in reply[1] and "预计" in reply[1]
    [ticket] = tickets(session)  # no second ticket
    assert notes(ticket) == ["租户催办：还没人来吗"]
    reply = wechat.say("o-chase", "你们这什么破物业！！报修三天了空调还没人来，气死我了")
    assert reply.splitlines()[:2] == [phrase("sympathy"), phrase("escalate")]
    complaint = tickets(session)[-1]
    assert (complaint.code, complaint.supervisor_flag) == ("SVC-SLOW", True)


def test_no_longer_needed_is_noted_for_staff_to_confirm(wechat, session, site):
    wechat.say("o-cancel", KNOWN)
    [ticket] = tickets(session)
    assert wechat.say("o-cancel", "不用修了，已经好了") == phrase("cancel_noted", number=ticket.number)
    [ticket] = tickets(session)
    assert ticket.status == Status.NEW  # staff confirm with the tenant and close; the bot does not
    assert notes(ticket) == ["租户表示不需要继续处理：不用修了，已经好了（请与租户确认后结案）"]
    # "fixed, and broken again" is a report, not a cancellation
    assert phrase("cancel_noted", number=ticket.number) not in wechat.say("o-cancel", "空调已经修好了，但是又漏水了")
    # nothing open to cancel: said so, and no inquiry ticket about it
    count = len(tickets(session))
    assert wechat.say("o-nothing", "取消报修") == phrase("progress_none")
    assert len(tickets(session)) == count


def test_what_cannot_be_classified_right_after_a_report_goes_on_its_ticket(wechat, session, site):
    wechat.say("o-after", KNOWN)
    [ticket] = tickets(session)
    assert wechat.say("o-after", "明天上午10点前能来吗") == phrase("joined_ticket", number=ticket.number)
    assert notes(tickets(session)[0]) == ["租户补充：明天上午10点前能来吗"]
    with clock_at(utcnow() + dialog.JOIN_WINDOW + timedelta(minutes=5)):
        # too late to be about that report: not "say it again", but a person reads it (issue 17)
        reply = wechat.say("o-after", "明天上午10点前能来吗")
    assert reply.startswith(phrase("check_first"))
    assert tickets(session)[-1].triage == dialog.TRIAGE_NOT_UNDERSTOOD


def test_inquiry_goes_to_the_desk_with_a_ticket(wechat, session, site):
    reply = wechat.say("o-q", "请问物业费可以开专票吗")
    [ticket] = tickets(session)
    assert reply.startswith(phrase("check_first")) and ticket.number in reply
    assert ticket.intent == "inquiry" and ticket.code == "FEE-BILL"


def test_the_worker_job_opens_held_reports_once(app, wechat, session, site):
    from jobs.sweeps import flush_expired_conversations

    wechat.say("o-held", "空调不制冷")
    assert flush_expired_conversations() == 0
    later = utcnow() + dialog.DIALOG_TTL + timedelta(minutes=1)
    with clock_at(later):
        assert flush_expired_conversations() == 1
        assert flush_expired_conversations() == 0
    assert [t.content for t in tickets(session)] == ["空调不制冷"]


def test_a_held_report_claimed_by_the_sweep_is_not_opened_again_by_a_stale_reader(app, wechat, session, site):
    """The tenant's next message and the sweep race for the same held report."""
    from models import db

    wechat.say("o-race", "空调不制冷")
    stale = db.session.session_factory()  # a web process that loaded the conversation earlier
    conv = stale.scalar(sa.select(Conversation).where(Conversation.openid == "o-race"))
    tenant = stale.scalar(sa.select(Tenant).where(Tenant.openid == "o-race"))
    assert held_reports.flush_expired(session, now=utcnow() + dialog.DIALOG_TTL * 2) == 1
    session.commit()
    assert held_reports.register_pending(stale, stale.get(type(site), site.id), tenant, conv) is None
    stale.commit()
    stale.close()
    assert len(tickets(session)) == 1


def test_a_unit_the_site_has_not_registered_is_remembered(wechat, session, site):
    wechat.say("o-unit", "卫生间水管爆了，水漫出来了，快来人")
    wechat.say("o-unit", "王建国 13800001234 L9-901")  # not in the site's unit list
    reply = wechat.say("o-unit", "门口的灯不亮了")
    assert phrase("ask_unit") not in reply
    assert [t.unit_code for t in tickets(session)] == ["L9-901", "L9-901"]


def test_acknowledgements_are_told_goodbye_and_a_shop_greeting_is_greeted(wechat, session, site):
    for n, text in enumerate(["嗯 明白", "好滴", "哈哈 好的好的", "哦哦好的", "晚安", "👍👍", "行吧", "好的好的 麻烦了",
                              "辛苦你们了"]):
        assert wechat.say(f"o-ack-{n}", text) == phrase("goodbye"), text
    reply = wechat.say("o-dear", "亲 在不在呀")
    assert phrase("offer_help") in reply and "没有听清楚" not in reply
    # a farewell word beside a problem is the problem
    assert wechat.say("o-ack-leak", "好的 厕所漏水了") != phrase("goodbye")
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 0  # nothing opened for a goodbye
    assert wechat.say("o-ack-fuss", "太麻烦了") != phrase("goodbye")  # a grumble, not a thank-you


def test_a_passing_ok_does_not_accept_a_paid_quote(wechat, session, site, make):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-ok", "我是刘芳，电话13912345678，L3-008空调不制冷")
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    workflow.quote(session, ticket, desk, amount="180", description="更换电容")
    session.commit()
    # not goodbye either: the quote's instruction again (tests/bot/test_quote_replies.py)
    assert wechat.say("o-ok", "好的") == phrase("notify_quote", site, number=ticket.number, description="更换电容",
                                              amount="180.00")
    session.expire_all()
    assert ticket.status == Status.QUOTED and ticket.quote_accepted is None
    assert wechat.say("o-ok", "确认维修") == phrase("quote_accepted")


def test_progress_shows_the_deadline_as_it_stands_after_a_delay(wechat, session, site, make):
    from models.localtime import for_people

    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-late-eta", "我是刘芳，电话13912345678，L3-008空调不制冷")
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    new_eta = utcnow() + timedelta(days=2)
    workflow.delay(session, ticket, desk, reason="等配件", new_eta=new_eta)
    session.commit()
    reply = wechat.say("o-late-eta", "我的报修怎么样了")
    assert f"预计{for_people(new_eta)}前处理" in reply
