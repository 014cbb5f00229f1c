"""Seed §六(5): 进行月度客户投诉资料统计并及时将统计情况传递至相关部门 — each department's
share of the month (its tickets, their timeliness and satisfaction), sent to its staff
by WeChat with a link to its page, and printed from the console."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

import workflow
from jobs.periodic import run_periodic
from models import Channel, Department, Message, Role, Survey
from models.stats import Scope, month_period, ticket_list
from tests.admin.conftest import Console
from tests.jobs.conftest import PUBLIC, outbox_rows, work
from workflow.machine import clock_at
from workflow.reports import DEPARTMENT_PAGE, MONTHLY_REPORT_EVENT, department_shares
from workflow.surveys import answer_survey

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(month, day, hour, minute=0, year=2024) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC).replace(tzinfo=None)


@pytest.fixture
def guard(desk, make, session):
    staff = make.staff(Role.ENGINEER, "安保部")
    staff.openid = "o-staff-guard"
    session.flush()
    return staff


def _november(desk, guard, session):
    """工程部: two repairs, one done late (urgent, 60 minutes against 30), one scored 5;
    安保部: one noise complaint, still open on 1 December."""
    tickets = {}
    for name, created, code, urgent, done_after, score in (("hvac", at(11, 5, 9), "ENG-HVAC", False, 120, 5),
                                                           ("pipe", at(11, 10, 22), "ENG-PLUMB", True, 60, None)):
        with clock_at(created):
            t = workflow.register(session, desk.site, content="报修", channel=Channel.WECHAT, tenant=desk.tenant,
                                  code=code, urgent=urgent)
            session.flush()
            workflow.dispatch(session, t, desk.desk)
        with clock_at(created + timedelta(minutes=10)):
            workflow.start(session, t, desk.engineer)
        with clock_at(created + timedelta(minutes=done_after)):
            workflow.complete(session, t, desk.engineer, work_done="已修好", site_cleaned=True)
            workflow.close(session, t, desk.desk, result="已修好")
            if score:
                survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == t.id))
                answer_survey(session, survey, score=score, channel="page")
        tickets[name] = t
    with clock_at(at(11, 20, 23)):
        tickets["noise"] = workflow.register(session, desk.site, content="楼上装修太吵", channel=Channel.WECHAT,
                                             tenant=desk.tenant, code="SEC-NOISE")
    session.commit()
    return tickets


def _department(session, name) -> Department:
    return session.scalar(sa.select(Department).where(Department.name == name))


def test_a_departments_share_holds_only_its_own_tickets(app, desk, guard, session):
    """§六(5): 工程部's repairs are not in 安保部's share, and each share's figures are its own."""
    tickets = _november(desk, guard, session)
    shares = {d.name: f for d, f in department_shares(session, desk.site.id, 2024, 11, at(12, 1, 9))}
    assert set(shares) >= {"工程部", "安保部"}
    engineering, security = shares["工程部"], shares["安保部"]
    assert (engineering.total, engineering.overdue, engineering.satisfaction["avg_score"]) == (2, 1, 5.0)
    assert (security.total, security.counts["code"]) == (1, {"SEC-NOISE": 1})
    assert security.satisfaction["answered"] == 0
    listed = ticket_list(session, Scope.site(desk.site.id, _department(session, "安保部").id), month_period(2024, 11))
    assert [t.number for t, _ in listed] == [tickets["noise"].number]
    assert tickets["hvac"].number not in [t.number for t, _ in listed]


def test_the_report_job_sends_each_department_its_share(app, desk, guard, session, fake_wechat):
    """§六(5): on the 1st the report is built and every department with staff at the site
    gets its own figures by WeChat, with a link to its page; the messages are recorded."""
    _november(desk, guard, session)
    with clock_at(at(12, 1, 1, 30)):
        app.queues["low"].enqueue(run_periodic, "monthly_report")
        work(app)
        work(app)  # the deliveries the report queued
    rows = [r for r in outbox_rows(session, kind="notify_staff") if r.payload.get("event") == MONTHLY_REPORT_EVENT]
    by_department = {r.payload["department"]: r for r in rows}
    assert set(by_department) == {"工程部", "安保部", "客服部"} and {r.status for r in rows} == {"done"}

    def sent_to(openid):
        return [r["json"] for r in fake_wechat.sent("template") if r["json"]["touser"] == openid]

    (to_engineer,) = [m for m in sent_to(desk.engineer.openid) if "月度投诉统计" in str(m)]
    (to_guard,) = [m for m in sent_to(guard.openid) if "月度投诉统计" in str(m)]
    assert "工程部：工单2张，超时1张（超时率50.0%），满意度5.00分" in str(to_engineer)
    assert "安保部：工单1张" in str(to_guard) and "工程部" not in str(to_guard)
    security = _department(session, "安保部")
    report_id = by_department["安保部"].payload["report_id"]
    assert to_guard["url"] == PUBLIC + DEPARTMENT_PAGE.format(report_id=report_id, department_id=security.id)
    recorded = session.scalars(sa.select(Message).where(Message.content.contains("月度投诉统计"))).all()
    assert {(m.openid, m.delivery) for m in recorded} >= {(guard.openid, "sent"), (desk.engineer.openid, "sent")}


def test_a_department_opens_its_share_and_not_anothers(app, desk, guard, session):
    """The link in the message opens the department's page for its own staff; another
    department's page is refused; the supervisor sees every department and can resend."""
    from workflow.reports import build_report

    tickets = _november(desk, guard, session)
    report = build_report(session, desk.site, 2024, 11, app.config["INSTANCE_PATH"])
    session.commit()
    engineering, security = _department(session, "工程部"), _department(session, "安保部")
    guard_console = Console(app.test_client())
    guard_console.login(guard.username)
    own = guard_console.get(DEPARTMENT_PAGE.format(report_id=report.id, department_id=security.id))
    html = own.get_data(as_text=True)
    assert own.status_code == 200 and "2024年11月 客户投诉统计 · 安保部" in html
    assert tickets["noise"].number in html and tickets["hvac"].number not in html
    assert 'data-figure="total">1<' in html
    other = guard_console.get(DEPARTMENT_PAGE.format(report_id=report.id, department_id=engineering.id))
    assert other.status_code == 403
    assert guard_console.get(f"/admin/stats/reports/{report.id}/print").status_code == 403

    boss = Console(app.test_client())
    boss.login(desk.supervisor.username)
    printed = boss.get(f"/admin/stats/reports/{report.id}/print").get_data(as_text=True)
    assert f'data-department="{engineering.id}"' in printed and f'data-department="{security.id}"' in printed
    sent = boss.post(f"/admin/stats/reports/{report.id}/send")
    assert sent.status_code == 303
    queued = [r for r in outbox_rows(session, kind="notify_staff") if r.payload.get("event") == MONTHLY_REPORT_EVENT]
    assert {r.payload["department"] for r in queued} == {"工程部", "安保部", "客服部"}
