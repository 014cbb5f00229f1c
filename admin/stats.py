"""Statistics for supervisors (seed §六(5)): the month by category, code, department,
channel and status; times, overdue rate, satisfaction; quarter against quarter; twelve
months; charts and the Excel and CSV exports."""
from __future__ import annotations

import json
import logging

from flask import Response, abort, current_app, render_template, request, send_file

from admin import bp, charts, exports
from admin.access import SUPERVISION, current_staff, require, site_or_abort, visible_sites
from admin.stats_queries import Month, month_stats, overview
from models import db, utcnow
from models.localtime import today as local_today
from models.queries import site_ids

CACHE_SECONDS = 3600  # ended months' per-category counts (only late reclassification moves them)
log = logging.getLogger(__name__)


class RedisCache:
    """Ended months' counts in Redis, shared by every web process; fails open."""

    def __init__(self, prefix: str = "admin:stats:v1:") -> None:
        self.prefix = prefix

    def get(self, key: str):
        try:
            raw = current_app.redis.get(self.prefix + key)
        except Exception:  # noqa: BLE001 - no cache is only slower
            log.warning("statistics cache unavailable (Redis)")
            return None
        return json.loads(raw) if raw else None

    def set(self, key: str, value: dict) -> None:
        try:
            current_app.redis.set(self.prefix + key, json.dumps(value), ex=CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            pass


def _scope():
    """The month and the site asked for (None: all of the staff member's sites)."""
    try:
        month = Month.parse(request.args.get("month"), local_today())
    except ValueError as exc:
        abort(400, description=str(exc))
    slug = request.args.get("site") or None
    site = site_or_abort(slug) if slug else None
    return month, site


def _label(site) -> str:
    return site.name if site else "全部服务中心"


@bp.get("/stats")
@require(SUPERVISION)
def stats():
    month, site = _scope()
    staff, site_id = current_staff(), site.id if site else None
    data = month_stats(db.session, staff, month, utcnow(), site_id)
    compare, series = overview(db.session, staff, month, local_today(), site_id, RedisCache())
    args = {"month": str(month), **({"site": site.slug} if site else {})}
    return render_template("admin/stats.html", s=data, compare=compare, trend=series, month=month, site=site,
                           sites=visible_sites(staff), args=args, charts=charts.MONTH_CHARTS,
                           summary=exports.summary_rows(data), scope_label=_label(site), reports=_reports(staff))


def _reports(staff) -> list:
    """The monthly report files jobs/ builds on the 1st (newest first, the last twelve)."""
    from jobs.reports import list_reports

    return list_reports(db.session, site_ids(staff))[:12]


@bp.get("/stats/reports/<int:report_id>")
@require(SUPERVISION)
def stats_report(report_id: int):
    from jobs.reports import report_file
    from models import MonthlyReport

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
    month, site = _scope()
    staff, site_id = current_staff(), site.id if site else None
    if name in charts.MONTH_CHARTS:
        svg = charts.month_chart(name, month_stats(db.session, staff, month, utcnow(), site_id))
    elif name == "trend":
        from nlp import taxonomy

        data = overview(db.session, staff, month, local_today(), site_id, RedisCache())[1]
        svg = charts.trend_line("近12个月工单趋势", data, taxonomy.CATEGORIES)
    elif name == "quarter":
        data = overview(db.session, staff, month, local_today(), site_id, RedisCache())[0]
        svg = charts.quarter_bar(f"季度对比：{data.previous} / {data.current}", data)
    else:
        abort(404)
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "private, max-age=60"})


def _export_data():
    month, site = _scope()
    staff, site_id = current_staff(), site.id if site else None
    compare, series = overview(db.session, staff, month, local_today(), site_id, RedisCache())
    return month, site, month_stats(db.session, staff, month, utcnow(), site_id), compare, series


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
