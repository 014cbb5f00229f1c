"""The month's statistics as an Excel workbook (openpyxl, with native charts) and as CSV."""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill

from models.stats import Figures
from models.stats_trend import QuarterCompare, Trend
from workflow.cells import formula_safe

DIMENSION_TITLES = {"category": "按类别", "code": "按投诉代码", "department": "按部门", "channel": "按渠道",
                    "status": "按状态"}
HEADER = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F6FEB")


safe = formula_safe  # staff-edited labels must not become spreadsheet formulas


def summary_rows(stats: Figures) -> list[tuple[str, object]]:
    def rounded(v, digits=2):
        return round(v, digits) if v is not None else ""

    return [
        ("月份", str(stats.period)),
        ("工单总数", stats.total),
        ("平均首次响应（分钟）", rounded(stats.avg_response_minutes, 1)),
        ("平均到场时间（分钟）", rounded(stats.arrivals.get("avg_arrival_minutes"), 1)),
        ("急修30分钟内到场", f"{stats.arrivals.get('urgent_arrived_in_time', 0)}/{stats.arrivals.get('urgent_dispatched', 0)}"),
        ("平均完成时间（小时）", rounded(stats.avg_completion_hours)),
        ("超时工单数", stats.overdue),
        ("超时率", f"{stats.overdue_rate:.1%}" if stats.overdue_rate is not None else ""),
        ("满意度平均分", rounded(stats.satisfaction.get("avg_score"))),
        ("满意度评价数", stats.satisfaction.get("answered", 0)),
    ]


def _header(ws, *titles) -> None:
    ws.append(list(titles))
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = HEADER, HEADER_FILL
        cell.alignment = Alignment(horizontal="center")


def workbook(stats: Figures, compare: QuarterCompare, trend: Trend, site_name: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append([safe(f"{site_name} {stats.label} 客户投诉统计")])
    ws["A1"].font = Font(bold=True, size=14)
    for row in summary_rows(stats):
        ws.append(list(row))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 16
    for dim, title in DIMENSION_TITLES.items():
        sheet = wb.create_sheet(title)
        _header(sheet, "项目", "工单数", "占比")
        rows = stats.rows(dim)
        for _, label, n in rows:
            sheet.append([safe(label), n, round(n / stats.total, 4) if stats.total else 0])
            sheet.cell(sheet.max_row, 3).number_format = "0.0%"
        sheet.column_dimensions["A"].width = 22
        if rows:
            chart = BarChart()
            chart.title, chart.y_axis.title = f"{stats.label}{title}", "工单数"
            chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=len(rows) + 1), titles_from_data=True)
            chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(rows) + 1))
            sheet.add_chart(chart, "E2")
    sheet = wb.create_sheet("季度对比")
    _header(sheet, "类别", compare.previous, compare.current, "变化")
    for _, label, prev, cur in compare.rows:
        sheet.append([safe(label), prev, cur, cur - prev])
    sheet.append(["合计", *compare.totals, compare.totals[1] - compare.totals[0]])
    sheet.column_dimensions["A"].width = 16
    sheet = wb.create_sheet("近12个月")
    categories = sorted(trend.by_category)
    _header(sheet, "月份", "合计", *[safe(c) for c in categories])
    for i, m in enumerate(trend.months):
        sheet.append([str(m), trend.totals[i], *[trend.by_category[c][i] for c in categories]])
    line = LineChart()
    line.title = "近12个月工单趋势"
    line.add_data(Reference(sheet, min_col=2, min_row=1, max_row=len(trend.months) + 1), titles_from_data=True)
    line.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(trend.months) + 1))
    sheet.add_chart(line, "H2")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_text(stats: Figures, compare: QuarterCompare, trend: Trend) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["维度", "项目", "数值"])
    for name, value in summary_rows(stats):
        w.writerow(["汇总", name, value])
    for dim, title in DIMENSION_TITLES.items():
        for _, label, n in stats.rows(dim):
            w.writerow([title, safe(label), n])
    for _, label, prev, cur in compare.rows:
        w.writerow([f"季度对比（{compare.previous}）", safe(label), prev])
        w.writerow([f"季度对比（{compare.current}）", safe(label), cur])
    for m, total in zip(trend.months, trend.totals, strict=True):
        w.writerow(["近12个月", str(m), total])
    return "\ufeff" + buf.getvalue()  # the BOM makes Excel read the UTF-8 Chinese
