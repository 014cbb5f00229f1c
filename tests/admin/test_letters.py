"""Letters (seed §三): the written reply's deadline, the reply recorded and printed, and the
result report printed for the company."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

import workflow
from models import Channel, Status, Survey, TicketEvent, utcnow
from workflow.letters import LETTER_REPLY_DAYS


def _letter(team, session, status=Status.NEW, **kw):
    ticket = team.ticket(status, channel=Channel.LETTER, tenant=None, complainant="刘芳", phone="13912345678",
                         content=kw.pop("content", "来信反映：三楼卫生间长期漏水"), **kw)
    session.commit()
    return ticket


def test_letter_reply_deadline_shown_and_flagged_overdue(team, console, session):
    """§三(1)(2): a letter is registered and answered in time; past the deadline without a
    written reply it is flagged on the ticket page and in the queue."""
    ticket = _letter(team, session)
    console.login("desk")
    html = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert "书面回复期限" in html and "书面回复超时" not in html
    ticket.created_at -= timedelta(days=LETTER_REPLY_DAYS + 1)
    session.commit()
    html = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert "书面回复期限" in html and "已超期" in html and "书面回复超时" in html
    queue = console.get("/admin/tickets").get_data(as_text=True)
    assert "书面回复超时" in queue


def test_no_reply_deadline_for_a_wechat_ticket(team, console, session):
    """§三(1): the reply deadline is a letter's only."""
    ticket = team.ticket(Status.NEW)
    ticket.created_at -= timedelta(days=LETTER_REPLY_DAYS + 1)
    session.commit()
    console.login("desk")
    html = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert "书面回复期限" not in html and "书面回复超时" not in html


def test_written_reply_recorded_and_printed(team, console, session):
    """§三(1)(2): the written reply to a letter is recorded on the ticket (text and how it was
    sent) and printed as 书面回复函."""
    ticket = _letter(team, session)
    console.login("desk")
    html = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert 'id="action-letter_reply"' in html
    assert console.get(f"/admin/tickets/{ticket.id}/print/letter_reply").status_code == 404  # nothing yet
    refused = console.post(f"/admin/tickets/{ticket.id}/actions/letter_reply", {"text": "", "method": "mail"})
    assert refused.status_code == 400
    ok = console.post(f"/admin/tickets/{ticket.id}/actions/letter_reply",
                      {"text": "您反映的漏水已于本周修复，感谢来信。", "method": "mail"})
    assert ok.status_code == 302
    session.expire_all()
    event = session.scalars(sa.select(TicketEvent).where(TicketEvent.ticket_id == ticket.id,
                                                         TicketEvent.action == "letter_reply")).one()
    assert event.note == "您反映的漏水已于本周修复，感谢来信。" and event.data == {"sent_by": "mail"}
    assert event.actor_id == team.desk.id
    page = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert "打印书面回复函" in page and "邮寄" in page
    printed = console.get(f"/admin/tickets/{ticket.id}/print/letter_reply")
    text = printed.get_data(as_text=True)
    assert printed.status_code == 200 and "书面回复函" in text and "您反映的漏水已于本周修复" in text and "邮寄" in text
    assert "刘芳" in text


def test_written_reply_refused_for_a_non_letter_ticket(team, console, session):
    """§三(1): a written reply belongs to a letter; a WeChat ticket neither offers nor takes one,
    and has no 书面回复函 to print."""
    ticket = team.ticket(Status.NEW)
    session.commit()
    console.login("supervisor")
    html = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert 'id="action-letter_reply"' not in html
    refused = console.post(f"/admin/tickets/{ticket.id}/actions/letter_reply", {"text": "回复", "method": "mail"})
    assert refused.status_code == 409
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(
        TicketEvent.ticket_id == ticket.id, TicketEvent.action == "letter_reply")) == 0
    assert console.get(f"/admin/tickets/{ticket.id}/print/letter_reply").status_code == 404


def test_engineer_cannot_record_a_written_reply(team, console, session):
    """§三(1): the desk and the supervisor answer letters, not the repair staff."""
    ticket = _letter(team, session)
    console.login("engineer")
    response = console.post(f"/admin/tickets/{ticket.id}/actions/letter_reply", {"text": "回复", "method": "mail"})
    assert response.status_code == 403


def test_company_forwarded_letter_result_report_printable(team, console, session):
    """§三(3): a letter the company forwarded gets its result reported to the company in
    writing: the complaint, what was done and when, the written reply, the satisfaction."""
    from workflow.letters import record_reply

    ticket = _letter(team, session, forwarded_by_company=True)
    record_reply(session, ticket, team.desk, text="来信收悉，漏水已修复。", method="in_person")
    workflow.close(session, ticket, team.supervisor, result="更换三楼卫生间水管", report="已整改完毕，书面报告公司")
    session.add(Survey(ticket=ticket, tenant_id=None, expires_at=utcnow(), answered_at=utcnow(), score=5))
    session.commit()
    console.login("supervisor")
    assert "打印处理结果报告" in console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    response = console.get(f"/admin/tickets/{ticket.id}/print/result_report")
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "处理结果报告" in text
    for expected in ("来信反映：三楼卫生间长期漏水", "更换三楼卫生间水管", "已整改完毕，书面报告公司",
                     "来信收悉，漏水已修复。", "当面", "5 分", "公司转发"):
        assert expected in text, expected


def test_letter_with_a_leaders_instruction_gets_its_result_report_upwards(team, console, session):
    """§三(4): a major complaint letter a leader wrote an instruction on is handled at once
    and its result reported upwards in writing: the same printable report, marked 领导批示."""
    ticket = _letter(team, session, leadership_instruction=True)
    workflow.close(session, ticket, team.supervisor, result="约谈施工方，夜间停工", report="已处理，书面汇报领导")
    session.commit()
    console.login("supervisor")
    assert "打印处理结果报告" in console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    response = console.get(f"/admin/tickets/{ticket.id}/print/result_report")
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    for expected in ("领导批示", "约谈施工方，夜间停工", "已处理，书面汇报领导"):
        assert expected in text, expected
    assert "公司转发" not in text


def test_result_report_only_for_a_company_forwarded_letter(team, console, session):
    """§三(3)(4): the written report upwards is for the letters the company forwarded or a
    leader wrote an instruction on, not for every letter or ticket."""
    plain_letter = _letter(team, session)
    wechat = team.ticket(Status.NEW)
    session.commit()
    console.login("desk")
    for ticket in (plain_letter, wechat):
        assert console.get(f"/admin/tickets/{ticket.id}/print/result_report").status_code == 404
        assert "打印处理结果报告" not in console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)


def test_the_queue_reads_the_letters_replies_in_one_query(team, console, session, statements):
    """§三(2): the queue flags overdue letters without a query per letter (no N+1)."""
    def queue_statements(letters: int) -> int:
        for n in range(letters):
            ticket = _letter(team, session, content=f"来信反映：{n}号铺门口积水")
            ticket.created_at -= timedelta(days=LETTER_REPLY_DAYS + 1)
        session.commit()
        session.expunge_all()  # as in a fresh request: no timeline already in memory
        statements.clear()
        html = console.get("/admin/tickets").get_data(as_text=True)
        assert html.count("书面回复超时") >= letters
        return len(statements)

    console.login("desk")
    few = queue_statements(1)
    many = queue_statements(6)
    assert many == few, f"{few} statements with one overdue letter, {many} with seven"
