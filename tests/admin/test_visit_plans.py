"""走访 at /admin/visit-plans (seed §七(1) 定期或不定期地走访客户): a month's regular visits to
one building, an occasional visit with its date and purpose, each assigned, the result
recorded; bad input refused with the field named."""
from __future__ import annotations

import itertools
import re
from datetime import timedelta

import sqlalchemy as sa

from models import FollowUp, Role, Status, VisitPlanItem
from models.localtime import day_end, day_start, today
from tests.admin.test_campaigns import buildings


def marked(html: str, element_id: str) -> bool:
    """The form control with this id is marked invalid."""
    return re.search(rf'id="{element_id}"[^>]*class="invalid" aria-invalid="true"', html) is not None


def this_month() -> str:
    return today().strftime("%Y-%m")


def test_regular_visits_for_one_building_this_month_7_1(team, console, session):
    """§七(1) 定期走访: every tenant of building A (with WeChat or not), due by the month's end."""
    tenants = buildings(team, session)
    console.login("supervisor")
    page = console.get("/admin/visit-plans").get_data(as_text=True)
    assert "本月还没有走访计划" in page and f'value="{this_month()}"' in page
    form = {"site": "lehui", "month": this_month(), "audience": "building", "assignee": str(team.desk.id)}
    no_building = console.post("/admin/visit-plans", {**form, "building": ""})
    assert no_building.status_code == 400 and "请选择楼栋" in no_building.get_data(as_text=True)
    engineer = console.post("/admin/visit-plans", {**form, "building": "A", "assignee": str(team.engineer.id)})
    assert engineer.status_code == 400 and marked(engineer.get_data(as_text=True), "regular-assignee")
    no_month = console.post("/admin/visit-plans", {**form, "building": "A", "month": "下个月"})
    assert no_month.status_code == 400 and "请选择月份" in no_month.get_data(as_text=True)
    last_month = (today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    past = console.post("/admin/visit-plans", {**form, "building": "A", "month": last_month})
    assert past.status_code == 400 and "不能为已过去的月份制定走访计划" in past.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count(FollowUp.id))) == 0

    planned = console.post("/admin/visit-plans", {**form, "building": "A"})
    assert planned.status_code == 302
    items = session.scalars(sa.select(VisitPlanItem).order_by(VisitPlanItem.id)).all()
    assert {i.tenant_id for i in items} == {tenants["a1"].id, tenants["a2"].id, tenants["paper"].id}
    first = today().replace(day=1)
    month_end = day_start((first + timedelta(days=32)).replace(day=1))
    assert {(i.follow_up.kind, i.follow_up.due_at, i.assignee_id) for i in items} == {
        ("periodic", month_end, team.desk.id)}
    again = console.post("/admin/visit-plans", {**form, "building": "A"}, follow_redirects=True)
    assert "这些租户本月已在走访计划中" in again.get_data(as_text=True)
    html = console.get(f"/admin/visit-plans?month={this_month()}").get_data(as_text=True)
    assert 'id="count-planned">3<' in html and html.count("定期走访</strong>") == 3 and "钱多" not in html
    last_day = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    assert html.count(f'<span class="due-day">{last_day.isoformat()}</span>') == 3


