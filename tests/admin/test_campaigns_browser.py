"""问卷 in real Chromium, with the worker sending to the fake WeChat server (seed §七(2)
定期发放调查问卷，24小时之内收回): the desk composes a questionnaire, sends it to building A,
a tenant answers through the link WeChat delivered, and the results page counts it."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import tests.jobs.conftest as worker_side
from models import utcnow
from tests.admin.test_campaigns import buildings
from tests.conftest import wrote
from tests.jobs.conftest import PUBLIC, texts_to, work

pytestmark = pytest.mark.browser
app, instance = worker_side.app, worker_side.instance  # the app the worker sends with (to the fake WeChat)
LINK = re.compile(re.escape(PUBLIC) + r"(/survey/q/[A-Za-z0-9_.\-]+)")


def test_questionnaire_to_one_building_answered_by_a_tenant_7_2(team, open_page, live_server, session, app,
                                                                 fake_wechat, artifacts):
    tenants = buildings(team, session)
    wrote(session, tenants["a1"], utcnow())  # inside the 48-hour window: a customer-service message
    session.commit()
    desk = open_page("desk")
    desk.click("nav >> text=问卷")
    desk.fill("#campaign-title", "A栋保洁满意度调查")
    desk.fill("#campaign-intro", "只需一分钟，感谢您的支持！")
    desk.fill("#campaign-q1_text", "您对本月的保洁服务是否满意？")
    desk.fill("#campaign-q1_options", "满意\n一般\n不满意")
    desk.fill("#campaign-q2_text", "您还有什么建议？")
    desk.select_option("#campaign-q2_kind", "text")
    desk.locator("#slot-2 input[name=q2_required]").uncheck()
    desk.screenshot(path=str(artifacts / "campaign-compose.png"), full_page=True)
    desk.click("#save-campaign")
    expect(desk.locator(".flash")).to_contain_text("请选择发送范围")
    expect(desk.locator("#campaign-status")).to_have_text("草稿")

    desk.check("input[name=audience][value=building]")
    desk.select_option("select[name=building]", "A")
    desk.click("#send-campaign")
    expect(desk.locator(".flash")).to_contain_text("问卷已提交发送给 2 位租户")
    expect(desk.locator("#campaign-status")).to_have_text("收集中")
    work(app)  # the worker sends the invitations through the fake WeChat server
    assert texts_to(fake_wechat, "o-b") == [] and texts_to(fake_wechat, "o-b", "template") == []
    (invitation,) = texts_to(fake_wechat, "o-a1")
    assert "A栋保洁满意度调查" in invitation
    link = LINK.search(invitation).group(1)

    tenant = open_page(width=375, height=740, phone=True)
    tenant.goto(live_server + link)
    expect(tenant.locator("h1")).to_have_text("A栋保洁满意度调查")
    assert tenant.evaluate("document.documentElement.scrollWidth") <= 375
    tenant.locator("label.option", has_text="一般").click()
    tenant.fill("textarea", "楼道早上可以再拖一次")
    tenant.click("#submit")
    expect(tenant.locator("h1")).to_contain_text("问卷已提交")

    desk.reload()
    expect(desk.locator("#count-recipients")).to_have_text("2")
    expect(desk.locator("#count-delivered")).to_have_text("2")
    expect(desk.locator("#count-responded")).to_have_text("1")
    expect(desk.locator("#response-rate")).to_have_text("50%")
    expect(desk.locator("#result-1 tr[data-option=一般] .option-count")).to_have_text("1")
    expect(desk.locator("#result-1 tr[data-option=满意] .option-count")).to_have_text("0")
    expect(desk.locator("#result-2 .answers")).to_have_text("楼道早上可以再拖一次")
    expect(desk.locator(f"#recipients tr[data-tenant='{tenants['a1'].id}']")).to_have_class("answered")
    desk.screenshot(path=str(artifacts / "campaign-results.png"), full_page=True)

    phone = open_page("desk", width=375, height=740)
    for path in (desk.url, f"{live_server}/admin/campaigns"):  # the results, and the list with the compose form
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.screenshot(path=str(artifacts / "campaign-compose-phone.png"), full_page=True)
    assert desk.js_errors == [] and tenant.js_errors == [] and phone.js_errors == []


def test_a_paper_questionnaire_printed_and_entered_at_the_desk_7_2(team, open_page, live_server, session, artifacts):
    """§七(2) for tenants without WeChat: the form is printed for them and the desk enters
    the answers handed in; the results count them beside the WeChat answers."""
    from workflow.campaigns import create_campaign, send_campaign

    buildings(team, session)
    campaign = create_campaign(session, team.site, team.desk, title="A栋保洁满意度调查", questions=[
        {"text": "您对本月的保洁服务是否满意？", "kind": "choice", "options": ["满意", "一般", "不满意"]},
        {"text": "您还有什么建议？", "kind": "text", "required": False}])
    send_campaign(session, campaign, team.desk, buildings=["A"])
    session.commit()
    desk = open_page("desk")
    desk.goto(f"{live_server}/admin/campaigns/{campaign.id}")
    desk.click("#print-paper")
    sheet = desk.locator(".questionnaire-sheet")
    expect(sheet).to_have_count(1)
    expect(sheet.locator(".name")).to_have_text("孙丽")
    desk.emulate_media(media="print")
    assert desk.locator(".topbar").is_hidden() and desk.locator(".no-print").is_hidden()
    desk.pdf(path=str(artifacts / "campaign-paper.pdf"))
    desk.emulate_media(media="screen")

    desk.goto(f"{live_server}/admin/campaigns/{campaign.id}")
    desk.click("#enter-paper")
    expect(desk.locator("#paper-waiting li")).to_have_text("A-102 · 孙丽")
    desk.screenshot(path=str(artifacts / "campaign-paper-entry.png"), full_page=True)
    desk.fill("#paper-unit", "A-102")
    desk.fill("#paper-name", "孙丽")
    desk.locator("#paper-form label.check", has_text="不满意").click()
    desk.locator("#paper-form textarea").fill("垃圾桶太少")
    desk.click("#save-paper")
    expect(desk.locator(".flash")).to_contain_text("已录入孙丽的纸质答卷")
    expect(desk.locator("#paper-waiting li")).to_have_text("无")
    desk.click("text=返回问卷")
    expect(desk.locator("#count-paper")).to_have_text("1")
    expect(desk.locator("#count-responded")).to_have_text("1")
    expect(desk.locator("#result-1 tr[data-option=不满意] .option-count")).to_have_text("1")
    expect(desk.locator("#result-2 .answers")).to_have_text("垃圾桶太少")
    assert desk.js_errors == []
