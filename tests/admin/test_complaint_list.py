"""The complaint list (明细, seed §六(5) 整理客户投诉清单) exported for any period, as xlsx and
csv, one row per ticket, with the statistics export's formula guard."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from openpyxl import load_workbook

from models import Channel, Status, utcnow
from models.localtime import local_date
from workflow.machine import clock_at


def test_the_complaint_list_of_any_period_as_xlsx_and_csv_6_5(team, console, session):
    """§六(5): the list itself, not only the aggregates: the period's tickets with the
    registration fields; a formula typed by a tenant stays text; phones are masked."""
    with clock_at(utcnow() - timedelta(days=40)):
        old = team.ticket(Status.NEW, content="去年的空调问题")
    formula = team.ticket(Status.CLOSED, content="=HYPERLINK(\"http://x\")电梯异响", code="ENG-LIFT",
                          channel=Channel.PHONE, tenant=None, phone="13912345678", complainant="+刘芳")
    session.commit()
    today = local_date(utcnow())
    console.login("supervisor")
    assert 'id="complaint-list"' in console.get("/admin/stats").get_data(as_text=True)
    period = f"since={today - timedelta(days=7)}&until={today}"
    response = console.get(f"/admin/stats/complaints.csv?{period}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert table[0][:4] == ["工单号", "登记时间", "物业编号", "联系电话"] and len(table) == 2
    row = dict(zip(table[0], table[1], strict=True))
    assert row["工单号"] == formula.number and row["投诉内容"].startswith("'=HYPERLINK")
    assert row["投诉人"] == "'+刘芳" and row["联系电话"] == "139****5678" and "13912345678" not in response.get_data(as_text=True)
    assert (row["投诉代码"], row["渠道"], row["状态"], row["处理结果"]) == ("ENG-LIFT", "电话", "已结案", "已答复")
    wide = console.get(f"/admin/stats/complaints.xlsx?since={today - timedelta(days=60)}&until={today}")
    sheet = load_workbook(io.BytesIO(wide.get_data()))["投诉清单"]
    numbers = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [old.number, formula.number]
    assert sheet.cell(3, 7).value.startswith("'=HYPERLINK") and sheet.cell(3, 7).data_type == "s"


def test_a_bad_period_is_a_clear_400_6_5(team, console):
    """§六(5): a malformed or reversed period names the argument, never a 500."""
    console.login("supervisor")
    bad = console.get("/admin/stats/complaints.csv?since=2026-13-01&until=2026-12-31")
    assert bad.status_code == 400 and "since：日期须为 YYYY-MM-DD 格式" in bad.get_data(as_text=True)
    reversed_ = console.get("/admin/stats/complaints.xlsx?since=2026-12-31&until=2026-01-01")
    assert reversed_.status_code == 400 and "结束日期不能早于开始日期" in reversed_.get_data(as_text=True)
