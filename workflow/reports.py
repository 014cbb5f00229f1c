"""The monthly report (seed §六(5)): last month's figures for a site as an Excel workbook
under INSTANCE_PATH/reports/, listed in MonthlyReport. jobs/ builds it on the 1st; the
console lists it and offers it for download. The figures come from the statistics engine
(models.stats); the file can always be built again from the database: ``report_file``
rebuilds it when this host does not have it (a web process on another machine than the
worker)."""
from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Department, MonthlyReport, Outbox, Role, Site, Staff, Ticket, staff_sites, utcnow
from models.stats import Figures, Scope, figures, in_period, labels, month_period, monthly_report
from workflow import machine, report_workbook
from workflow.errors import PermissionDenied, ValidationError


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
    now = machine.now()  # overdue as of the build
    report_data = monthly_report(session, Scope.site(site.id), year, month, now=now)
    month_figures = report_data["month"]
    shares = [(d.name, share) for d, share in department_shares(session, site.id, year, month, now)]
    relative = Path(site.slug) / f"{site.slug}-{year:04d}-{month:02d}.xlsx"
    report = find_report(session, site.id, year, month)
    summary = summary_texts(report) if report is not None else {}
    report_workbook.write(reports_dir(instance_path) / relative, site.name, report_data, shares, summary)
    if report is None:
        report = MonthlyReport(site_id=site.id, month=date(year, month, 1))
        session.add(report)
    report.path, report.created_at = relative.as_posix(), utcnow()
    report.summary = {"total": month_figures.total, "avg_response_minutes": month_figures.avg_response_minutes,
                      "avg_completion_hours": month_figures.avg_completion_hours,
                      "overdue_rate": month_figures.overdue_rate, "avg_score": month_figures.satisfaction["avg_score"],
                      "avg_arrival_minutes": month_figures.arrivals["avg_arrival_minutes"]}
    session.flush()
    return report


def report_file(session: so.Session, report: MonthlyReport, instance_path: str) -> Path:
    """The workbook's path on this host, rebuilt from the database if it is missing or
    older than the supervisor's summary (each host compares its own copy)."""
    path = reports_dir(instance_path) / report.path
    if not path.is_file() or (report.summary_at is not None and _written_at(path) < report.summary_at):
        build_report(session, report.site, report.month.year, report.month.month, instance_path)
    return path


def _written_at(path: Path) -> datetime:
    """The file's modification time in naive UTC, as the database keeps times."""
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------- departments
MONTHLY_REPORT_EVENT = "monthly_report"
# The console's page of a department's share (admin.stats_reports); workflow/ does not
# import admin/. Opened signed out, it asks for sign-in and comes back.
DEPARTMENT_PAGE = "/admin/stats/reports/{report_id}/departments/{department_id}"


def _site_staff_departments(site_id: int) -> sa.Select:
    return (sa.select(Staff.department_id).join(staff_sites, staff_sites.c.staff_id == Staff.id)
            .where(staff_sites.c.site_id == site_id, Staff.active.is_(True), Staff.department_id.is_not(None)))


def report_departments(session: so.Session, site_id: int, year: int, month: int) -> list[Department]:
    """The departments a site's month concerns: those with staff at the site, and those
    that answered for a ticket of the month."""
    with_tickets = (sa.select(Ticket.department_id).where(Ticket.site_id == site_id, Ticket.department_id.is_not(None),
                                                          *in_period(month_period(year, month))))
    ids = sa.union(_site_staff_departments(site_id), with_tickets).subquery()
    return list(session.scalars(sa.select(Department).where(Department.id.in_(sa.select(ids.c[0])))
                                .order_by(Department.id)))


def department_shares(session: so.Session, site_id: int, year: int, month: int,
                      now: Optional[datetime] = None) -> list[tuple[Department, Figures]]:
    """Each department's share of the site's month: the tickets it answered for, their
    timeliness and satisfaction (seed §六(5): 传递至相关部门)."""
    names = labels(session)
    return [(d, figures(session, Scope.site(site_id, d.id), month_period(year, month), now, names))
            for d in report_departments(session, site_id, year, month)]


def send_to_departments(session: so.Session, report: MonthlyReport, base_url: str) -> list[Outbox]:
    """Each department with staff at the site gets its share by WeChat (jobs.staff_notify,
    after the caller commits): its figures in the message and a link to its page."""
    year, month = report.month.year, report.month.month
    staffed = set(session.scalars(_site_staff_departments(report.site_id)))
    period, now, names = month_period(year, month), machine.now(), labels(session)
    rows = []
    for department in report_departments(session, report.site_id, year, month):
        if department.id not in staffed:  # nobody to tell: its figures are not even counted
            continue
        share = figures(session, Scope.site(report.site_id, department.id), period, now, names)
        avg_score = share.satisfaction["avg_score"]
        link = base_url.rstrip("/") + DEPARTMENT_PAGE.format(report_id=report.id, department_id=department.id)
        row = Outbox(kind="notify_staff", payload={
            "event": MONTHLY_REPORT_EVENT, "site_id": report.site_id, "department_id": department.id,
            "report_id": report.id, "month": share.label, "department": department.name, "total": share.total,
            "overdue": share.overdue, "overdue_rate": report_workbook.pct(share.overdue_rate) or "—",
            "avg_score": f"{avg_score:.2f}分" if avg_score is not None else "暂无评价", "link": link})
        session.add(row)
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- the summary
SUMMARY_MAX = 2000  # characters per part: a page of the printed report each


def save_summary(session: so.Session, report: MonthlyReport, actor: Staff, **parts: str) -> MonthlyReport:
    """The supervisor's summary of the month (seed §六(5): 归纳总结现阶段物业服务中存在的问题
    并汇报给上级主管): problems, causes and measures, saved with the report; the workbook is
    written again with it on the next download. The caller commits."""
    if actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise PermissionDenied("只有主管或管理员可以填写月度小结")
    if not actor.can_see_site(report.site_id):
        raise PermissionDenied("无权操作其他服务中心")
    texts = {key: (parts.get(key) or "").strip() for key, _ in report_workbook.SUMMARY_FIELDS}
    for key, title in report_workbook.SUMMARY_FIELDS:
        if len(texts[key]) > SUMMARY_MAX:
            raise ValidationError(f"{title}最多 {SUMMARY_MAX} 字（现 {len(texts[key])} 字）", field=key)
    if not texts["problems"]:
        raise ValidationError("请填写本月存在的问题", field="problems")
    report.problems, report.causes, report.measures = texts["problems"], texts["causes"] or None, texts["measures"] or None
    report.summary_by_id, report.summary_at = actor.id, utcnow()
    session.flush()
    return report


def summary_texts(report: MonthlyReport) -> dict[str, str | None]:
    return {"problems": report.problems, "causes": report.causes, "measures": report.measures}
