"""走访 in real Chromium (seed §七(1) 根据工作需要，定期或不定期地走访客户): a supervisor plans
this month's visits to building A and an occasional visit, each assigned to the desk clerk;
the clerk records a visit's result, also on a phone-width screen."""
from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from models.localtime import today
from tests.admin.test_campaigns import buildings

pytestmark = pytest.mark.browser


def test_plan_regular_and_occasional_visits_and_record_one_7_1(team, open_page, live_server, session, artifacts):
    buildings(team, session)
    boss = open_page("supervisor")
    boss.click("nav >> text=走访")
    expect(boss.locator("h1")).to_have_text("走访 · 乐汇城物业服务中心")
    regular = boss.locator("#regular-form")
    regular.locator("input[name=audience][value=building]").check()
    regular.locator("select[name=building]").select_option("A")
    regular.locator("select[name=assignee]").select_option(label="客服1（客服）")
    regular.locator("button[type=submit]").click()
    expect(boss.locator(".flash")).to_contain_text("已将 3 位租户列入")
    expect(boss.locator("#count-planned")).to_have_text("3")

    due = today() + timedelta(days=2)
    occasional = boss.locator("#occasional-form")
    occasional.locator("input[name=unit]").fill("A-101")
    occasional.locator("input[name=due_on]").fill(due.isoformat())
    occasional.locator("textarea[name=purpose]").fill("多次反映空调噪音，上门了解情况")
    occasional.locator("select[name=assignee]").select_option(label="客服1（客服）")
    occasional.locator("button[type=submit]").click()
    expect(boss.locator(".flash")).to_contain_text("已安排对刘芳的不定期走访")
    # the page shows the month the visit is due in (the next one, near a month's end)
    expect(boss.locator("#count-planned")).to_have_text("4" if due.month == today().month else "1")
    visit = boss.locator("[data-kind=occasional][data-unit='A-101']")
    expect(visit).to_contain_text("事由：多次反映空调噪音，上门了解情况")
    expect(visit.locator(".assignee")).to_have_text("客服1")
    expect(visit.locator(".due-day")).to_have_text(due.isoformat())

    clerk = open_page("desk", width=375, height=740, phone=True)
    clerk.goto(boss.url)
    card = clerk.locator("[data-kind=occasional][data-unit='A-101']")
    card.locator("summary", has_text="记录走访结果").click()
    card.locator("textarea[name=result]").fill("噪音来自外机支架松动，已报工程部，租户表示理解")
    card.get_by_role("button", name="记录走访结果").click()
    expect(clerk.locator(".flash")).to_contain_text("走访结果已记录")
    done = clerk.locator("[data-kind=occasional][data-unit='A-101']")
    expect(done.locator(".visit-result")).to_contain_text("上门 · 噪音来自外机支架松动")
    expect(clerk.locator("#count-done")).to_have_text("1")
    assert clerk.evaluate("document.documentElement.scrollWidth") <= 375
    clerk.screenshot(path=str(artifacts / "visit-plans-phone.png"), full_page=True)
    assert boss.js_errors == [] and clerk.js_errors == []
