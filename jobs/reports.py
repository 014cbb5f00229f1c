"""The monthly report (seed §六(5)): on the 1st, last month's statistics for each site as an
Excel workbook under INSTANCE_PATH/reports/, listed in MonthlyReport for the console to
offer for download and to send to the departments.

The figures come from ``models.stats`` (aggregated in SQL). The file can always be built
again from the database: ``report_file`` rebuilds it when this host does not have it (a
web process on another machine than the worker)."""
from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from jobs.runtime import job_context
from models import MonthlyReport, Site, utcnow
from models.localtime import today as local_today
from models.stats import monthly_stats
from nlp.taxonomy import CATEGORIES
from workflow import machine
from workflow.cells import formula_safe

HEADER = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2F5597")
TITLE = Font(bold=True, size=14)


def previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def reports_dir(instance_path: str) -> Path:
    return Path(instance_path) / "reports"


def build_monthly_reports() -> dict[str, Any]:
    """The periodic job: last month's report for every site that has none yet."""
    with job_context("jobs.reports") as ctx:
        year, month = previous_month(local_today())
        built = []
        for site in ctx.session.scalars(sa.select(Site).order_by(Site.id)):
            if find_report(ctx.session, site.id, year, month) is None:
                report = build_report(ctx.session, site, year, month, ctx.config["INSTANCE_PATH"])
                ctx.session.commit()
                built.append(report.path)
                ctx.log.info("monthly report %s built", report.path)
        return {"month": f"{year:04d}-{month:02d}", "built": built}


def find_report(session: so.Session, site_id: int, year: int, month: int) -> Optional[MonthlyReport]:
    return session.scalar(sa.select(MonthlyReport).where(MonthlyReport.site_id == site_id,
                                                         MonthlyReport.month == date(year, month, 1)))


def list_reports(session: so.Session, site_ids=None) -> list[MonthlyReport]:
    """Newest first; ``site_ids`` as in models.stats (None: every site)."""
    stmt = sa.select(MonthlyReport).order_by(MonthlyReport.month.desc(), MonthlyReport.site_id)
    if site_ids is not None:
        stmt = stmt.where(MonthlyReport.site_id.in_(site_ids))
    return list(session.scalars(stmt))


def build_report(session: so.Session, site: Site, year: int, month: int, instance_path: str) -> MonthlyReport:
    """Build (or rebuild) the workbook and its row; the caller commits."""
    stats = monthly_stats(session, year, month, [site.id], now=machine.now())  # overdue as of the build
    relative = Path(site.slug) / f"{site.slug}-{year:04d}-{month:02d}.xlsx"
    _write(stats, site, reports_dir(instance_path) / relative)
    report = find_report(session, site.id, year, month)
    if report is None:
        report = MonthlyReport(site_id=site.id, month=date(year, month, 1))
        session.add(report)
    report.path, report.created_at = relative.as_posix(), utcnow()
    report.summary = {k: stats[k] for k in ("total", "avg_response_minutes", "avg_completion_hours",
                                            "overdue_rate")} | {"avg_score": stats["satisfaction"]["avg_score"],
                                                                "avg_arrival_minutes": stats["arrivals"]["avg_arrival_minutes"]}
    session.flush()
    return report


def report_file(session: so.Session, report: MonthlyReport, instance_path: str) -> Path:
    """The workbook's path on this host, rebuilt from the database if it is missing."""
    path = reports_dir(instance_path) / report.path
    if not path.is_file():
        build_report(session, report.site, report.month.year, report.month.month, instance_path)
    return path


# --------------------------------------------------------------------------- the workbook
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


def _pct(value: Optional[float]) -> Optional[str]:
    return None if value is None else f"{value * 100:.1f}%"


