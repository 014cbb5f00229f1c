"""Return visits: the due list with the script, recording the result, and marking a rainy
day that makes leak visits due."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from models import FollowUp, RainDay, Status, TicketEvent, utcnow


def test_due_visit_with_script_and_result(team, console, session):
    ticket = team.ticket(Status.COMPLETED, content="卫生间水管爆了", code="ENG-PLUMB", urgent=True)
    session.commit()
    visit = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id))
    visit.due_at = utcnow() - timedelta(hours=1)
    session.commit()
    console.login("desk")
    html = console.get("/admin/visits").get_data(as_text=True)
    assert ticket.number in html and "急修24小时回访" in html and "已超期" in html
    assert "您好，乐汇城物业服务中心。" in html and "卫生间水管爆了" in html
    missing = console.post(f"/admin/visits/{visit.id}", {"method": "phone", "result": ""})
    assert missing.status_code == 400 and f'id="visit-{visit.id}-result"' in missing.get_data(as_text=True)
    ok = console.post(f"/admin/visits/{visit.id}", {"method": "phone", "result": "已修好，无渗漏"})
    assert ok.status_code == 302
    session.expire_all()
    visit = session.get(FollowUp, visit.id)
    assert visit.done_at and visit.result == "已修好，无渗漏" and visit.done_by_id == team.desk.id
    assert session.scalar(sa.select(TicketEvent).where(TicketEvent.action == "followup")).note == "已修好，无渗漏"


def test_mark_today_rainy_makes_leak_visits_due(team, console, session):
    ticket = team.ticket(Status.COMPLETED, content="天花板渗水", code="ENG-LEAK")
    ticket.completed_at = utcnow() - timedelta(days=2)
    session.commit()
    console.login("desk")
    html = console.get("/admin/visits").get_data(as_text=True)
    assert "等待第一个雨天（1）" in html and "将今天标记为雨天" in html
    response = console.post("/admin/visits/rain", {"site": "lehui"})
    assert response.status_code == 302
    assert session.scalar(sa.select(RainDay)).source == "staff"
    visit = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id))
    assert visit.due_at is not None
    assert "今天已记为雨天" in console.get("/admin/visits").get_data(as_text=True)
    assert console.post("/admin/visits/rain", {"site": "nowhere"}).status_code == 404


def test_the_due_list_masks_phone_numbers(team, console, session):
    ticket = team.ticket(Status.COMPLETED, content="卫生间水管爆了", code="ENG-PLUMB", urgent=True)
    session.commit()
    assert ticket.phone == "13800001234"
    console.login("desk")
    html = console.get("/admin/visits").get_data(as_text=True)
    assert ticket.number in html and "138****1234" in html and "13800001234" not in html
