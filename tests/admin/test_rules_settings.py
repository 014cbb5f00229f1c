"""Keyword rules (with the test box and the accuracy on corrections), the phrasebook per
site, the site's name and phone numbers, and staff accounts."""
from __future__ import annotations

import re

import sqlalchemy as sa

from models import KeywordRule, Role, Site, Staff, Status


def test_rule_editor_changes_classification(team, console, session):
    console.login("admin")
    before = console.get("/admin/rules?kind=code&target=ENG-ELEC&test=光伏板不发电了").get_data(as_text=True)
    assert 'id="test-result"' in before and "系统默认关键词" in before
    added = console.post("/admin/rules?kind=code&target=ENG-ELEC", {"keyword": "光伏板", "weight": "5"})
    assert added.status_code == 302
    rule = session.scalar(sa.select(KeywordRule))
    assert (rule.kind, rule.keyword, rule.target, rule.weight, rule.updated_by_id) == (
        "code", "光伏板", "ENG-ELEC", 5.0, team.admin.id)
    after = console.get("/admin/rules?kind=code&target=ENG-ELEC&test=光伏板不发电了").get_data(as_text=True)
    assert "ENG-ELEC 供电照明</dd>" in after and '<span class="kw">光伏板</span>' in after
    assert console.post(f"/admin/rules/{rule.id}", {"op": "toggle"}).status_code == 302
    session.expire_all()
    assert session.get(KeywordRule, rule.id).active is False
    assert console.post(f"/admin/rules/{rule.id}", {"op": "delete"}).status_code == 302
    assert session.scalar(sa.select(sa.func.count(KeywordRule.id))) == 0
    bad = console.post("/admin/rules?kind=code&target=ENG-ELEC", {"keyword": "光伏", "weight": "lots"})
    assert bad.status_code == 400 and 'id="rule-weight"' in bad.get_data(as_text=True)
    assert console.get("/admin/rules?kind=code&target=NOPE").status_code == 404


def test_accuracy_on_staff_corrections(team, console, session):
    ticket = team.ticket(Status.NEW, content="插座没电了")
    session.commit()
    console.login("desk")
    console.post(f"/admin/tickets/{ticket.id}/actions/reclassify", {"code": "ENG-ELEC"})
    console.login("admin")
    html = console.get("/admin/rules").get_data(as_text=True)
    assert "最近 1 条重新分类记录" in html and 'id="accuracy"' in html


def test_phrasebook_per_site_feeds_the_intake_script(team, console, session):
    console.login("admin")
    page = console.get("/admin/settings/phrases").get_data(as_text=True)
    assert "问候（来电、首次关注）" in page and 'name="phrase_greeting"' in page
    bad = console.post("/admin/settings/phrases", {"site": "lehui", "phrase_greeting": "您好，{centre。"})
    assert bad.status_code == 400 and 'name="phrase_greeting" aria-label' in bad.get_data(as_text=True)
    ok = console.post("/admin/settings/phrases", {"site": "lehui", "phrase_greeting": "上午好，{centre}为您服务。"})
    assert ok.status_code == 302
    session.expire_all()
    assert session.get(Site, team.site.id).settings["phrases"] == {"greeting": "上午好，{centre}为您服务。"}
    console.login("desk")
    assert "上午好，乐汇城物业服务中心为您服务。" in console.get("/admin/intake/phone").get_data(as_text=True)


def test_site_name_and_phone_numbers(team, console, session):
    console.login("admin")
    dept = team.engineer.department
    response = console.post("/admin/settings/site", {"site": "lehui", "name": "乐汇城服务中心", "phone": "0571-1234",
                                                     "referral_phone": "12345", f"dept_{dept.id}": "0571-5555"})
    assert response.status_code == 302
    session.expire_all()
    site = session.get(Site, team.site.id)
    assert (site.name, site.phone, site.settings["referral_phone"]) == ("乐汇城服务中心", "0571-1234", "12345")
    assert session.get(type(dept), dept.id).phone == "0571-5555"
    empty = console.post("/admin/settings/site", {"site": "lehui", "name": ""})
    assert empty.status_code == 400 and 'id="site-name"' in empty.get_data(as_text=True)


def test_staff_accounts(team, console, session):
    console.login("admin")
    response = console.post("/admin/settings/staff", {"username": "xiaoli", "display_name": "小李", "role": "desk",
                                                      "password": "long-enough", "sites": "lehui"})
    assert response.status_code == 302
    staff = session.scalar(sa.select(Staff).where(Staff.username == "xiaoli"))
    assert staff.role == Role.DESK and [s.slug for s in staff.sites] == ["lehui"] and staff.check_password("long-enough")
    short = console.post("/admin/settings/staff", {"username": "xiaowang", "role": "desk", "password": "short"})
    assert short.status_code == 400 and 'id="staff-password"' in short.get_data(as_text=True)
    assert console.post(f"/admin/settings/staff/{staff.id}", {"op": "toggle"}).status_code == 302
    session.expire_all()
    assert session.get(Staff, staff.id).active is False


def test_undispatched_waits_per_site_named_when_wrong(team, console, session):
    """§五(1): the admin sets how long 待派单 waits before the desk, then a supervisor, is told;
    a wrong value names its field and saves nothing."""
    console.login("admin")
    form = {"site": "lehui", "name": "乐汇城物业服务中心"}
    ok = console.post("/admin/settings/site", {**form, "undispatched_desk_minutes": "15",
                                               "undispatched_supervisor_minutes": "60"})
    assert ok.status_code == 302
    session.expire_all()
    settings = session.get(Site, team.site.id).settings
    assert (settings["undispatched_desk_minutes"], settings["undispatched_supervisor_minutes"]) == (15, 60)
    for bad, field in (({"undispatched_desk_minutes": "abc"}, "undispatched_desk_minutes"),
                       ({"undispatched_desk_minutes": "90", "undispatched_supervisor_minutes": "60"},
                        "undispatched_supervisor_minutes")):
        refused = console.post("/admin/settings/site", {**form, **bad})
        assert refused.status_code == 400
        assert re.search(f'id="site-{field}"[^>]*aria-invalid="true"', refused.get_data(as_text=True)), field
    session.expire_all()
    assert session.get(Site, team.site.id).settings["undispatched_desk_minutes"] == 15
    cleared = console.post("/admin/settings/site", form)
    assert cleared.status_code == 302
    session.expire_all()
    assert "undispatched_desk_minutes" not in session.get(Site, team.site.id).settings
