"""Statistics for supervisors (seed §六(5)): the month by category, code, department,
channel and status; times, overdue rate, satisfaction; quarter against quarter; twelve
months; charts and the Excel and CSV exports."""
from __future__ import annotations

from flask import Response, abort, current_app, render_template, request, send_file

from admin import bp, charts, exports
from admin.access import SUPERVISION, current_staff, require, site_or_abort, visible_sites
from models import MonthlyReport, db, utcnow
from models.localtime import today as local_today
from models.queries import site_ids
from models.stats import Month, Scope, figures
from models.stats_trend import RedisCache, overview
from workflow.reports import list_reports, report_file


def _scope():
    """The month, the site asked for (None: all of the staff member's sites) and the scope."""
    try:
        month = Month.parse(request.args.get("month"), local_today())
    except ValueError as exc:
        abort(400, description=str(exc))
    slug = request.args.get("site") or None
    site = site_or_abort(slug) if slug else None
    return month, site, Scope(staff=current_staff(), site_ids=(site.id,) if site else None)


def _label(site) -> str:
    return site.name if site else "全部服务中心"


@bp.get("/stats")
@require(SUPERVISION)
def stats():
    month, site, scope = _scope()
    data = figures(db.session, scope, month.period(), utcnow())
    compare, series = overview(db.session, scope, month, local_today(), _cache())
    args = {"month": str(month), **({"site": site.slug} if site else {})}
    return render_template("admin/stats.html", s=data, compare=compare, trend=series, month=month, site=site,
                           sites=visible_sites(current_staff()), args=args, charts=charts.MONTH_CHARTS,
                           summary=exports.summary_rows(data), scope_label=_label(site), reports=_reports())


def _cache() -> RedisCache:
    return RedisCache(current_app.redis)


def _reports() -> list:
    """The monthly report files jobs/ builds on the 1st (newest first, the last twelve)."""
    return list_reports(db.session, site_ids(current_staff()))[:12]


@bp.get("/stats/reports/<int:report_id>")
@require(SUPERVISION)
def stats_report(report_id: int):
    report = db.session.get(MonthlyReport, report_id)
    if report is None:
        abort(404)
    if not current_staff().can_see_site(report.site_id):
        abort(403)
    path = report_file(db.session, report, current_app.config["INSTANCE_PATH"])
    db.session.commit()  # a rebuilt file updates its row
    name = f"客户投诉月报-{report.site.slug}-{report.month:%Y-%m}.xlsx"
    return send_file(path, as_attachment=True, download_name=name,
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@bp.get("/stats/charts/<name>.svg")
@require(SUPERVISION)
def stats_chart(name: str):
    month, site, scope = _scope()
    if name in charts.MONTH_CHARTS:
        svg = charts.month_chart(name, figures(db.session, scope, month.period(), utcnow()))
    elif name == "trend":
        from nlp import taxonomy

        data = overview(db.session, scope, month, local_today(), _cache())[1]
        svg = charts.trend_line("近12个月工单趋势", data, taxonomy.CATEGORIES)
    elif name == "quarter":
        data = overview(db.session, scope, month, local_today(), _cache())[0]
        svg = charts.quarter_bar(f"季度对比：{data.previous} / {data.current}", data)
    else:
        abort(404)
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "private, max-age=60"})


def _export_data():
    month, site, scope = _scope()
    compare, series = overview(db.session, scope, month, local_today(), _cache())
    return month, site, figures(db.session, scope, month.period(), utcnow()), compare, series


def _attachment(month, ext: str) -> dict:
    from urllib.parse import quote

    name = f"客户投诉统计-{month}.{ext}"
    return {"Content-Disposition": f"attachment; filename=\"stats-{month}.{ext}\"; filename*=UTF-8''{quote(name)}"}


@bp.get("/stats/export.xlsx")
@require(SUPERVISION)
def stats_xlsx():
    month, site, data, compare, series = _export_data()
    body = exports.workbook(data, compare, series, _label(site))
    return Response(body, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers=_attachment(month, "xlsx"))


@bp.get("/stats/export.csv")
@require(SUPERVISION)
def stats_csv():
    month, site, data, compare, series = _export_data()
    return Response(exports.csv_text(data, compare, series), mimetype="text/csv",
                    headers=_attachment(month, "csv"))
