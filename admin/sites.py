"""Setting up centres in the console, as `create-site` does: the sites (name, ticket prefix,
kind, phone, address; no WeChat secrets here), the departments and staff accounts. Admins
only."""
from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for

from admin import bp, forms
from admin.access import ADMIN_ONLY, current_staff, require
from admin.forms import FormState
from models import Department, Role, Site, Staff, Tenant, Unit, db
from models.people import SITE_KINDS
from workflow.accounts import save_staff
from workflow.errors import ValidationError
from workflow.sites import ensure_departments, save_department, save_site

SITE_FIELDS = ("name", "prefix", "kind", "phone", "address", "city")


def _site_values() -> dict:
    return {name: forms.text(name, 200) for name in SITE_FIELDS}


def _counts(model, column) -> dict[int, int]:
    return dict(db.session.execute(sa.select(column, sa.func.count()).select_from(model).group_by(column)).all())


@bp.route("/sites", methods=["GET", "POST"])
@require(ADMIN_ONLY)
def sites():
    state, status = FormState(), 200
    if request.method == "POST":
        with forms.Submission("site") as sent:
            site, _ = save_site(db.session, forms.text("slug", 40), **_site_values())
            added = ensure_departments(db.session)
        if sent.refused:
            state, status = sent.refused, 400
        else:
            flash(f"已创建服务中心 {site.name}，微信服务器地址为 /wechat/{site.slug}"
                  + (f"，新增部门 {added} 个" if added else ""), "success")
            return redirect(url_for("admin.sites"))
    rows = db.session.scalars(sa.select(Site).order_by(Site.id)).all()
    records = Tenant.openid.is_(None)
    return render_template(
        "admin/sites.html", rows=rows, kinds=SITE_KINDS, state=state,
        units=_counts(Unit, Unit.site_id),
        records=dict(db.session.execute(sa.select(Tenant.site_id, sa.func.count()).where(records)
                                        .group_by(Tenant.site_id)).all()),
        followers=dict(db.session.execute(sa.select(Tenant.site_id, sa.func.count()).where(~records)
                                          .group_by(Tenant.site_id)).all()),
    ), status


@bp.route("/sites/<slug>", methods=["GET", "POST"])
@require(ADMIN_ONLY)
def site_edit(slug: str):
    site = db.session.scalar(sa.select(Site).where(Site.slug == slug))
    if site is None:
        abort(404)
    state, status = FormState(), 200
    if request.method == "POST":
        with forms.Submission("site") as sent:
            save_site(db.session, site.slug, **_site_values())
        if sent.refused:
            state, status = sent.refused, 400
        else:
            flash(f"已保存服务中心 {site.name}", "success")
            return redirect(url_for("admin.sites"))
    return render_template("admin/site_edit.html", site=site, kinds=SITE_KINDS, state=state), status


@bp.route("/settings/departments", methods=["GET", "POST"])
@require(ADMIN_ONLY)
def departments():
    state, status = FormState(), 200
    if request.method == "POST":
        with forms.Submission("department") as sent:
            department = save_department(db.session, None, name=forms.text("name", 40),
                                         phone=forms.text("phone", 40))
        if sent.refused:
            state, status = sent.refused, 400
        else:
            flash(f"已添加部门 {department.name}", "success")
            return redirect(url_for("admin.departments"))
    return _departments_page(state, status)


@bp.post("/settings/departments/<int:department_id>")
@require(ADMIN_ONLY)
def department_edit(department_id: int):
    department = db.session.get(Department, department_id)
    if department is None:
        abort(404)
    with forms.Submission(f"department-{department_id}") as sent:
        save_department(db.session, department, name=forms.text("name", 40), phone=forms.text("phone", 40))
    if sent.refused:
        return _departments_page(sent.refused, 400)
    flash(f"已保存部门 {department.name}", "success")
    return redirect(url_for("admin.departments"))


def _departments_page(state: FormState, status: int):
    rows = db.session.scalars(sa.select(Department).order_by(Department.id)).all()
    return render_template("admin/departments.html", rows=rows, people=_counts(Staff, Staff.department_id),
                           state=state), status


@bp.route("/settings/staff/<int:staff_id>/edit", methods=["GET", "POST"])
@require(ADMIN_ONLY)
def staff_edit(staff_id: int):
    staff = db.session.get(Staff, staff_id)
    if staff is None:
        abort(404)
    state, status = FormState(), 200
    if request.method == "POST":
        with forms.Submission("staff", secret=("password",)) as sent:
            if staff.id == current_staff().id and forms.text("role", 20) != Role.ADMIN.value:
                raise ValidationError("不能取消自己的管理员岗位", field="role")
            save_staff(db.session, staff, role=forms.text("role", 20), display_name=forms.text("display_name", 40),
                       phone=forms.text("phone", 20), department=forms.text("department", 40),
                       site_slugs=request.form.getlist("sites"), password=request.form.get("password") or None)
        if sent.refused:
            state, status = sent.refused, 400
        else:
            flash(f"已保存账号 {staff.username}", "success")
            return redirect(url_for("admin.staff_list"))
    return render_template("admin/staff_edit.html", person=staff, roles=list(Role), state=state,
                           sites=db.session.scalars(sa.select(Site).order_by(Site.id)).all(),
                           departments=db.session.scalars(sa.select(Department).order_by(Department.id)).all(),
                           ), status