def test_an_occasional_visit_is_planned_then_recorded_7_1(team, console, session):
    """§七(1) 不定期走访: one tenant, a date and a purpose; the result recorded on the page."""
    buildings(team, session)
    console.login("desk")
    due = today() + timedelta(days=3)
    form = {"site": "lehui", "unit": "A-102", "due_on": due.isoformat(), "purpose": "多次反映空调噪音，上门了解情况"}
    two_tenants = console.post("/admin/visit-plans/occasional", form)
    assert two_tenants.status_code == 400
    assert marked(two_tenants.get_data(as_text=True), "occasional-name")
    assert "单元A-102有多位租户，请填写租户姓名" in two_tenants.get_data(as_text=True)
    unknown = console.post("/admin/visit-plans/occasional", {**form, "unit": "Z-9"})
    assert unknown.status_code == 400 and "没有这个单元：Z-9" in unknown.get_data(as_text=True)
    past = console.post("/admin/visit-plans/occasional", {**form, "name": "孙丽",
                                                          "due_on": (today() - timedelta(days=1)).isoformat()})
    assert past.status_code == 400 and "应走访日期不能早于今天" in past.get_data(as_text=True)
    no_purpose = console.post("/admin/visit-plans/occasional", {**form, "name": "孙丽", "purpose": ""})
    assert no_purpose.status_code == 400 and "请填写走访事由" in no_purpose.get_data(as_text=True)
    bad_date = console.post("/admin/visit-plans/occasional", {**form, "name": "孙丽", "due_on": "3月5日"})
    assert bad_date.status_code == 400 and "应走访日期格式不正确" in bad_date.get_data(as_text=True)

    ok = console.post("/admin/visit-plans/occasional", {**form, "name": "孙丽", "assignee": str(team.desk.id)})
    assert ok.status_code == 302 and f"month={due:%Y-%m}" in ok.headers["Location"]
    item = session.scalar(sa.select(VisitPlanItem))
    visit = item.follow_up
    assert (visit.kind, visit.due_at, item.tenant.name, item.purpose, item.assignee_id) == (
        "occasional", day_end(due), "孙丽", "多次反映空调噪音，上门了解情况", team.desk.id)

    url = f"/admin/visit-plans/visits/{visit.id}"
    no_result = console.post(url, {"method": "visit", "result": "", "month": f"{due:%Y-%m}"})
    assert no_result.status_code == 400 and f'id="visit-{visit.id}-result"' in no_result.get_data(as_text=True)
    done = console.post(url, {"method": "visit", "result": "噪音来自外机支架松动，已报工程部", "month": f"{due:%Y-%m}"})
    assert done.status_code == 302
    session.expire_all()
    visit = session.get(FollowUp, visit.id)
    assert visit.done_at and visit.method == "visit" and visit.done_by_id == team.desk.id
    html = console.get(f"/admin/visit-plans?month={due:%Y-%m}").get_data(as_text=True)
    assert "噪音来自外机支架松动，已报工程部" in html and 'id="count-done">1<' in html
    twice = console.post(url, {"method": "visit", "result": "再记一次"})
    assert twice.status_code == 400 and "该回访已记录" in twice.get_data(as_text=True)


def test_a_ticket_return_visit_is_not_recorded_here(team, console, session, make):
    ticket = team.ticket(Status.COMPLETED, urgent=True, code="ENG-PLUMB")
    session.commit()
    visit = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id))
    console.login("desk")
    assert console.post(f"/admin/visit-plans/visits/{visit.id}", {"method": "phone", "result": "好"}).status_code == 404
    make.site("gongshe", "园区共舍物业服务中心", "GS")
    session.commit()
    assert console.get("/admin/visit-plans?site=gongshe").status_code == 403


def test_a_visit_is_reassigned_until_it_is_made_7_1(team, console, session):
    """§七(1): who makes a visit can change until its result is recorded; the due list of
    回访 points to the 走访 page for it."""
    from workflow.visit_plans import plan_occasional_visit

    tenants = buildings(team, session)
    item = plan_occasional_visit(session, team.site, team.supervisor, tenant=tenants["a1"], due_on=today(),
                                 purpose="了解装修进度", assignee=team.desk)
    session.commit()
    console.login("supervisor")
    url = f"/admin/visit-plans/items/{item.id}/assignee"
    engineer = console.post(url, {"assignee": str(team.engineer.id)})
    assert engineer.status_code == 400 and marked(engineer.get_data(as_text=True), f"assign-{item.id}-assignee")
    assert console.post(url, {"assignee": str(team.supervisor.id), "month": this_month()}).status_code == 302
    session.expire_all()
    assert session.get(VisitPlanItem, item.id).assignee_id == team.supervisor.id
    due_list = console.get("/admin/visits").get_data(as_text=True)
    assert "不定期走访</strong>" in due_list and "租户、事由和走访人员见「走访」" in due_list
    assert console.post(f"/admin/visit-plans/visits/{item.follow_up_id}",
                        {"method": "phone", "result": "装修下周完工"}).status_code == 302
    done = console.post(url, {"assignee": str(team.desk.id)})
    assert done.status_code == 400 and "该走访已记录结果，不能改派" in done.get_data(as_text=True)
    assert console.post("/admin/visit-plans/items/999999/assignee", {"assignee": ""}).status_code == 404


