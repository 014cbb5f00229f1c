"""The units' QR codes, printed several to an A4 page for the shop counters and doors: the
WeChat parametric code where the worker has made it, else the signed link."""
from __future__ import annotations

import base64
from functools import lru_cache

import qrcode
import qrcode.image.svg
import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for

from admin import bp
from admin.access import SUPERVISION, current_staff, require, site_or_abort, visible_sites
from models import Outbox, Site, Tenant, Unit, db
from workflow.unit_codes import QR_JOB, request_wechat_codes, unit_code

PER_PAGE = (4, 6, 9)
MAX_UNITS = 1000  # one print job; larger sites print floor by floor


@lru_cache(maxsize=4096)
def qr_image(content: str) -> str:
    """The QR code of `content` as an SVG data URI (crisp at any print size)."""
    image = qrcode.make(content, image_factory=qrcode.image.svg.SvgPathImage, border=2,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def _last_request(site: Site) -> Outbox | None:
    """The newest request to make this site's WeChat codes (outbox rows carry the site in
    their payload)."""
    rows = db.session.scalars(sa.select(Outbox).where(Outbox.kind == QR_JOB).order_by(Outbox.id.desc()).limit(50))
    return next((row for row in rows if (row.payload or {}).get("site_id") == site.id), None)


@bp.get("/units/qr")
@require(SUPERVISION)
def unit_qr():
    site = site_or_abort(request.args.get("site"))
    floor = (request.args.get("floor") or "").strip()[:10]
    per_page = request.args.get("per_page", 4, type=int)
    per_page = per_page if per_page in PER_PAGE else 4
    stmt = sa.select(Unit).where(Unit.site_id == site.id)
    if floor:
        stmt = stmt.where(Unit.floor == floor)
    units = db.session.scalars(stmt.order_by(Unit.code).limit(MAX_UNITS)).all()
    names = dict(db.session.execute(sa.select(Tenant.unit_id, Tenant.name).where(
        Tenant.unit_id.in_([u.id for u in units]), Tenant.openid.is_(None), Tenant.name.is_not(None))).all())
    config = current_app.config
    codes = [unit_code(site, u, config["PUBLIC_BASE_URL"], config["SECRET_KEY"]) for u in units]
    sheets = [codes[i:i + per_page] for i in range(0, len(codes), per_page)]
    floors = db.session.scalars(sa.select(Unit.floor).where(Unit.site_id == site.id, Unit.floor.is_not(None))
                                .distinct().order_by(Unit.floor)).all()
    return render_template("admin/unit_qr.html", site=site, sites=visible_sites(current_staff()), sheets=sheets,
                           codes=codes, names=names, floor=floor, floors=floors, per_page=per_page,
                           per_page_choices=PER_PAGE, qr_image=qr_image, last=_last_request(site),
                           wechat_count=sum(1 for c in codes if c.wechat))


@bp.post("/units/qr/wechat")
@require(SUPERVISION)
def unit_qr_wechat():
    site = site_or_abort(request.form.get("site"))
    request_wechat_codes(db.session, site)
    db.session.commit()
    flash("已提交生成微信二维码，稍后刷新本页查看", "success")
    return redirect(url_for("admin.unit_qr", site=site.slug))
