"""The call list /admin/callbacks (seed §二注意(8), §三, §七(5)(6)): what the desk still has to
phone about, the script for each, and the result with the chat survey's 1–5 score."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

import workflow
from models import Channel, FollowUp, Status, Survey, Ticket, utcnow
from models.localtime import today as local_today
from models.stats import Scope, figures, month_period


def _phone_ticket(team, session, status=Status.COMPLETED, **kw):
    return team.ticket(status, tenant=None, channel=kw.pop("channel", Channel.PHONE), phone="13912345678",
                       complainant="刘芳", **kw)


def _calls(session, ticket) -> dict[str, FollowUp]:
    session.expire_all()
    return {c.kind: c for c in session.scalars(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id))}


def test_a_phone_tenant_is_called_for_satisfaction_and_the_score_counts_like_the_chat_survey_2_note_8(
        team, console, session):
    """§二注意(8): the tenant who phoned is asked by phone whether they are satisfied; the
    score is the ticket's survey answer (channel phone), so statistics count it."""
    ticket = _phone_ticket(team, session)
    workflow.close(session, ticket, team.desk, result="已更换电容")
    session.commit()
    call = _calls(session, ticket)["satisfaction"]
    assert call.due_at - ticket.closed_at == timedelta(hours=24)
    console.login("desk")
    page = console.get("/admin/callbacks").get_data(as_text=True)
    assert f'id="call-{call.id}"' in page and 'data-kind="satisfaction"' in page and ticket.number in page
    assert "您对处理结果满意吗？请您按1到5分评价，5分最满意。" in page and "您好，乐汇城物业服务中心。" in page
    missing = console.post(f"/admin/callbacks/{call.id}", {"method": "phone", "result": "租户说还行"})
    html = missing.get_data(as_text=True)
    assert missing.status_code == 400 and f'id="call-{call.id}-score" name="score" class="invalid"' in html
    assert "请选择租户的满意度评分" in html and _calls(session, ticket)["satisfaction"].done_at is None
    done = console.post(f"/admin/callbacks/{call.id}", {"method": "phone", "result": "已修好，很满意", "score": "5"})
    assert done.status_code == 302
    session.expire_all()
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    assert (survey.score, survey.answer_channel, survey.comment) == (5, "phone", "已修好，很满意")
    assert session.get(Ticket, ticket.id).satisfaction == 5 and _calls(session, ticket)["satisfaction"].done_at
    today = local_today()
    month = figures(session, Scope(), month_period(today.year, today.month)).satisfaction
    assert (month["answered"], month["avg_score"], month["by_score"][5]) == (1, 5.0, 1)  # the monthly report's
    console.login("supervisor")
    stats = console.get("/admin/stats").get_data(as_text=True)
    assert 'id="kpi-satisfaction">5.00</div><div class="k">1 份评价</div>' in stats  # the console's statistics
    console.login("desk")
    assert f'id="call-{call.id}"' not in console.get("/admin/callbacks").get_data(as_text=True)
    again = console.post(f"/admin/callbacks/{call.id}", {"method": "phone", "result": "再评", "score": "1"})
    assert again.status_code == 400 and session.get(Survey, survey.id).score == 5


def test_a_wechat_tenant_gets_the_chat_survey_not_a_call_2_note_8(team, session):
    """§二注意(8): a tenant on WeChat is asked in chat; no call is listed for them."""
    ticket = team.ticket(Status.CLOSED)
    assert "satisfaction" not in _calls(session, ticket)


def test_a_letter_is_visited_after_handling_and_explanations_are_phoned_3_and_2_note_7(team, console, session):
    """§三: a complaint letter gets a return visit once handled; §二注意(7) and §三(2): a delay
    or a 'not our business' explanation the tenant cannot read on WeChat is phoned."""
    letter = _phone_ticket(team, session, Status.COMPLETED, channel=Channel.LETTER)
    workflow.close(session, letter, team.desk, result="已整改保洁排班")
    late = _phone_ticket(team, session, Status.DISPATCHED)
    eta = utcnow() + timedelta(days=2)
    workflow.delay(session, late, team.desk, reason="等待空调配件到货", new_eta=eta)
    other = _phone_ticket(team, session, Status.NEW, content="楼下商场的快递柜坏了", code="OTHER")
    workflow.close_not_ours(session, other, team.desk, explanation="快递柜由快递公司管理，请拨打柜体上的电话")
    session.commit()
    assert {"satisfaction", "letter_visit"} <= set(_calls(session, letter))
    assert set(_calls(session, late)) == {"explain_delay"} and set(_calls(session, other)) == {"explain_not_ours"}
    console.login("desk")
    page = console.get("/admin/callbacks").get_data(as_text=True)
    assert "您之前来信反映的「空调不制冷」已处理完毕，处理结果是：已整改保洁排班。" in page
    assert "因等待空调配件到货暂时无法按时完成" in page
    assert "快递柜由快递公司管理，请拨打柜体上的电话" in page
    call = _calls(session, late)["explain_delay"]
    done = console.post(f"/admin/callbacks/{call.id}", {"method": "phone", "result": "已电话告知，租户表示理解"})
    assert done.status_code == 302 and _calls(session, late)["explain_delay"].done_at is not None
    assert session.scalar(sa.select(Survey).where(Survey.ticket_id == late.id)) is None  # no score, no answer
