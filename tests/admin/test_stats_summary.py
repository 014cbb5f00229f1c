"""Seed §六(5): 归纳总结现阶段物业服务中存在的问题并汇报给上级主管 — the supervisor's summary of
the month (problems, causes, measures) is saved with the monthly report and printed in it,
in the console's printed report, each department's share and the Excel file."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from models import MonthlyReport, Status
from workflow.reports import SUMMARY_MAX, build_report

SUMMARY = {"problems": "空调报修集中在三楼东侧，超时两张", "causes": "配件到货慢\n夜班只有一名工程师",
           "measures": "常备压缩机电容；夜班增至两人"}


@pytest.fixture
def report(team, session, app) -> MonthlyReport:
    team.ticket(Status.DISPATCHED)
    built = build_report(session, team.site, 2026, 1, app.config["INSTANCE_PATH"])
    session.commit()
    return built


def test_the_summary_is_saved_with_the_report_and_printed_in_it_6_5(team, report, console, session):
    console.login("supervisor")
    page = console.get(f"/admin/stats/reports/{report.id}/print").get_data(as_text=True)
    assert 'data-summary="problems"><div class="reply-text">（未填写）' in page
    saved = console.post(f"/admin/stats/reports/{report.id}/summary", SUMMARY)
    assert saved.status_code == 303
    session.expire_all()
    stored = session.get(MonthlyReport, report.id)
    assert (stored.problems, stored.causes, stored.measures) == tuple(SUMMARY.values())
    assert stored.summary_by_id == team.supervisor.id and stored.summary_at is not None

    printed = console.get(f"/admin/stats/reports/{report.id}/print").get_data(as_text=True)
    for key, text in SUMMARY.items():
        assert f'data-summary="{key}"><div class="reply-text">{text}</div>' in printed
    share = console.get(f"/admin/stats/reports/{report.id}/departments/{team.engineer.department_id}")
    assert SUMMARY["measures"] in share.get_data(as_text=True)

    book = load_workbook(io.BytesIO(console.get(f"/admin/stats/reports/{report.id}").data))  # rebuilt with it
    rows = {row[0]: row[1] for row in book["主管小结"].iter_rows(values_only=True)}
    assert rows == {"存在的问题": SUMMARY["problems"], "原因分析": SUMMARY["causes"], "改进措施": SUMMARY["measures"]}


@pytest.mark.parametrize("form, field, message", [
    ({"problems": "", "causes": "配件到货慢"}, "problems", "请填写本月存在的问题"),
    ({"problems": "超时", "causes": "慢" * (SUMMARY_MAX + 1)}, "causes", f"原因分析最多 {SUMMARY_MAX} 字"),
])
def test_a_refused_summary_names_its_field_and_keeps_the_text(team, report, console, session, form, field, message):
    console.login("supervisor")
    refused = console.post(f"/admin/stats/reports/{report.id}/summary", form)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400 and message in html
    assert f'id="summary-{field}" name="{field}"' in html and 'class="invalid"' in html
    assert "配件到货慢" in html or "慢" * 10 in html  # what was typed is put back
    session.expire_all()
    assert session.get(MonthlyReport, report.id).summary_at is None


def test_only_supervisors_write_the_summary(team, report, console, session):
    console.login("engineer")
    assert console.post(f"/admin/stats/reports/{report.id}/summary", SUMMARY).status_code == 403
    session.expire_all()
    assert session.get(MonthlyReport, report.id).problems is None
