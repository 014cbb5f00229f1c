"""The monthly report as pages (seed §六(5)): the printed report of a site's month with each
department's share, and a department's own share, which its staff open from the WeChat
message the report sends them. The figures are the statistics engine's (models.stats)."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for

from admin import bp, forms
from admin.access import ALL_STAFF, SUPERVISION, current_staff, require, site_row_or_abort
from models import Department, MonthlyReport, db, utcnow
from models.stats import Scope, figures, month_period, ticket_list
from workflow.report_workbook import SUMMARY_FIELDS
from workflow.reports import SUMMARY_MAX, department_shares, save_summary, send_to_departments


def _period(report: MonthlyReport):
    return month_period(report.month.year, report.month.month)


@bp.get("/stats/reports/<int:report_id>/print")
@require(SUPERVISION)
def stats_report_print(report_id: int, state: forms.FormState | None = None):
    report = site_row_or_abort(MonthlyReport, report_id)
    now = utcnow()
    site_figures = figures(db.session, Scope.site(report.site_id), _period(report), now)
    shares = department_shares(db.session, report.site_id, report.month.year, report.month.month, now)
    return render_template("admin/stats_report_print.html", report=report, f=site_figures, shares=shares, now=now,
                           state=state or forms.FormState(), summary_fields=SUMMARY_FIELDS, summary_max=SUMMARY_MAX)


@bp.post("/stats/reports/<int:report_id>/summary")
@require(SUPERVISION)
def stats_report_summary(report_id: int):
    """The supervisor's summary of the month, saved with the report and printed in it."""
    report = site_row_or_abort(MonthlyReport, report_id)
    with forms.Submission("summary") as sent:
        save_summary(db.session, report, current_staff(),
                     **{key: forms.text(key, SUMMARY_MAX + 1) for key, _ in SUMMARY_FIELDS})
    if sent.refused:
        return stats_report_print(report_id, sent.refused), 400
    flash("月度小结已保存，打印的报告和下载的 Excel 都会带上", "success")
    return redirect(url_for("admin.stats_report_print", report_id=report.id), code=303)


@bp.post("/stats/reports/<int:report_id>/send")
@require(SUPERVISION)
def stats_report_send(report_id: int):
    report = site_row_or_abort(MonthlyReport, report_id)
    rows = send_to_departments(db.session, report, current_app.config["PUBLIC_BASE_URL"])
    db.session.commit()
    flash(f"已将各部门的统计发送给 {len(rows)} 个部门的工作人员" if rows else "本服务中心没有可发送的部门工作人员",
          "success" if rows else "info")
    return redirect(url_for("admin.stats_report_print", report_id=report.id), code=303)


@bp.get("/stats/reports/<int:report_id>/departments/<int:department_id>")
@require(ALL_STAFF)
def stats_report_department(report_id: int, department_id: int):
    """A department's share: supervisors see every department's, other staff their own."""
    report = site_row_or_abort(MonthlyReport, report_id)
    staff = current_staff()
    if staff.role not in SUPERVISION and staff.department_id != department_id:
        abort(403)
    department = db.session.get(Department, department_id)
    if department is None:
        abort(404)
    now, scope = utcnow(), Scope.site(report.site_id, department_id)
    share = figures(db.session, scope, _period(report), now)
    tickets = ticket_list(db.session, scope, _period(report), now)
    return render_template("admin/stats_report_department.html", report=report, department=department, f=share,
                           tickets=tickets, now=now, summary_fields=SUMMARY_FIELDS)
