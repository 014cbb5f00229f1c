"""Statistics: the month's counts and times, quarter against quarter, twelve months, all
aggregated in SQL; charts with Chinese labels; Excel and CSV exports."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from models import Channel, Status, Survey, db
from models.stats import Month, Scope, figures
from models.stats_trend import quarter_compare, trend

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


@pytest.fixture
def march(team, session):
    """March 2026 (local time): three tickets; one in February, one in December 2025, one
    on 1 April just after midnight local time (31 March in UTC) that must not count."""
    t1 = team.ticket(Status.CLOSED, content="空调不制冷", channel=Channel.PHONE)
    t1.created_at = local(2026, 3, 1, 0, 30)  # still 28 February in UTC
    t1.first_response_at = t1.created_at + timedelta(hours=1)
    t1.completed_at = t1.created_at + timedelta(hours=3)
    t1.due_at = t1.created_at + timedelta(hours=4)
    t1.satisfaction = 5
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == t1.id))  # sent on closing
    survey.score, survey.answered_at = 5, t1.completed_at + timedelta(hours=1)
    t2 = team.ticket(Status.DISPATCHED, content="垃圾没人清", code="ENV-CLEAN")
    t2.created_at = local(2026, 3, 15, 10)
    t2.due_at = t2.created_at + timedelta(hours=4)  # still open long after: overdue
    t3 = team.ticket(Status.NEW, content="装修太吵", code="SEC-NOISE", channel=Channel.VISIT)
    t3.created_at = local(2026, 3, 31, 23, 59)
    t3.due_at = t3.created_at + timedelta(days=5000)
    for when in (local(2026, 2, 10, 9), local(2025, 12, 5, 9), local(2026, 4, 1, 0, 1)):
        t = team.ticket(Status.NEW)
        t.created_at = when
    session.commit()
    return t1, t2, t3


def test_month_counts_times_overdue_and_satisfaction(team, march, session):
    s = figures(session, Scope(staff=team.supervisor), Month(2026, 3).period(), local(2026, 5, 1))
    assert s.total == 3
    assert s.counts["category"] == {"ENG": 1, "ENV": 1, "SEC": 1}
    assert s.counts["code"] == {"ENG-HVAC": 1, "ENV-CLEAN": 1, "SEC-NOISE": 1}
    assert s.counts["channel"] == {"phone": 1, "wechat": 1, "visit": 1}
    assert s.counts["status"] == {"closed": 1, "dispatched": 1, "new": 1}
    departments = {s.labels["department"][k]: n for k, n in s.counts["department"].items()}
    assert departments == {"工程部": 1, "保洁部": 1, "安保部": 1}
    assert (s.avg_response_minutes, s.avg_completion_hours) == (60, 3)
    assert (s.overdue, s.overdue_rate) == (1, 0.333)
    assert (s.satisfaction["avg_score"], s.satisfaction["answered"]) == (5, 1)
    assert s.rows("category")[0][1] in ("工程维修类", "环境卫生类", "秩序安全类")


def test_month_is_one_grouped_query_one_for_arrivals_and_one_for_satisfaction(team, march, session):
    seen = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        figures(session, Scope(staff=team.supervisor), Month(2026, 3).period(), local(2026, 5, 1))
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    ticket_queries = [q for q in seen if "tickets" in q]
    counts, arrivals, surveys = ticket_queries  # arrivals: models.stats.arrival_times, over dispatch orders
    assert "GROUP BY" in counts and "count(" in counts and "arrived_at" not in counts
    assert "min(dispatch_orders.arrived_at)" in arrivals
    assert "FROM surveys" in surveys and "GROUP BY surveys.score" in surveys


def test_quarter_against_quarter_and_twelve_months(team, march, session):
    q = quarter_compare(session, Scope(staff=team.supervisor), Month(2026, 3))
    assert (q.previous, q.current) == ("2025年第4季度", "2026年第1季度")
    assert {(c, p, n) for c, _, p, n in q.rows} == {("ENG", 1, 2), ("ENV", 0, 1), ("SEC", 0, 1)}
    assert q.totals == (1, 4)
    t = trend(session, Scope(staff=team.supervisor), Month(2026, 3))
    assert [str(m) for m in t.months][0] == "2025-04" and str(t.months[-1]) == "2026-03"
    assert t.totals == [0] * 8 + [1, 0, 1, 3]
    assert t.by_category["ENG"] == [0] * 8 + [1, 0, 1, 1]


def test_mid_quarter_compares_the_same_months_of_the_quarter_before(team, march, session):
    """February: January–February against October–November, as the monthly report does; the
    December ticket belongs to neither, though it is in the quarter before."""
    q = quarter_compare(session, Scope(staff=team.supervisor), Month(2026, 2))
    assert (q.previous, q.current) == ("2025年第4季度（10-11月）", "2026年第1季度（1-2月）")
    assert q.totals == (0, 1)
    q = quarter_compare(session, Scope(staff=team.supervisor), Month(2026, 1))
    assert (q.previous, q.current, q.totals) == ("2025年第4季度（10月）", "2026年第1季度（1月）", (0, 0))


def test_stats_page_charts_and_exports(team, march, console):
    console.login("supervisor")
    html = console.get("/admin/stats?month=2026-03").get_data(as_text=True)
    assert "2026年3月" in html and 'id="kpi-total">3<' in html and "33.3%" in html
    assert "工程维修类" in html and "2025年第4季度" in html
    svg = console.get("/admin/stats/charts/category.svg?month=2026-03").get_data(as_text=True)
    assert "工程维修类" in svg and "环境卫生类" in svg and "2026年3月 按类别" in svg
    for name in ("code", "department", "channel", "status", "quarter", "trend"):
        chart = console.get(f"/admin/stats/charts/{name}.svg?month=2026-03")
        assert chart.status_code == 200 and chart.data.startswith(b"<svg")
    assert console.get("/admin/stats/charts/nope.svg").status_code == 404
    assert console.get("/admin/stats?month=2026-13").status_code == 400

    xlsx = console.get("/admin/stats/export.xlsx?month=2026-03")
    assert "attachment" in xlsx.headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(xlsx.data))
    summary = {r[0]: r[1] for r in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["工单总数"] == 3 and summary["超时工单数"] == 1 and summary["满意度平均分"] == 5
    assert summary["平均首次响应（分钟）"] == 60
    assert sorted(r[:2] for r in book["按渠道"].iter_rows(min_row=2, values_only=True)) == [("微信", 1), ("来访", 1), ("电话", 1)]
    assert [r[:3] for r in book["季度对比"].iter_rows(min_row=2, values_only=True)][-1] == ("合计", 1, 4)
    assert book["近12个月"].cell(13, 2).value == 3

    text = console.get("/admin/stats/export.csv?month=2026-03").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert ["汇总", "工单总数", "3"] in rows and ["按类别", "工程维修类", "1"] in rows


def test_statistics_see_only_the_supervisors_sites(team, march, make, session):
    other = make.site("gongshe", "园区共舍物业服务中心", "GS")
    t = team.ticket(Status.NEW, site=other, tenant=None)
    t.created_at = local(2026, 3, 3, 9)
    session.commit()
    assert figures(session, Scope(staff=team.supervisor), Month(2026, 3).period(), local(2026, 5, 1)).total == 3
    assert figures(session, Scope(staff=team.admin), Month(2026, 3).period(), local(2026, 5, 1)).total == 4
    assert figures(session, Scope(staff=team.admin, site_ids=(other.id,)), Month(2026, 3).period(), local(2026, 5, 1)).total == 1


def test_spreadsheet_labels_cannot_become_formulas(team, session, console):
    from models import Department

    team.ticket(Status.NEW)
    session.scalar(sa.select(Department).where(Department.name == "工程部")).name = '=HYPERLINK("http://x","y")'
    session.commit()
    console.login("supervisor")
    book = load_workbook(io.BytesIO(console.get("/admin/stats/export.xlsx").data))
    cell = book["按部门"].cell(2, 1)
    assert cell.data_type == "s" and cell.value == "'=HYPERLINK(\"http://x\",\"y\")"
    text = console.get("/admin/stats/export.csv").get_data(as_text=True)
    assert "按部门,\"'=HYPERLINK(" in text


def test_monthly_report_files_from_jobs_are_downloadable(team, march, make, session, console, app):
    from workflow.reports import build_report

    mine = build_report(session, team.site, 2026, 3, app.config["INSTANCE_PATH"])
    other_site = make.site("gongshe", "园区共舍物业服务中心", "GS")
    theirs = build_report(session, other_site, 2026, 3, app.config["INSTANCE_PATH"])
    session.commit()
    console.login("supervisor")
    html = console.get("/admin/stats").get_data(as_text=True)
    assert f"/admin/stats/reports/{mine.id}" in html and f"/admin/stats/reports/{theirs.id}" not in html
    response = console.get(f"/admin/stats/reports/{mine.id}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.data)).sheetnames
    assert console.get(f"/admin/stats/reports/{theirs.id}").status_code == 403


class DictCache(dict):
    def set(self, key, value):
        self[key] = value


def test_ended_months_come_from_the_cache_and_this_month_is_live(team, march, session):
    from datetime import date

    from models.stats_trend import overview

    cache = DictCache()
    today = date(2026, 3, 20)  # March is the current month here
    compare, series = overview(session, Scope(staff=team.supervisor), Month(2026, 3), today, cache=cache)
    assert series.totals[-3:] == [1, 0, 1, 3][-3:] and compare.totals == (1, 4)
    assert f"{team.site.id}:*:2026-02" in cache and not any(k.endswith("2026-03") for k in cache)
    late = team.ticket(Status.NEW)
    late.created_at = local(2026, 2, 11, 9)  # a February ticket registered after the cache filled
    now = team.ticket(Status.NEW)
    now.created_at = local(2026, 3, 20, 9)
    session.commit()
    _, again = overview(session, Scope(staff=team.supervisor), Month(2026, 3), today, cache=cache)
    assert again.totals[-2:] == [1, 4]  # February cached (until it expires), March live
    _, fresh = overview(session, Scope(staff=team.supervisor), Month(2026, 3), today, cache=None)
    assert fresh.totals[-2:] == [2, 4]
    _, admins = overview(session, Scope(staff=team.admin), Month(2026, 3), today, cache=cache)
    assert admins.totals[-2:] == [2, 4] and any(k.startswith("all:") for k in cache)


def test_the_worker_warms_the_statistics_cache_for_every_supervisor_view(team, app, session):
    """Ended months come from the cache the worker fills, so no one opens a cold page."""
    from jobs.reports import warm_statistics
    from models.localtime import today as local_today

    app.redis.flushdb()
    assert warm_statistics() == 2  # the supervisor's site and the admin's "all sites"
    today = local_today()
    last_month = Month(today.year, today.month).shift(-1)
    keys = {k.decode() for k in app.redis.keys("admin:stats:v2:*")}
    assert any(k.endswith(f":{last_month}") for k in keys)
    current = Month(today.year, today.month)
    first = Month(today.year, (current.quarter - 1) * 3 + 1)
    shown = {current.shift(-i) for i in range(12)} | {first.shift(i - 3) for i in range(6)}
    ended = {(m.year, m.month) for m in shown if (m.year, m.month) < (today.year, today.month)}
    assert len(keys) == 2 * len(ended)  # per view, every ended month the page shows
