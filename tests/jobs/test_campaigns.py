"""Questionnaires sent to tenants through WeChat and answered on the mobile page for 24 h;
monthly visit plans recorded like return visits."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from jobs.periodic import run_periodic
from models import CampaignRecipient, FollowUp, Role, Tenant, Unit, utcnow
from tests.conftest import wrote
from tests.jobs.conftest import PUBLIC, texts_to, work
from tests.jobs.test_surveys import scan
from workflow import PermissionDenied, ValidationError
from workflow.campaigns import answer_campaign, campaign_results, create_campaign, send_campaign
from workflow.followups import due_visits, record_visit
from workflow.machine import clock_at
from workflow.survey_links import load_questionnaire_token
from workflow.visit_plans import create_visit_plan, visit_plan, visit_plan_progress

LINK = re.compile(re.escape(PUBLIC) + r"(/survey/q/[A-Za-z0-9_.\-]+)")
QUESTIONS = [
    {"text": "您对本月的保洁服务是否满意？", "kind": "choice", "options": ["满意", "一般", "不满意"]},
    {"text": "您还有什么建议？", "kind": "text", "required": False},
]


@pytest.fixture
def tenants(desk, session):
    office = Unit(site_id=desk.site.id, code="A-1201", kind="office")
    session.add(office)
    session.flush()
    made = {
        "liu": Tenant(site_id=desk.site.id, openid="o-liu", name="刘芳", unit_id=office.id),
        "zhao": Tenant(site_id=desk.site.id, openid="o-zhao", name="赵磊"),  # outside the 48 h window
        "phone_only": Tenant(site_id=desk.site.id, name="孙丽", phone="13600002222"),
        "gone": Tenant(site_id=desk.site.id, openid="o-gone", name="钱多", subscribed=False),
    }
    session.add_all(made.values())
    session.flush()
    wrote(session, made["liu"], utcnow())  # inside the 48 h window
    return made


def test_questionnaire_from_compose_to_results(app, desk, session, tenants, fake_wechat, client):
    campaign = create_campaign(session, desk.site, desk.desk, title="保洁服务满意度调查", intro="只需一分钟",
                               questions=QUESTIONS)
    assert send_campaign(session, campaign, desk.desk) == 3  # wang, liu, zhao: followers only
    session.commit()
    work(app)
    assert campaign.status == "open" and campaign.closes_at == campaign.sent_at + timedelta(hours=24)
    links = {}
    for openid, endpoint in (("o-tenant-1", "custom"), ("o-liu", "custom"), ("o-zhao", "template")):
        (text,) = texts_to(fake_wechat, openid, endpoint)
        assert text.startswith("乐汇城物业服务中心诚邀您参加问卷调查「保洁服务满意度调查」，只需一两分钟：")
        links[openid] = LINK.search(text).group(1)
    (template,) = fake_wechat.sent("template")
    assert template["json"]["url"] == PUBLIC + links["o-zhao"]  # tapping the notice opens the page
    assert {r.delivery for r in session.scalars(sa.select(CampaignRecipient))} == {"sent"}

    # 刘芳 answers on the page
    page = client.get(links["o-liu"])
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "保洁服务满意度调查" in html and "您还有什么建议？" in html
    parsed = scan(html)
    assert parsed.inline_scripts == 0 and parsed.handlers == []
    first, second = campaign.questions
    missing = client.post(links["o-liu"], data={"csrf_token": parsed.csrf})
    assert missing.status_code == 400 and "请回答第1题" in missing.get_data(as_text=True)
    done = client.post(links["o-liu"], data={"csrf_token": parsed.csrf, f"q{first.id}": "一般",
                                             f"q{second.id}": "楼道早上可以再拖一次"})
    assert done.status_code == 303
    assert "问卷已提交" in client.get(links["o-liu"]).get_data(as_text=True)
    # 王建国 answers too (through the same function the page uses)
    wang = session.get(CampaignRecipient, load_questionnaire_token(links["o-tenant-1"].rsplit("/", 1)[1]))
    answer_campaign(session, wang, {first.id: "满意"})
    session.commit()
    with pytest.raises(ValidationError, match="已提交过"):
        answer_campaign(session, wang, {first.id: "不满意"})
    session.rollback()

    with clock_at(utcnow() + timedelta(hours=24, minutes=1)):
        app.queues["default"].enqueue(run_periodic, "close_campaigns")
        work(app)
        late = client.get(links["o-zhao"])
    assert late.status_code == 410 and "已结束收集" in late.get_data(as_text=True)
    session.expire_all()
    assert campaign.status == "closed"
    results = campaign_results(session, campaign)
    assert (results["recipients"], results["delivered"], results["responded"]) == (3, 3, 2)
    assert results["response_rate"] == 0.667
    q1, q2 = results["questions"]
    assert q1["counts"] == {"满意": 1, "一般": 1, "不满意": 0} and q1["answered"] == 2
    assert q2["texts"] == ["楼道早上可以再拖一次"]


def test_a_filtered_group_and_refusals(app, desk, session, tenants):
    campaign = create_campaign(session, desk.site, desk.desk, title="写字楼租户回访", questions=QUESTIONS[:1])
    assert send_campaign(session, campaign, desk.desk, unit_kinds=["office"]) == 1
    assert [r.tenant_id for r in campaign_recipients(session, campaign)] == [tenants["liu"].id]
    assert campaign.audience == {"unit_kinds": ["office"]}
    with pytest.raises(ValidationError, match="已发送"):
        send_campaign(session, campaign, desk.desk)
    with pytest.raises(PermissionDenied):
        create_campaign(session, desk.site, desk.engineer, title="x", questions=QUESTIONS)
    with pytest.raises(ValidationError, match="至少需要两个选项"):
        create_campaign(session, desk.site, desk.desk, title="x", questions=[{"text": "?", "kind": "choice",
                                                                              "options": ["好"]}])
    with pytest.raises(ValidationError, match="请至少添加一个问题"):
        create_campaign(session, desk.site, desk.desk, title="x", questions=[])


def campaign_recipients(session, campaign):
    return session.scalars(sa.select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id)).all()


def at_local(year, month, day, hour=0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC).replace(tzinfo=None)


def test_monthly_visit_plan_is_recorded_like_return_visits(app, desk, session, tenants, make, fake_wechat):
    visitor = make.staff(Role.DESK, "客服部")
    visitor.openid = "o-staff-visitor"
    ids = [tenants["liu"].id, tenants["phone_only"].id]
    plan = create_visit_plan(session, desk.site, desk.desk, year=2024, month=7, tenant_ids=ids, assignee=visitor)
    create_visit_plan(session, desk.site, desk.desk, year=2024, month=7, tenant_ids=ids)  # again: nothing new
    session.commit()
    assert visit_plan(session, desk.site, 2024, 7) is plan
    visits = session.scalars(sa.select(FollowUp).where(FollowUp.kind == "periodic").order_by(FollowUp.id)).all()
    assert [(v.tenant_id, v.due_at) for v in visits] == [(i, at_local(2024, 8, 1)) for i in ids]
    assert set(session.scalars(due_visits(session, [desk.site.id], now=at_local(2024, 7, 31, 9)))) == set(visits)
    record_visit(session, visits[0], visitor, method="visit", result="租户对保洁满意，希望增加绿植")
    session.commit()
    assert visit_plan_progress(session, plan) == {"planned": 2, "done": 1}

    for _ in range(2):  # not done by the end of the month: the visitor is reminded once
        with clock_at(at_local(2024, 8, 1, 10)):
            app.queues["default"].enqueue(run_periodic, "alert_overdue_visits")
            work(app)
    assert texts_to(fake_wechat, visitor.openid, "template") == [
        "【走访逾期】本月对孙丽的走访尚未完成（应于8月1日（今天）00:00前完成）。"]
    with pytest.raises(ValidationError, match="不属于本服务中心"):
        create_visit_plan(session, desk.site, desk.desk, year=2024, month=8, tenant_ids=[999999])


def test_a_questionnaire_is_collected_within_24_hours_7_2(app, desk, session, tenants):
    """§七(2) 定期发放调查问卷，24小时之内收回: a longer window is refused (it used to accept up
    to 7 days) and nothing is sent; a shorter one is still within the 24 hours."""
    campaign = create_campaign(session, desk.site, desk.desk, title="保洁满意度", questions=QUESTIONS[:1])
    with pytest.raises(ValidationError, match="24小时之内收回") as refused:
        send_campaign(session, campaign, desk.desk, hours=48)
    assert refused.value.field == "hours" and campaign.status == "draft" and campaign_recipients(session, campaign) == []
    assert send_campaign(session, campaign, desk.desk, hours=4) == 3
    assert campaign.closes_at - campaign.sent_at == timedelta(hours=4)