def _counts_sheet(wb: Workbook, title: str, key_header: str, rows: list[dict], total: int,
                  labels: Optional[dict] = None) -> None:
    ws = wb.create_sheet(title)
    body = [[r["key"] or "—", (labels or {}).get(r["key"], r["label"]), r["count"],
             _pct(r["count"] / total) if total else None] for r in rows]
    end = _table(ws, 1, [key_header, "名称", "件数", "占比"], body)
    if body:
        chart = BarChart()
        chart.title, chart.y_axis.title = title, "件数"
        chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=len(body) + 1), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=len(body) + 1))
        chart.height, chart.width = 7.5, 16
        ws.add_chart(chart, f"A{end}")


def _write(stats: dict, site: Site, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "概览"
    ws["A1"] = formula_safe(f"{site.name} {stats['label']} 投诉报修统计")
    ws["A1"].font = TITLE
    satisfaction = stats["satisfaction"]
    overview = [
        ["工单总数", stats["total"]],
        ["平均首次响应（分钟）", stats["avg_response_minutes"]],
        ["平均完成用时（小时）", stats["avg_completion_hours"]],
        ["平均到场时间（分钟）", stats["arrivals"]["avg_arrival_minutes"]],
        ["急修30分钟内到场", f"{stats['arrivals']['urgent_arrived_in_time']}/{stats['arrivals']['urgent_dispatched']}"],
        ["急修30分钟内到场率", _pct(stats["arrivals"]["urgent_in_time_rate"])],
        ["派单数", stats["dispatched"]],
        ["超时件数", stats["overdue"]],
        ["超时率", _pct(stats["overdue_rate"])],
        ["满意度调查发出", satisfaction["surveys"]],
        ["已评价", satisfaction["answered"]],
        ["评价率", _pct(satisfaction["response_rate"])],
        ["平均满意度（1-5分）", satisfaction["avg_score"]],
        ["满意率（4-5分）", _pct(satisfaction["satisfied_rate"])],
    ]
    end = _table(ws, 3, ["指标", "数值"], overview)
    ws.cell(row=end, column=1, value="评分分布").font = Font(bold=True)
    _table(ws, end + 1, ["分数", "件数"], [[f"{s}分", n] for s, n in satisfaction["by_score"].items()])
    ws.column_dimensions["A"].width = 24

    _counts_sheet(wb, "按类别", "类别", stats["by_category"], stats["total"], CATEGORIES)
    _counts_sheet(wb, "按投诉代码", "投诉代码", stats["by_code"], stats["total"])
    _counts_sheet(wb, "按部门", "部门", stats["by_department"], stats["total"])
    _counts_sheet(wb, "按渠道", "渠道", stats["by_channel"], stats["total"])

    quarter = stats["quarter"]
    current, previous = quarter["current"], quarter["previous"]
    qs = wb.create_sheet("季度对比")
    qs["A1"] = f"本季度（{current['label']}）与上季度同期（{previous['label']}）对比"
    qs["A1"].font = TITLE
    rows = [
        ["工单总数", current["total"], previous["total"], _pct(quarter["total_change"])],
        ["平均首次响应（分钟）", current["avg_response_minutes"], previous["avg_response_minutes"], None],
        ["平均完成用时（小时）", current["avg_completion_hours"], previous["avg_completion_hours"], None],
        ["超时率", _pct(current["overdue_rate"]), _pct(previous["overdue_rate"]), None],
        ["平均满意度", current["satisfaction"]["avg_score"], previous["satisfaction"]["avg_score"], None],
    ]
    end = _table(qs, 3, ["指标", "本季度", "上季度同期", "环比"], rows)
    _table(qs, end, ["类别", "本季度", "上季度同期", "环比"],
           [[CATEGORIES.get(c["key"], c["key"]), c["current"], c["previous"], _pct(c["change"])]
            for c in quarter["by_category"]])
    qs.column_dimensions["A"].width = 24

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".part-", suffix=".xlsx")
    os.close(fd)
    wb.save(temp)
    os.replace(temp, path)
