"""Site settings (name, phone numbers, the referral phone the no-service phrase gives),
the phrasebook per site, and staff accounts. Admins only."""
from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for

from admin import bp, forms, scripts
from admin.access import ADMIN_ONLY, current_staff, require, site_or_abort, visible_sites
from admin.forms import FormState
from models import Department, Role, Site, Staff, db
from workflow.deadlines import UNDISPATCHED_SETTINGS
from workflow.errors import ValidationError
from workflow.phrasebook import defaults, phrase


class _Blank(dict):
    def __missing__(self, key):
        return ""


def phrase_table(site: Site) -> list[dict]:
    overrides = (site.settings or {}).get("phrases", {})
    rows = [{"key": k, "moment": v.get("moment", ""), "seed": v.get("seed", ""), "default": v["text"],
             "value": overrides.get(k, ""), "preview": phrase(k, site)} for k, v in defaults().items()]
    for key, v in scripts.FALLBACK.items():
        rows.append({"key": key, "moment": v["moment"], "seed": "", "default": v["text"],
                     "value": overrides.get(key, ""), "preview": overrides.get(key) or v["text"]})
    return rows


@bp.route("/settings/phrases", methods=["GET", "POST"])
@require(ADMIN_ONLY)
def phrases():
    site = site_or_abort(request.values.get("site"))
    state, status = FormState(), 200
    if request.method == "POST":
        known = {r["key"]: r["default"] for r in phrase_table(site)}
        overrides = {}
        try:
            for key, default in known.items():
                text = forms.text(f"phrase_{key}", 500)
                if not text or text == default:
                    continue
                try:
                    text.format_map(_Blank())
                except (ValueError, IndexError, AttributeError):
                    raise ValidationError("花括号不成对：占位符须写成 {centre} 这样的形式", field=f"phrase_{key}") from None
                overrides[key] = text
        except ValidationError as exc:
            state, status = FormState.refused("phrases", exc), 400
        else:
            site.settings = {**(site.settings or {}), "phrases": overrides}
            db.session.commit()
            flash(f"已保存{site.name}的话术（自定义 {len(overrides)} 条）", "success")
            return redirect(url_for("admin.phrases", site=site.slug))
    return render_template("admin/phrases.html", site=site, sites=visible_sites(current_staff()),
                           rows=phrase_table(site), state=state), status


def _default_minutes() -> dict[str, int]:
    return {to: int(default.total_seconds() // 60) for to, (_, default) in UNDISPATCHED_SETTINGS.items()}


def _undispatched_minutes() -> dict[str, int]:
    """The 待派单 waits (seed §五(1)) typed on the site form, in minutes; empty: the default."""
    desk_key, supervisor_key = (key for key, _ in UNDISPATCHED_SETTINGS.values())
    minutes = {}
    for key, label in ((desk_key, "提醒前台派单"), (supervisor_key, "上报主管")):
        raw = forms.text(key, 5)
        if raw and (not raw.isdigit() or not 5 <= int(raw) <= 1440):
            raise ValidationError(f"{label}的时间须为5到1440分钟", field=key)
        minutes[key] = int(raw) if raw else None
    defaults = _default_minutes()
    desk, supervisors = minutes[desk_key] or defaults["desk"], minutes[supervisor_key] or defaults["supervisors"]
    if supervisors <= desk:
        raise ValidationError("上报主管的时间须晚于提醒前台派单的时间", field=supervisor_key)
    return minutes


@bp.route("/settings/site", methods=["GET", "POST"])
@require(ADMIN_ONLY)
def site_settings():
    site = site_or_abort(request.values.get("site"))
    departments = db.session.scalars(sa.select(Department).order_by(Department.id)).all()
    state, status = FormState(), 200
    if request.method == "POST":
        with forms.Submission("site") as sent:
            name = forms.text("name", 80)
            if not name:
                raise ValidationError("请填写服务中心名称", field="name")
            site.name = name
            site.phone = forms.optional_text("phone", 40)
            site.address = forms.optional_text("address", 200)
            settings = dict(site.settings or {})
            settings["referral_phone"] = forms.text("referral_phone", 80) or settings.get("referral_phone")
            settings.update(_undispatched_minutes())
            site.settings = {k: v for k, v in settings.items() if v is not None}
            for dept in departments:
                dept.phone = forms.optional_text(f"dept_{dept.id}", 40)
        if sent.refused:
            state, status = sent.refused, 400
        else:
            flash("已保存服务中心信息", "success")
            return redirect(url_for("admin.site_settings", site=site.slug))
    return render_template("admin/site_settings.html", site=site, sites=visible_sites(current_staff()),
                           departments=departments, default_minutes=_default_minutes(), state=state), status


@bp.route("/settings/staff", methods=["GET", "POST"])
@require(ADMIN_ONLY)
def staff_list():
    from workflow.accounts import save_staff

    state, status = FormState(), 200
    sites = db.session.scalars(sa.select(Site).order_by(Site.id)).all()
    if request.method == "POST":
        with forms.Submission("staff", secret=("password",)) as sent:
            staff = save_staff(db.session, None, username=forms.text("username", 40), role=forms.text("role", 20),
                               password=request.form.get("password") or "",
                               display_name=forms.text("display_name", 40), phone=forms.text("phone", 20),
                               department=forms.text("department", 40), site_slugs=request.form.getlist("sites"))
        if sent.refused:
            state, status = sent.refused, 400
        else:
            flash(f"已创建账号 {staff.username}", "success")
            return redirect(url_for("admin.staff_list"))
    people = db.session.scalars(sa.select(Staff).order_by(Staff.role, Staff.id)).all()
    departments = db.session.scalars(sa.select(Department).order_by(Department.id)).all()
    return render_template("admin/staff.html", people=people, sites=sites, departments=departments, roles=list(Role),
                           state=state), status


@bp.post("/settings/staff/<int:staff_id>")
@require(ADMIN_ONLY)
def staff_change(staff_id: int):
    staff = db.session.get(Staff, staff_id)
    if staff is None:
        abort(404)
    op = request.form.get("op")
    if op == "unlock":
        from admin.auth import clear_failures

        staff.failed_logins, staff.locked_until = 0, None
        clear_failures(staff.username)
        flash(f"已解锁 {staff.username}", "success")
    elif op == "toggle":
        if staff.id == current_staff().id:
            abort(400)
        staff.active = not staff.active
        flash(f"已{'启用' if staff.active else '停用'} {staff.username}", "success")
    else:
        abort(400)
    db.session.commit()
    return redirect(url_for("admin.staff_list"))
