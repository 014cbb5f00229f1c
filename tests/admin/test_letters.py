"""Letters (seed §三): the written reply's deadline, the reply recorded and printed, and the
result report printed for the company."""
from __future__ import annotations

from datetime import timedelta

from models import Channel, Status
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
