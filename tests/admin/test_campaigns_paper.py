"""Paper questionnaires (seed §七(2) 定期发放调查问卷，24小时之内收回, for everyone, not only
WeChat users): a printed form for each tenant of the scope WeChat cannot reach, and the
desk's entry of the answers handed in, counted with the WeChat answers."""
from __future__ import annotations

import re
from datetime import timedelta

import sqlalchemy as sa

from models import CampaignAnswer, CampaignRecipient, Tenant, Unit, utcnow
from tests.admin.test_campaigns import buildings
from workflow.campaigns import campaign_results, create_campaign, send_campaign
from workflow.machine import clock_at

QUESTIONS = [{"text": "您对本月的保洁服务是否满意？", "kind": "choice", "options": ["满意", "一般", "不满意"]},
             {"text": "您还有什么建议？", "kind": "text", "required": False}]


def sent_to_building_a(team, session):
    tenants = buildings(team, session)
    campaign = create_campaign(session, team.site, team.desk, title="A栋满意度", questions=QUESTIONS)
    send_campaign(session, campaign, team.desk, buildings=["A"])
    session.commit()
    return campaign, tenants


def test_a_printed_form_for_each_tenant_without_wechat_7_2(team, console, session):
    """§七(2): the tenant of record in building A without WeChat gets a printed form; B's do not."""
    campaign, tenants = sent_to_building_a(team, session)
    console.login("desk")
    html = console.get(f"/admin/campaigns/{campaign.id}/print").get_data(as_text=True)
    sheets = re.findall(r'<article class="form-sheet questionnaire-sheet" data-tenant="(\d*)">', html)
    assert sheets == [str(tenants["paper"].id)]
    assert '<td class="unit">A-102</td>' in html and '<td class="name">孙丽</td>' in html
    assert "您对本月的保洁服务是否满意？（单选）" in html and html.count('<span class="box"></span>') == 3
    assert "交回服务中心前台" in html and "打印纸质问卷（1份）" in html
    blank = console.get(f"/admin/campaigns/{campaign.id}/print?blank=1").get_data(as_text=True)
    assert re.findall(r'questionnaire-sheet" data-tenant="(\d*)"', blank) == [""]
    assert '<td class="unit"></td>' in blank


def test_the_desk_enters_a_paper_form_with_each_field_checked_7_2(team, console, session):
    campaign, tenants = sent_to_building_a(team, session)
    first, second = campaign.questions
    url = f"/admin/campaigns/{campaign.id}/paper"
    console.login("desk")
    page = console.get(url).get_data(as_text=True)
    assert "待交回的纸质问卷（1）" in page and "孙丽" in page
    answers = {f"q{first.id}": "不满意", f"q{second.id}": "垃圾桶太少"}
    no_unit = console.post(url, {"unit": "", **answers})
    assert no_unit.status_code == 400 and "请填写物业编号" in no_unit.get_data(as_text=True)
    two = console.post(url, {"unit": "A-102", **answers})
    assert two.status_code == 400 and "单元A-102有多位租户，请填写租户姓名" in two.get_data(as_text=True)
    unanswered = console.post(url, {"unit": "A-102", "name": "孙丽", f"q{second.id}": "垃圾桶太少"})
    html = unanswered.get_data(as_text=True)
    assert unanswered.status_code == 400 and "请回答第1题" in html and "垃圾桶太少</textarea>" in html
    assert session.scalar(sa.select(sa.func.count(CampaignAnswer.id))) == 0

    saved = console.post(url, {"unit": "A-102", "name": "孙丽", **answers})
    assert saved.status_code == 302
    recipient = session.scalar(sa.select(CampaignRecipient).where(CampaignRecipient.tenant_id == tenants["paper"].id))
    assert recipient.delivery == "paper" and recipient.answered_at is not None
    again = console.post(url, {"unit": "A-102", "name": "孙丽", **answers})
    assert again.status_code == 400 and "孙丽已提交过这份问卷" in again.get_data(as_text=True)
    # a tenant sent the WeChat link who answered on paper instead
    assert console.post(url, {"unit": "A-101", f"q{first.id}": "满意"}).status_code == 302
    session.expire_all()
    results = campaign_results(session, campaign)  # no worker ran: 赵磊's WeChat invitation is still pending
    assert (results["recipients"], results["delivered"], results["paper"], results["responded"]) == (3, 2, 2, 2)
    assert results["questions"][0]["counts"] == {"满意": 1, "一般": 0, "不满意": 1}
    assert results["questions"][1]["texts"] == ["垃圾桶太少"]
    assert "待交回的纸质问卷（0）" in console.get(url).get_data(as_text=True)

    with clock_at(utcnow() + timedelta(hours=25)):
        late = console.post(url, {"unit": "A-102", "name": "赵磊", **answers})
    assert late.status_code == 400 and "问卷已结束收集，不能再录入答卷" in late.get_data(as_text=True)


def test_printing_for_many_tenants_takes_no_query_per_tenant(team, console, session, statements):
    """A building's tenants without WeChat can be hundreds: the print and entry pages read
    them, with their units, in a fixed number of queries."""
    campaign, _ = sent_to_building_a(team, session)
    codes = iter(range(1, 100))

    def page_statements(tenants: int, path: str) -> int:
        units = [Unit(site_id=team.site.id, code=f"A-9{next(codes):02d}", building="A") for _ in range(tenants)]
        session.add_all(Tenant(site_id=team.site.id, name="租户", unit=unit) for unit in units)
        session.commit()
        session.expunge_all()
        statements.clear()
        assert console.get(path).status_code == 200
        return len(statements)

    console.login("desk")
    for path in (f"/admin/campaigns/{campaign.id}/print", f"/admin/campaigns/{campaign.id}/paper"):
        few, many = page_statements(1, path), page_statements(8, path)
        assert many == few, f"{path}: {few} statements, then {many} with eight more tenants"
