"""The monthly report's Excel workbook (seed §六(5)): the month's figures from the
statistics engine (models.stats.monthly_report), each department's share, and the
supervisor's summary of the month's problems, causes and measures."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Optional

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from models.stats import Figures
from workflow.cells import formula_safe

HEADER = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2F5597")
TITLE = Font(bold=True, size=14)
SUMMARY_FIELDS = (("problems", "存在的问题"), ("causes", "原因分析"), ("measures", "改进措施"))


def pct(value: Optional[float]) -> Optional[str]:
    return None if value is None else f"{value * 100:.1f}%"


def _table(ws, row: int, headers: list[str], rows: list[list[Any]]) -> int:
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font, cell.fill = HEADER, HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
    for r, values in enumerate(rows, start=row + 1):
        for col, value in enumerate(values, start=1):
            ws.cell(row=r, column=col, value=formula_safe(value))  # department and code names
    for col in range(1, len(headers) + 1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 16)
    return row + len(rows) + 2


def _counts_sheet(wb: Workbook, title: str, key_header: str, figures: Figures, dimension: str) -> None:
    ws = wb.create_sheet(title)
    body = [[key, label, n, pct(n / figures.total) if figures.total else None]
            for key, label, n in figures.rows(dimension)]
    end = _table(ws, 1, [key_header, "名称", "件数", "占比"], body)
    if body:
        chart = BarChart()
        chart.title, chart.y_axis.title = title, "件数"
        chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=len(body) + 1), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=len(body) + 1))
        chart.height, chart.width = 7.5, 16
        ws.add_chart(chart, f"A{end}")


def headline(f: Figures) -> list[list[Any]]:
    """指标/数值 rows, the same for the site and for a department's share."""
    s, a = f.satisfaction, f.arrivals
    return [
        ["工单总数", f.total],
        ["平均首次响应（分钟）", f.avg_response_minutes],
        ["平均完成用时（小时）", f.avg_completion_hours],
        ["平均到场时间（分钟）", a["avg_arrival_minutes"]],
        ["急修30分钟内到场", f"{a['urgent_arrived_in_time']}/{a['urgent_dispatched']}"],
        ["急修30分钟内到场率", pct(a["urgent_in_time_rate"])],
        ["派单数", f.dispatched],
        ["超时件数", f.overdue],
        ["超时率", pct(f.overdue_rate)],
        ["满意度调查发出", s["surveys"]],
        ["已评价", s["answered"]],
        ["评价率", pct(s["response_rate"])],
        ["平均满意度（1-5分）", s["avg_score"]],
        ["满意率（4-5分）", pct(s["satisfied_rate"])],
    ]


def write(path: Path, site_name: str, report: dict, shares: Optional[list[tuple[str, Figures]]] = None,
          summary: Optional[dict[str, Optional[str]]] = None) -> None:
    """``report``: models.stats.monthly_report; ``shares``: (department, its figures);
    ``summary``: the supervisor's text by SUMMARY_FIELDS key. Written whole, then moved in."""
    month: Figures = report["month"]
    wb = Workbook()
    ws = wb.active
    ws.title = "概览"
    ws["A1"] = formula_safe(f"{site_name} {month.label} 投诉报修统计")
    ws["A1"].font = TITLE
    end = _table(ws, 3, ["指标", "数值"], headline(month))
    ws.cell(row=end, column=1, value="评分分布").font = Font(bold=True)
    _table(ws, end + 1, ["分数", "件数"], [[f"{s}分", n] for s, n in month.satisfaction["by_score"].items()])
    ws.column_dimensions["A"].width = 24

    _counts_sheet(wb, "按类别", "类别", month, "category")
    _counts_sheet(wb, "按投诉代码", "投诉代码", month, "code")
    _counts_sheet(wb, "按部门", "部门", month, "department")
    _counts_sheet(wb, "按渠道", "渠道", month, "channel")

    quarter = report["quarter"]
    current, previous = quarter["current"], quarter["previous"]
    qs = wb.create_sheet("季度对比")
    qs["A1"] = f"本季度（{current.label}）与上季度同期（{previous.label}）对比"
    qs["A1"].font = TITLE
    rows = [
        ["工单总数", current.total, previous.total, pct(quarter["total_change"])],
        ["平均首次响应（分钟）", current.avg_response_minutes, previous.avg_response_minutes, None],
        ["平均完成用时（小时）", current.avg_completion_hours, previous.avg_completion_hours, None],
        ["超时率", pct(current.overdue_rate), pct(previous.overdue_rate), None],
        ["平均满意度", current.satisfaction["avg_score"], previous.satisfaction["avg_score"], None],
    ]
    end = _table(qs, 3, ["指标", "本季度", "上季度同期", "环比"], rows)
    names = month.labels.get("category", {})
    _table(qs, end, ["类别", "本季度", "上季度同期", "环比"],
           [[names.get(c["key"], c["key"]), c["current"], c["previous"], pct(c["change"])]
            for c in quarter["by_category"]])
    qs.column_dimensions["A"].width = 24

    if shares is not None:
        _shares_sheet(wb, shares)
    if summary is not None:
        _summary_sheet(wb, summary)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".part-", suffix=".xlsx")
    os.close(fd)
    wb.save(temp)
    os.replace(temp, path)


def _shares_sheet(wb: Workbook, shares: list[tuple[str, Figures]]) -> None:
    ds = wb.create_sheet("各部门")
    _table(ds, 1, ["部门", "工单数", "超时件数", "超时率", "平均完成用时（小时）", "平均满意度"],
           [[name, f.total, f.overdue, pct(f.overdue_rate), f.avg_completion_hours, f.satisfaction["avg_score"]]
            for name, f in shares])


def _summary_sheet(wb: Workbook, summary: dict[str, Optional[str]]) -> None:
    ss = wb.create_sheet("主管小结")
    ss.column_dimensions["A"].width, ss.column_dimensions["B"].width = 16, 80
    for row, (key, title) in enumerate(SUMMARY_FIELDS, start=1):
        ss.cell(row=row, column=1, value=title).font = Font(bold=True)
        cell = ss.cell(row=row, column=2, value=formula_safe(summary.get(key) or "（未填写）"))
        cell.alignment = Alignment(wrap_text=True, vertical="top")

