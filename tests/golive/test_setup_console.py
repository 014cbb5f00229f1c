"""The console's set-up pages do what create-site and create-staff do: sites (no secrets
shown), departments, staff accounts; bad input is a 400 naming the field."""
from __future__ import annotations

import sqlalchemy as sa

from models import Department, Role, Site, Staff


def test_an_admin_creates_and_edits_a_site(team, console, session):
    console.login("admin")
    response = console.post("/admin/sites", {"slug": "xinyuan", "name": "新源广场物业服务中心", "prefix": "xy",
                                             "kind": "residential", "phone": "0571-86001234"})
    assert response.status_code == 302
    listing = console.get("/admin/sites").get_data(as_text=True)
    assert "新源广场物业服务中心" in listing and "/wechat/xinyuan" in listing and "住宅" in listing
    site = session.scalar(sa.select(Site).where(Site.slug == "xinyuan"))
    assert (site.ticket_prefix, site.kind, site.phone) == ("XY", "residential", "0571-86001234")
    response = console.post("/admin/sites/xinyuan", {"name": "新源花园物业服务中心", "prefix": "XY", "kind": "mall",
                                                     "phone": "", "address": "新源路1号", "city": "杭州"})
    assert response.status_code == 302
    session.expire_all()
    site = session.get(Site, site.id)
    assert (site.name, site.kind, site.phone, site.address, site.city) == (
        "新源花园物业服务中心", "mall", None, "新源路1号", "杭州")


def test_site_form_errors_name_the_field_and_change_nothing(team, console, session):
    team.site.set_wechat_credentials("test-secret", token="site-token-value", secret="site-secret-value")
    session.commit()
    console.login("admin")
    clash = console.post("/admin/sites", {"slug": "xinyuan", "name": "新源", "prefix": "LH", "kind": "mall"})
    page = clash.get_data(as_text=True)
    assert clash.status_code == 400 and "工单号前缀 LH 已被服务中心 lehui 使用" in page
    assert 'id="site-prefix" type="text" name="prefix"\n       value="LH"' in page and 'aria-invalid="true"' in page
    assert session.scalar(sa.select(Site.id).where(Site.slug == "xinyuan")) is None
    bad = console.post("/admin/sites/lehui", {"name": "", "prefix": "LH", "kind": "mall"})
    assert bad.status_code == 400 and "请填写服务中心名称" in bad.get_data(as_text=True)
    session.expire_all()
    assert session.get(Site, team.site.id).name == "乐汇城物业服务中心"
    for path in ("/admin/sites", "/admin/sites/lehui"):
        html = console.get(path).get_data(as_text=True)
        assert "site-token-value" not in html and "site-secret-value" not in html
    assert console.get("/admin/sites/nowhere").status_code == 404


def test_an_admin_adds_and_renames_departments(team, console, session):
    console.login("admin")
    assert console.post("/admin/settings/departments", {"name": "绿化部", "phone": "0571-1234"}).status_code == 302
    green = session.scalar(sa.select(Department).where(Department.name == "绿化部"))
    assert green.phone == "0571-1234"
    twice = console.post("/admin/settings/departments", {"name": "绿化部"})
    assert twice.status_code == 400 and "部门「绿化部」已存在" in twice.get_data(as_text=True)
    clash = console.post(f"/admin/settings/departments/{green.id}", {"name": "工程部"})
    assert clash.status_code == 400 and "部门「工程部」已存在" in clash.get_data(as_text=True)
    assert console.post(f"/admin/settings/departments/{green.id}", {"name": "园林部", "phone": ""}).status_code == 302
    session.expire_all()
    assert (session.get(Department, green.id).name, session.get(Department, green.id).phone) == ("园林部", None)


def test_an_admin_changes_a_staff_members_role_sites_and_password(team, console, session, make):
    make.site("xinyuan", "新源广场物业服务中心", "XY")
    session.commit()
    console.login("admin")
    response = console.post(f"/admin/settings/staff/{team.desk.id}/edit", {
        "role": "supervisor", "display_name": "李主管", "department": "客服部", "sites": ["lehui", "xinyuan"],
        "password": "new-password-1"})
    assert response.status_code == 302
    session.expire_all()
    staff = session.get(Staff, team.desk.id)
    assert staff.role == Role.SUPERVISOR and staff.display_name == "李主管"
    assert {s.slug for s in staff.sites} == {"lehui", "xinyuan"} and staff.check_password("new-password-1")
    short = console.post(f"/admin/settings/staff/{team.desk.id}/edit", {"role": "desk", "password": "short"})
    assert short.status_code == 400 and "密码至少8位" in short.get_data(as_text=True)
    session.expire_all()
    assert session.get(Staff, team.desk.id).role == Role.SUPERVISOR
    self_demotion = console.post(f"/admin/settings/staff/{team.admin.id}/edit", {"role": "desk"})
    assert self_demotion.status_code == 400 and "不能取消自己的管理员岗位" in self_demotion.get_data(as_text=True)