def test_the_page_reads_a_months_visits_in_a_fixed_number_of_queries(team, console, session, make, statements):
    """A whole site's monthly round lists hundreds of visits: no query per visit (no N+1)."""
    from models import Tenant, Unit
    from workflow.visit_plans import create_visit_plan

    codes = itertools.count(1)

    def page_statements(tenants: int) -> int:
        made = [Tenant(site_id=team.site.id, name="租户", unit=Unit(site_id=team.site.id, code=f"C-{next(codes)}"))
                for _ in range(tenants)]
        session.add_all(made)
        session.flush()
        create_visit_plan(session, team.site, team.supervisor, year=today().year, month=today().month,
                          tenant_ids=[t.id for t in made], assignee=make.staff(Role.DESK, "客服部"))
        session.commit()
        session.expunge_all()  # as in a fresh request
        statements.clear()
        html = console.get("/admin/visit-plans").get_data(as_text=True)
        assert html.count("定期走访</strong>") == len(session.scalars(sa.select(VisitPlanItem)).all())
        return len(statements)

    console.login("desk")
    few = page_statements(1)
    many = page_statements(8)
    assert many == few, f"{few} statements for one visit, {many} for nine"


def test_the_plan_form_posted_twice_at_once_plans_each_visit_once_7_1(team, session):
    """The second of two simultaneous posts read the plan before the first committed: it
    reads it again once it holds the plan, and adds nobody twice."""
    import sqlalchemy.orm as so

    from models import Site, Staff, VisitPlan, db
    from workflow.visit_plans import create_visit_plan

    tenants = buildings(team, session)
    ids = [tenants["a1"].id, tenants["a2"].id]
    month = {"year": today().year, "month": today().month}
    create_visit_plan(session, team.site, team.desk, tenant_ids=ids[:1], **month)
    session.commit()
    plan = session.scalar(sa.select(VisitPlan))
    assert [i.tenant_id for i in plan.items] == ids[:1]  # what the second post read
    with so.Session(db.engine) as other:  # the first post, committed meanwhile
        create_visit_plan(other, other.get(Site, team.site.id), other.get(Staff, team.desk.id), tenant_ids=ids,
                          **month)
        other.commit()
    create_visit_plan(session, team.site, team.desk, tenant_ids=ids, **month)
    session.commit()
    planned = session.scalars(sa.select(VisitPlanItem.tenant_id).order_by(VisitPlanItem.tenant_id)).all()
    assert planned == sorted(ids)


def test_two_posts_making_the_months_first_plan_at_once_share_it_7_1(team, session):
    """Both posts read "no plan yet"; the other one's plan is committed before this one
    writes: this post adds its visits to that plan instead of failing on the constraint."""
    from models import VisitPlan, db, utcnow
    from workflow.visit_plans import create_visit_plan

    tenants = buildings(team, session)
    first = today().replace(day=1)
    made_meanwhile = []

    def other_post_commits(conn, cursor, statement, *args):
        if not made_meanwhile and statement.lstrip().upper().startswith("SELECT") and "FROM visit_plans" in statement:
            with db.engine.begin() as other:
                made_meanwhile.append(other.execute(sa.insert(VisitPlan.__table__).values(
                    site_id=team.site.id, month=first, created_at=utcnow())).inserted_primary_key[0])

    sa.event.listen(db.engine, "after_cursor_execute", other_post_commits)
    try:
        plan = create_visit_plan(session, team.site, team.desk, year=first.year, month=first.month,
                                 tenant_ids=[tenants["a1"].id])
        session.commit()
    finally:
        sa.event.remove(db.engine, "after_cursor_execute", other_post_commits)
    assert made_meanwhile == [plan.id]
    assert session.scalar(sa.select(sa.func.count(VisitPlan.id))) == 1
    assert [i.tenant_id for i in plan.items] == [tenants["a1"].id]
