"""The supervisor's monthly summary in real Chromium (seed §六(5)): written on the printed
report's page, saved, and shown in the report as it prints."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from models import Status
from workflow.reports import build_report

pytestmark = pytest.mark.browser


def test_a_supervisor_writes_the_summary_and_sees_it_in_the_printed_report_6_5(team, session, app, open_page,
                                                                                live_server):
    team.ticket(Status.DISPATCHED)
    report = build_report(session, team.site, 2026, 1, app.config["INSTANCE_PATH"])
    session.commit()
    boss = open_page("supervisor")
    boss.goto(f"{live_server}/admin/stats")
    boss.click(f"a[href$='/admin/stats/reports/{report.id}/print']")
    form = boss.locator("#summary-form")
    expect(form).to_have_attribute("open", "")
    form.locator("textarea[name=problems]").fill("电梯困人两次，到场均超过30分钟")
    form.locator("textarea[name=causes]").fill("维保单位夜间无人值守")
    form.locator("textarea[name=measures]").fill("与维保单位签订夜间值守协议")
    form.locator("#save-summary").click()
    expect(boss.locator(".flash")).to_contain_text("月度小结已保存")
    sheet = boss.locator("#print-form")
    expect(sheet.locator("[data-summary=problems]")).to_have_text("电梯困人两次，到场均超过30分钟")
    expect(sheet.locator("[data-summary=measures]")).to_have_text("与维保单位签订夜间值守协议")
    boss.emulate_media(media="print")
    expect(boss.locator("#summary-form")).to_be_hidden()  # printed: the report, not the form
    expect(sheet.locator("#report-summary")).to_be_visible()
    assert boss.js_errors == []
