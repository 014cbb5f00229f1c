"""业户档案: the site's units and tenants, loaded from the centre's own file with a preview of
what will change, and each unit's tenants and tickets."""
from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app, flash, redirect, render_template, request, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from admin import bp
from admin.access import DESK_UP, SUPERVISION, current_staff, require, site_or_abort, site_row_or_abort, visible_sites
from admin.forms import FormState
from models import OPEN_STATUSES, Site, Tenant, Ticket, Unit, db
from models.queries import like_pattern
from workflow.unit_import import ImportRefused, ImportRow, apply_import, plan_import, read_import

PAGE_SIZE = 100
PREVIEW_SALT = "unit-import-preview"
PREVIEW_MAX_AGE = 3600  # an hour to look the preview over and confirm


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=PREVIEW_SALT)


def _sealed(site: Site, rows: list[ImportRow]) -> str:
    """The checked rows, carried by the preview page to the confirmation (any web process
    may take it): signed, so what is confirmed is what was checked."""
    return _signer().dumps([site.id, [[r.line, r.code, r.name, r.phone, r.building, r.floor] for r in rows]])


def _unsealed(site: Site, token: str) -> list[ImportRow]:
    try:
        site_id, rows = _signer().loads(token, max_age=PREVIEW_MAX_AGE)
    except BadSignature:
        raise ImportRefused("导入预览已过期或无效，请重新上传文件") from None
    if site_id != site.id:
        raise ImportRefused("导入预览不属于该服务中心，请重新上传文件")
    return [ImportRow(*row) for row in rows]


@bp.route("/units/import", methods=["GET", "POST"])
@require(SUPERVISION)
def unit_import():
    site = site_or_abort(request.values.get("site"))
    sites = visible_sites(current_staff())
    if request.method == "GET":
        return render_template("admin/unit_import.html", site=site, sites=sites, state=FormState(), problems=[])
    upload = request.files.get("file")
    try:
        if upload is None or not upload.filename:
            raise ImportRefused("请选择要导入的 .xlsx 或 .csv 文件")
        rows = read_import(upload.read(), upload.filename)
    except ImportRefused as exc:
        return render_template("admin/unit_import.html", site=site, sites=sites, state=FormState.refused("import", exc),
                               problems=exc.problems), 400
    summary = plan_import(db.session, site, rows)
    return render_template("admin/unit_import_preview.html", site=site, summary=summary, sealed=_sealed(site, rows),
                           filename=upload.filename)


@bp.post("/units/import/confirm")
@require(SUPERVISION)
def unit_import_confirm():
    site = site_or_abort(request.form.get("site"))
    try:
        summary = apply_import(db.session, site, _unsealed(site, request.form.get("rows") or ""))
        db.session.commit()
    except ImportRefused as exc:
        db.session.rollback()
        return render_template("admin/unit_import.html", site=site, sites=visible_sites(current_staff()),
                               state=FormState.refused("import", exc), problems=exc.problems), 400
    flash(f"已导入{site.name}：{summary.describe()}", "success")
    return redirect(url_for("admin.tenant_records", site=site.slug))


@bp.get("/tenants")
@require(DESK_UP)
def tenant_records():
    site = site_or_abort(request.args.get("site"))
    q = (request.args.get("q") or "").strip()[:40]
    floor = (request.args.get("floor") or "").strip()[:10]
    page = max(1, request.args.get("page", 1, type=int) or 1)
    stmt = sa.select(Unit).where(Unit.site_id == site.id)
    if q:
        like = like_pattern(q)
        people = sa.select(Tenant.unit_id).where(Tenant.site_id == site.id, sa.or_(
            Tenant.name.ilike(like, escape="\\"), Tenant.phone.ilike(like, escape="\\")))
        stmt = stmt.where(sa.or_(Unit.code.ilike(like, escape="\\"), Unit.name.ilike(like, escape="\\"),
                                 Unit.id.in_(people)))
    if floor:
        stmt = stmt.where(Unit.floor == floor)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
    units = db.session.scalars(stmt.order_by(Unit.code).offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    ids = [u.id for u in units]
    return render_template(
        "admin/tenant_records.html", site=site, sites=visible_sites(current_staff()), units=units, q=q, floor=floor,
        page=page, total=total, pages=max(1, -(-total // PAGE_SIZE)), records=_records(ids),
        followers=_count(sa.select(Tenant.unit_id, sa.func.count()).where(
            Tenant.unit_id.in_(ids), Tenant.openid.is_not(None)).group_by(Tenant.unit_id)),
        open_tickets=_count(sa.select(Ticket.unit_id, sa.func.count()).where(
            Ticket.unit_id.in_(ids), Ticket.status.in_(OPEN_STATUSES)).group_by(Ticket.unit_id)),
        all_tickets=_count(sa.select(Ticket.unit_id, sa.func.count()).where(Ticket.unit_id.in_(ids))
                           .group_by(Ticket.unit_id)),
        floors=db.session.scalars(sa.select(Unit.floor).where(Unit.site_id == site.id, Unit.floor.is_not(None))
                                  .distinct().order_by(Unit.floor)).all(),
        unbound=db.session.scalar(sa.select(sa.func.count(Tenant.id)).where(
            Tenant.site_id == site.id, Tenant.openid.is_not(None), Tenant.unit_id.is_(None))),
    )


def _count(stmt) -> dict[int, int]:
    return dict(db.session.execute(stmt).all())


def _records(unit_ids: list[int]) -> dict[int, Tenant]:
    """Each unit's tenant of record (from the centre's file)."""
    records: dict[int, Tenant] = {}
    for tenant in db.session.scalars(sa.select(Tenant).where(Tenant.unit_id.in_(unit_ids), Tenant.openid.is_(None))
                                     .order_by(Tenant.id)):
        records.setdefault(tenant.unit_id, tenant)
    return records


@bp.get("/units/<int:unit_id>")
@require(DESK_UP)
def unit_record(unit_id: int):
    unit = site_row_or_abort(Unit, unit_id)
    tenants = db.session.scalars(sa.select(Tenant).where(Tenant.unit_id == unit.id)
                                 .options(so.undefer(Tenant.last_inbound_at))
                                 .order_by(Tenant.openid.is_not(None), Tenant.id)).all()
    tenant_ids = [t.id for t in tenants]
    tickets = db.session.scalars(sa.select(Ticket).where(sa.or_(Ticket.unit_id == unit.id, Ticket.tenant_id.in_(
        tenant_ids))).order_by(Ticket.created_at.desc()).limit(100)).all()
    return render_template("admin/unit_record.html", unit=unit, site=unit.site, tenants=tenants, tickets=tickets)
