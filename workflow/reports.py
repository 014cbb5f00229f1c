"""The monthly report (seed §六(5)): last month's figures for a site as an Excel workbook
under INSTANCE_PATH/reports/, listed in MonthlyReport. jobs/ builds it on the 1st; the
console lists it and offers it for download. The figures come from the statistics engine
(models.stats); the file can always be built again from the database: ``report_file``
rebuilds it when this host does not have it (a web process on another machine than the
worker)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import MonthlyReport, Site, utcnow
from models.stats import Scope, monthly_report
from workflow import machine, report_workbook


def previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def reports_dir(instance_path: str) -> Path:
    return Path(instance_path) / "reports"


def find_report(session: so.Session, site_id: int, year: int, month: int) -> Optional[MonthlyReport]:
    return session.scalar(sa.select(MonthlyReport).where(MonthlyReport.site_id == site_id,
                                                         MonthlyReport.month == date(year, month, 1)))


def list_reports(session: so.Session, site_ids=None) -> list[MonthlyReport]:
    """Newest first; ``site_ids`` a list of site ids, or None for every site."""
    stmt = sa.select(MonthlyReport).order_by(MonthlyReport.month.desc(), MonthlyReport.site_id)
    if site_ids is not None:
        stmt = stmt.where(MonthlyReport.site_id.in_(site_ids))
    return list(session.scalars(stmt))


def build_report(session: so.Session, site: Site, year: int, month: int, instance_path: str) -> MonthlyReport:
    """Build (or rebuild) the workbook and its row; the caller commits."""
    report_data = monthly_report(session, Scope.site(site.id), year, month, now=machine.now())  # overdue as of the build
    figures = report_data["month"]
    relative = Path(site.slug) / f"{site.slug}-{year:04d}-{month:02d}.xlsx"
    report_workbook.write(reports_dir(instance_path) / relative, site.name, report_data)
    report = find_report(session, site.id, year, month)
    if report is None:
        report = MonthlyReport(site_id=site.id, month=date(year, month, 1))
        session.add(report)
    report.path, report.created_at = relative.as_posix(), utcnow()
    report.summary = {"total": figures.total, "avg_response_minutes": figures.avg_response_minutes,
                      "avg_completion_hours": figures.avg_completion_hours, "overdue_rate": figures.overdue_rate,
                      "avg_score": figures.satisfaction["avg_score"],
                      "avg_arrival_minutes": figures.arrivals["avg_arrival_minutes"]}
    session.flush()
    return report


def report_file(session: so.Session, report: MonthlyReport, instance_path: str) -> Path:
    """The workbook's path on this host, rebuilt from the database if it is missing."""
    path = reports_dir(instance_path) / report.path
    if not path.is_file():
        build_report(session, report.site, report.month.year, report.month.month, instance_path)
    return path
