"""The complaint list itself (投诉清单 / 明细, seed §六(5) 整理客户投诉清单): every ticket of a
period, one row each with the registration form's fields and how it ended, as xlsx or csv.
Any period (since/until, local days; the month asked for by default); every text cell goes
through the statistics export's formula guard."""
from __future__ import annotations

import csv
import io
from datetime import date
from typing import Optional
from urllib.parse import quote

import sqlalchemy as sa
from flask import Response, abort, request
from openpyxl import Workbook

from admin import bp
from admin.access import SUPERVISION, current_staff, require, site_or_abort
from admin.exports import _header, safe
from models import Department, Ticket, db
from models.localtime import day_end, day_start, to_local
from models.localtime import today as local_today
from models.queries import mask_phone, visible_tickets
from models.stats import Month
from models.tickets import CHANNEL_LABELS
from nlp import taxonomy

MAX_ROWS = 50_000  # a year of a large centre; a longer period asks for a narrower one
COLUMNS = ("工单号", "登记时间", "物业编号", "联系电话", "投诉代码", "类别", "投诉内容", "投诉人", "接待人员",
           "记录人员", "渠道", "状态", "处理部门", "处理结果", "结案时间", "满意度")


def _day(name: str) -> Optional[date]:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400, description=f"{name}：日期须为 YYYY-MM-DD 格式")


def _period() -> tuple[date, date]:
    since, until = _day("since"), _day("until")
    if since is None or until is None:
        try:
            month = Month.parse(request.args.get("month"), local_today())
        except ValueError as exc:
            abort(400, description=str(exc))
        first = date(month.year, month.month, 1)
        last = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        since, until = since or first, until or date.fromordinal(last.toordinal() - 1)
    if since > until:
        abort(400, description="until：结束日期不能早于开始日期")
    return since, until


def rows(since: date, until: date, site_id: Optional[int]) -> list[list]:
    stmt = (visible_tickets(sa.select(Ticket, Department.name), current_staff())
            .outerjoin(Department, Department.id == Ticket.department_id)
            .where(Ticket.created_at >= day_start(since), Ticket.created_at < day_end(until))
            .order_by(Ticket.created_at, Ticket.id).limit(MAX_ROWS + 1))
    if site_id is not None:
        stmt = stmt.where(Ticket.site_id == site_id)
    found = db.session.execute(stmt).all()
    if len(found) > MAX_ROWS:
        abort(400, description=f"since/until：该时段超过{MAX_ROWS}条，请缩短时段")

    def when(moment):
        return to_local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""

    return [[safe(v) for v in (
        t.number, when(t.created_at), t.unit_code or "", mask_phone(t.phone) or "", t.code,
        taxonomy.CATEGORIES.get(t.category, t.category), t.content, t.complainant or "", t.receiver, t.recorder,
        CHANNEL_LABELS.get(t.channel, str(t.channel)), t.status.label, department or "", t.result or "",
        when(t.closed_at), t.satisfaction if t.satisfaction is not None else "")] for t, department in found]


def _attachment(since: date, until: date, ext: str) -> dict:
    name = f"客户投诉清单-{since}至{until}.{ext}"
    return {"Content-Disposition": f"attachment; filename=\"complaints-{since}-{until}.{ext}\"; "
                                   f"filename*=UTF-8''{quote(name)}"}


def _scope():
    since, until = _period()
    slug = request.args.get("site") or None
    site = site_or_abort(slug) if slug else None
    return since, until, site


@bp.get("/stats/complaints.xlsx")
@require(SUPERVISION)
def complaints_xlsx():
    since, until, site = _scope()
    wb = Workbook()
    ws = wb.active
    ws.title = "投诉清单"
    _header(ws, *COLUMNS)
    for row in rows(since, until, site.id if site else None):
        ws.append(row)
    for column, width in zip("ABCDEFGHIJKLMNOP", (20, 17, 12, 14, 11, 12, 40, 10, 10, 10, 8, 8, 10, 30, 17, 8),
                             strict=True):
        ws.column_dimensions[column].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return Response(buf.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers=_attachment(since, until, "xlsx"))


@bp.get("/stats/complaints.csv")
@require(SUPERVISION)
def complaints_csv():
    since, until, site = _scope()
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    writer.writerows(rows(since, until, site.id if site else None))
    return Response("\ufeff" + buf.getvalue(), mimetype="text/csv", headers=_attachment(since, until, "csv"))
