"""平均到场时间 and urgent arrivals within 30 minutes, against figures worked out by hand:
the console's statistics, its Excel export and the monthly report (one engine, models.stats)
show them."""
from __future__ import annotations

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

import workflow
from models import Status
from models.stats import URGENT_ARRIVAL_MINUTES, Scope, figures, month_period
from nlp import taxonomy
from workflow.machine import clock_at
from workflow.reports import build_report

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _job(team, session, registered, *, arrive_after=None, urgent=False, code="ENG-HVAC", site=None):
    """Registered and dispatched at `registered`; reached `arrive_after` minutes later."""
    actor = team.admin if site else team.desk
    with clock_at(registered):
        t = team.ticket(Status.NEW, urgent=urgent, code=code, site=site, tenant=None if site else team.tenant)
        workflow.dispatch(session, t, actor)
    if arrive_after is not None:
        with clock_at(registered + timedelta(minutes=arrive_after)):
            workflow.arrive(session, t, team.admin if site else team.engineer)
    return t


def _november(team, session, make):
    _job(team, session, local(2024, 11, 5, 9), arrive_after=40)
    _job(team, session, local(2024, 11, 10, 22), arrive_after=25, urgent=True, code="ENG-PLUMB")
    _job(team, session, local(2024, 11, 12, 10), arrive_after=30, urgent=True, code="ENG-ELEC")  # just in time
    _job(team, session, local(2024, 11, 15, 8), arrive_after=45, urgent=True, code="ENG-LIFT")  # late
    _job(team, session, local(2024, 11, 15, 9), arrive_after=30 + 1 / 60, urgent=True, code="ENG-LIFT")  # by 1 s
    _job(team, session, local(2024, 11, 16, 8), urgent=True, code="ENG-PLUMB")  # nobody came (yet)
    handed_on = _job(team, session, local(2024, 11, 20, 14), arrive_after=70)
    with clock_at(local(2024, 11, 20, 16)):  # reassigned after the first visit: the first arrival counts
        workflow.dispatch(session, handed_on, team.desk)
    with clock_at(local(2024, 11, 20, 17, 20)):
        workflow.arrive(session, handed_on, team.engineer)
    with clock_at(local(2024, 11, 21, 9)):
        team.ticket(Status.NEW)  # never dispatched: no arrival to count
    _job(team, session, local(2024, 10, 31, 9), arrive_after=5)  # October
    _job(team, session, local(2024, 11, 8, 9), arrive_after=5, urgent=True,
         site=make.site("gongshe", "园区共舍物业服务中心", "GS"))  # another site's
    session.commit()


# By hand: reached 40, 25, 30, 45, 30⅟₆₀ and 70 minutes after registration → 240.02 / 6 =
# 40.0; urgent and dispatched: 5, of which reached within 30 minutes: 2 (25 and 30).
EXPECTED = {"avg_arrival_minutes": 40.0, "arrived": 6, "urgent_dispatched": 5, "urgent_arrived_in_time": 2,
            "urgent_in_time_rate": 0.4}


def test_arrival_figures_match_the_hand_computed_ones(team, session, make, console, app):
    _november(team, session, make)
    assert figures(session, Scope.site(team.site.id), month_period(2024, 11)).arrivals == EXPECTED
    supervisors_view = Scope(staff=team.supervisor, site_ids=(team.site.id,))
    assert figures(session, supervisors_view, month_period(2024, 11), local(2024, 12, 1)).arrivals == EXPECTED

    console.login("supervisor")
    page = console.get("/admin/stats?month=2024-11&site=lehui").get_data(as_text=True)
    assert '<div class="v" id="kpi-arrival">40分钟</div>' in page
    assert '<div class="v" id="kpi-urgent-arrival">2 / 5</div>' in page
    export = load_workbook(io.BytesIO(console.get("/admin/stats/export.xlsx?month=2024-11&site=lehui").data))
    summary = {row[0]: row[1] for row in export["汇总"].iter_rows(min_row=2, values_only=True)}
    assert (summary["平均到场时间（分钟）"], summary["急修30分钟内到场"]) == (40.0, "2/5")

    report = build_report(session, team.site, 2024, 11, app.config["INSTANCE_PATH"])
    book = load_workbook(f"{app.config['INSTANCE_PATH']}/reports/{report.path}")
    overview = {row[0]: row[1] for row in book["概览"].iter_rows(min_row=4, values_only=True) if row[0]}
    assert overview["平均到场时间（分钟）"] == 40.0
    assert (overview["急修30分钟内到场"], overview["急修30分钟内到场率"]) == ("2/5", "40.0%")
    assert report.summary["avg_arrival_minutes"] == 40.0


def test_the_urgent_window_is_the_promise_the_bot_makes():
    assert URGENT_ARRIVAL_MINUTES == taxonomy.URGENT_RESPONSE_HOURS * 60


def test_no_arrivals_yet(team, session, console):
    team.ticket(Status.DISPATCHED)
    session.commit()
    assert figures(session, Scope(), month_period(*_this_month())).arrivals == {
        "avg_arrival_minutes": None, "arrived": 0, "urgent_dispatched": 0, "urgent_arrived_in_time": 0,
        "urgent_in_time_rate": None}
    console.login("supervisor")
    assert '<div class="v" id="kpi-arrival">—</div>' in console.get("/admin/stats").get_data(as_text=True)


def _this_month() -> tuple[int, int]:
    from models.localtime import today as local_today

    today = local_today()
    return today.year, today.month
