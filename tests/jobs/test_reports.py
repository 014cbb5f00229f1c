"""The monthly statistics (the one engine, models.stats, aggregated in SQL) and the Excel
report built on the 1st (seed §六(5))."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from openpyxl import load_workbook

import workflow
from jobs.periodic import run_periodic
from models import ApiToken, Channel, MonthlyReport, Survey
from models.stats import Scope, monthly_report, quarter_periods
from tests.jobs.conftest import work
from workflow.machine import clock_at
from workflow.reports import list_reports, report_file
from workflow.surveys import answer_survey

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(month, day, hour, minute=0, year=2024) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC).replace(tzinfo=None)


def repair(desk, session, created, *, code, channel=Channel.WECHAT, urgent=False, start_after, done_after,
           score=None):
    """A ticket registered at ``created``, started and completed after the given minutes,
    closed, its survey answered with ``score``."""
    with clock_at(created):
        t = workflow.register(session, desk.site, content="报修", channel=channel, tenant=desk.tenant, code=code,
                              urgent=urgent)
        session.flush()
        workflow.dispatch(session, t, desk.desk)
    hands = desk.engineer if code.startswith("ENG") else desk.supervisor  # engineers work their own trade
    with clock_at(created + timedelta(minutes=start_after)):
        workflow.start(session, t, hands)
    with clock_at(created + timedelta(minutes=done_after)):
        workflow.complete(session, t, hands, work_done="已修好", site_cleaned=True)
        workflow.close(session, t, desk.desk, result="已修好")
        if score is not None:
            survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == t.id))
            answer_survey(session, survey, score=score, channel="page")
    return t


def seed(desk, session):
    # November 2024: the month reported
    repair(desk, session, at(11, 5, 9), code="ENG-HVAC", start_after=30, done_after=120, score=5)
    repair(desk, session, at(11, 10, 22), code="ENG-PLUMB", channel=Channel.PHONE, urgent=True,
           start_after=10, done_after=60, score=3)  # due in 30 minutes, done in 60: late
    with clock_at(at(11, 30, 23, 30)):  # the last half hour of the month, local time
        workflow.register(session, desk.site, content="保安态度很差", channel=Channel.LETTER, actor=desk.desk,
                          code="SVC-ATTI")
    with clock_at(at(12, 1, 0, 10)):  # December already (local), though still November in UTC
        workflow.register(session, desk.site, content="门口太脏", channel=Channel.WECHAT, tenant=desk.tenant,
                          code="ENV-CLEAN")
    # October (same quarter) and July–August (the quarter before)
    repair(desk, session, at(10, 8, 10), code="ENG-ELEC", start_after=20, done_after=100)
    repair(desk, session, at(10, 20, 10), code="ENV-CLEAN", start_after=20, done_after=100)
    repair(desk, session, at(7, 15, 10), code="ENG-HVAC", start_after=20, done_after=100, score=4)
    session.commit()


def test_quarter_periods_compare_like_with_like():
    current, previous = quarter_periods(2024, 11)
    assert (current.label, previous.label) == ("2024年10-11月", "2024年7-8月")
    current, previous = quarter_periods(2025, 1)
    assert (current.label, previous.label) == ("2025年1月", "2024年10月")


def test_monthly_statistics(app, desk, session):
    seed(desk, session)
    report = monthly_report(session, Scope.site(desk.site.id), 2024, 11, now=at(12, 1, 1))
    stats = report["month"]
    assert stats.total == 3
    assert [(key, n) for key, _, n in stats.rows("category")] == [("ENG", 2), ("SVC", 1)]
    assert stats.rows("code") == [("ENG-HVAC", "ENG-HVAC 空调通风", 1), ("ENG-PLUMB", "ENG-PLUMB 给排水", 1),
                                  ("SVC-ATTI", "SVC-ATTI 服务态度", 1)]
    assert [(label, n) for _, label, n in stats.rows("department")] == [("工程部", 2), ("客服部", 1)]
    assert {label: n for _, label, n in stats.rows("channel")} == {"微信": 1, "电话": 1, "信函": 1}
    assert stats.avg_response_minutes == 20.0  # (30 + 10) / 2
    assert stats.avg_completion_hours == 1.5  # (2 + 1) / 2
    # 超时 (models.stats.overdue): of all three, the urgent repair finished late; the letter,
    # due at 03:30 on 1 December, is not late yet at 01:00 ...
    assert (stats.dispatched, stats.overdue, stats.overdue_rate) == (2, 1, 0.333)
    # ... and is at 09:00, still unanswered
    later = monthly_report(session, Scope.site(desk.site.id), 2024, 11, now=at(12, 1, 9))["month"]
    assert (later.overdue, later.overdue_rate) == (2, 0.667)
    sat = stats.satisfaction
    assert (sat["surveys"], sat["answered"], sat["avg_score"], sat["satisfied_rate"]) == (2, 2, 4.0, 0.5)
    assert sat["by_score"] == {1: 0, 2: 0, 3: 1, 4: 0, 5: 1}
    quarter = report["quarter"]
    assert (quarter["current"].total, quarter["previous"].total, quarter["total_change"]) == (5, 1, 4.0)
    assert {c["key"]: (c["current"], c["previous"]) for c in quarter["by_category"]} == {
        "ENG": (3, 1), "ENV": (1, 0), "SVC": (1, 0)}
    other_site = monthly_report(session, Scope.site(desk.site.id + 1), 2024, 11)["month"]
    assert other_site.total == 0


def test_the_console_api_and_report_file_show_the_same_figures(app, desk, session, instance):
    """A supervisor reads one month in the console, the API and the report file: the same
    超时率 and satisfaction, from the one engine."""
    from tests.admin.conftest import Console
    from workflow.reports import build_report

    seed(desk, session)
    with clock_at(at(12, 1, 9)):
        report = build_report(session, desk.site, 2024, 11, str(instance))
    session.commit()
    book = load_workbook(instance / "reports" / report.path)
    overview = {row[0]: row[1] for row in book["概览"].iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}
    console = Console(app.test_client())
    console.login(desk.supervisor.username)
    page = console.get("/admin/stats?month=2024-11&site=lehui").get_data(as_text=True)
    assert overview["超时率"] == "66.7%" and "66.7%" in page
    assert overview["平均满意度（1-5分）"] == 4.0 and 'id="kpi-satisfaction">4.00<' in page
    assert overview["工单总数"] == 3 and 'id="kpi-total">3<' in page
    row, token = ApiToken.issue(desk.supervisor)
    session.add(row)
    session.commit()
    api = app.test_client().get("/api/v1/stats/monthly?month=2024-11&site=lehui",
                                headers={"Authorization": f"Bearer {token}"}).get_json()
    assert (api["total"], api["overdue_rate"], api["satisfaction"]["avg_score"]) == (3, 0.667, 4.0)


def test_report_is_built_on_the_first_once(app, desk, session, instance):
    seed(desk, session)
    for _ in range(2):
        with clock_at(at(12, 1, 1, 30)):
            app.queues["low"].enqueue(run_periodic, "monthly_report")
            work(app)
    (report,) = session.scalars(sa.select(MonthlyReport)).all()
    assert (report.site_id, report.month) == (desk.site.id, date(2024, 11, 1))
    assert report.path == "lehui/lehui-2024-11.xlsx"
    assert report.summary["total"] == 3 and report.summary["avg_score"] == 4.0
    assert list_reports(session, [desk.site.id]) == [report]
    path = instance / "reports" / report.path
    book = load_workbook(path)
    assert book.sheetnames == ["概览", "按类别", "按投诉代码", "按部门", "按渠道", "季度对比", "各部门", "主管小结"]
    departments = {row[0]: row[1:3] for row in book["各部门"].iter_rows(min_row=2, values_only=True)}
    assert (departments["工程部"], departments["客服部"]) == ((2, 1), (1, 0))  # tickets, overdue at 01:30
    overview = {row[0]: row[1] for row in book["概览"].iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}
    assert overview["工单总数"] == 3 and overview["超时率"] == "33.3%" and overview["平均满意度（1-5分）"] == 4.0
    categories = list(book["按类别"].iter_rows(min_row=2, max_col=4, values_only=True))
    assert categories[:2] == [("ENG", "工程维修类", 2, "66.7%"), ("SVC", "客户服务类", 1, "33.3%")]
    quarter = list(book["季度对比"].iter_rows(min_row=4, max_row=4, max_col=4, values_only=True))
    assert quarter == [("工单总数", 5, 1, "400.0%")]
    # Another host without the file rebuilds it from the database.
    path.unlink()
    assert report_file(session, report, str(instance)) == path and path.exists()


def test_names_staff_typed_never_become_formulas_in_the_workbook(app, desk, session, instance):
    from models import Department
    from workflow.reports import build_report

    seed(desk, session)
    desk.site.name = '=HYPERLINK("http://evil.example","物业")'
    for department in session.scalars(sa.select(Department)):
        department.name = f"=1+{department.id}"
    session.commit()
    report = build_report(session, desk.site, 2024, 11, str(instance))
    book = load_workbook(instance / "reports" / report.path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "'=1+" + str(desk.engineer.department_id) in texts
    assert any(text.startswith("'=HYPERLINK") for text in texts)
