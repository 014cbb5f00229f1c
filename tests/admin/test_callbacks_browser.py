"""The call list in real Chromium (seed §二注意(8)): a phone complaint closed at the desk is
called back for satisfaction, the score is entered on the call list, and the month's
statistics count it next to the chat survey's."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_satisfaction_call_for_a_phone_ticket_reaches_the_months_statistics_2_note_8(team, open_page, live_server):
    desk = open_page("desk")
    desk.goto(f"{live_server}/admin/intake/phone")
    desk.fill("textarea[name=content]", "门禁卡刷不开，进不了办公室")
    desk.fill("input[name=complainant]", "刘芳")
    desk.fill("input[name=phone]", "13912345678")
    desk.click("text=登记工单")
    desk.wait_for_url(re.compile(r".*/admin/tickets/\d+$"))
    number = desk.locator("h1").inner_text().split()[0]
    desk.click("#action-close > summary")
    close = desk.locator("form[action$='/close']")
    close.locator("textarea[name=result]").fill("已重新写卡，租户可正常刷卡")
    close.locator("button[type=submit]").click()
    expect(desk.locator("h1 .badge")).to_have_text("已结案")

    desk.goto(f"{live_server}/admin/callbacks")
    call = desk.locator("[data-kind=satisfaction]", has_text=number)
    expect(call.locator("li[data-key=call_satisfaction]")).to_contain_text("请您按1到5分评价")
    call.locator("select[name=score]").select_option("4")
    call.locator("textarea[name=result]").fill("租户表示已能正常刷卡，比较满意")
    call.locator("button[type=submit]").click()
    expect(desk.locator(".flash")).to_contain_text("回访结果已记录")
    expect(desk.locator("[data-kind=satisfaction]", has_text=number)).to_have_count(0)

    boss = open_page("supervisor")
    boss.goto(f"{live_server}/admin/stats")
    expect(boss.locator("#kpi-satisfaction")).to_have_text("4.00")
    expect(boss.locator("#kpi-satisfaction + .k")).to_have_text("1 份评价")
