"""The console in real headless Chromium (Playwright driving Debian's chromium): the desk →
engineer → desk → supervisor journey of a paid repair, stored XSS, and the screenshots
saved under artifacts/."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

import workflow
from models import Channel, Message, Status

pytestmark = pytest.mark.browser
XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'


def status_is(page, label: str) -> None:
    """Waits (a post navigates) until the ticket page shows this status."""
    expect(page.locator("h1 .badge")).to_have_text(label)


def _no_console_errors(page):
    assert page.js_errors == []
    assert [m for m in page.console_errors if "Content Security Policy" in m or "Refused" in m] == []


def _watch(page):
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    return page


def test_paid_repair_from_phone_call_to_monthly_statistics(team, open_page, live_server, artifacts):
    # Desk: a phone call, with the script on screen and the code suggested while typing.
    desk = _watch(open_page("desk"))
    desk.goto(f"{live_server}/admin/intake/phone")
    script = desk.locator("#script")
    assert script.get_by_text("您好，乐汇城物业服务中心。").is_visible()
    assert script.get_by_text("谢谢您将此事告诉我们。").is_visible()
    desk.fill("textarea[name=content]", "空调不制冷，出风口不凉")
    suggestion = desk.locator("#suggestion .code")
    suggestion.wait_for()
    assert suggestion.inner_text().startswith("ENG-HVAC")
    assert "空调" in desk.locator("#suggestion .evidence").inner_text()
    assert desk.locator("select[name=code]").input_value() == "ENG-HVAC"
    assert "hot" in desk.locator("#script li[data-key=help_coming]").get_attribute("class")
    desk.fill("input[name=complainant]", "刘芳")
    desk.fill("input[name=unit_code]", "L3-008")
    desk.fill("input[name=phone]", "13912345678")
    desk.click("text=登记工单")
    desk.wait_for_url(re.compile(r".*/admin/tickets/\d+$"))
    ticket_url = desk.url
    number = desk.locator("h1").inner_text().split()[0]
    assert desk.locator("#ticket-code").inner_text().startswith("ENG-HVAC")
    status_is(desk, "待派单")

    # Desk dispatches to the code's department.
    desk.click("text=开出派遣单")
    status_is(desk, "已派单")

    # Engineer: starts, finds a paid repair, quotes before any work.
    engineer = _watch(open_page("engineer", width=414, height=896))  # on his phone
    engineer.goto(ticket_url)
    engineer.click("button[data-action=start]")
    status_is(engineer, "处理中")
    assert engineer.locator("button[data-action=record_payment]").count() == 0
    engineer.click("summary:has-text('有偿维修报价')")
    engineer.fill("form[action$='/quote'] input[name=description]", "更换电容")
    engineer.fill("form[action$='/quote'] input[name=amount]", "180")
    engineer.click("text=发送报价")
    status_is(engineer, "待确认报价")

    # The tenant accepted on the phone; the desk records it.
    desk.goto(ticket_url)
    desk.click("button[data-action=accept_quote]")
    status_is(desk, "处理中")

    # Engineer completes with the amount; no way for him to take the money.
    engineer.goto(ticket_url)
    complete = engineer.locator("form[action$='/complete']")
    complete.locator("textarea[name=work_done]").fill("更换空调电容，试机正常")
    assert complete.locator("input[name=amount]").input_value() == "180.00"
    complete.locator("input[name=site_cleaned]").check()
    complete.locator("button[type=submit]").click()
    status_is(engineer, "已完工")
    assert "记录收费" not in engineer.content()
    engineer.screenshot(path=str(artifacts / "ticket-engineer-phone.png"), full_page=True)

    # Desk: the tenant confirmed the 回执 on the phone (§五(3)), pays at the centre, then close.
    desk.goto(ticket_url)
    desk.click("button[data-action=confirm_receipt]")
    expect(desk.locator(".flash")).to_contain_text("已确认回执")
    desk.click("text=记录收费")
    expect(desk.locator(".flash")).to_contain_text("已记录收费")
    close = desk.locator("form[action$='/close']")
    close.locator("textarea[name=result]").fill("已更换电容，租户已付款")
    close.locator("button[type=submit]").click()
    status_is(desk, "已结案")
    timeline = desk.locator("#timeline").inner_text()
    for step in ("登记", "派单", "开始处理", "报价", "租户确认报价", "完工", "前台收费", "结案"):
        assert step in timeline
    desk.screenshot(path=str(artifacts / "ticket.png"), full_page=True)
    desk.goto(f"{live_server}/admin/tickets")
    row = desk.locator("tr", has_text=number)
    assert "已结案" in row.inner_text() and "139****5678" in row.inner_text()
    desk.screenshot(path=str(artifacts / "queue.png"), full_page=True)
    _no_console_errors(desk)
    _no_console_errors(engineer)

    # Supervisor: this month's statistics and chart show it; the Excel export has it.
    boss = _watch(open_page("supervisor"))
    boss.goto(f"{live_server}/admin/stats")
    assert boss.locator("#kpi-total").inner_text() == "1"
    assert boss.locator("#table-category tr[data-key=ENG] td.num").first.inner_text() == "1"
    assert boss.locator("#table-channel tr[data-key=phone] td.num").first.inner_text() == "1"
    chart = boss.locator("#chart-category")
    boss.wait_for_function("document.getElementById('chart-category').naturalWidth > 0")
    svg = boss.request.get(live_server + chart.get_attribute("src")).text()
    assert "工程维修类" in svg and re.search(r'class="value[^"]*"[^>]*>1<', svg)
    for name in ("channel", "code", "department", "quarter", "trend"):
        boss.wait_for_function(f"document.getElementById('chart-{name}').naturalWidth > 0")
    boss.screenshot(path=str(artifacts / "stats.png"), full_page=True)
    with boss.expect_download() as download:
        boss.click("#export-xlsx")
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["工单总数"] == 1 and summary["超时工单数"] == 0
    assert [r[:2] for r in book["按类别"].iter_rows(min_row=2, values_only=True)] == [("工程维修类", 1)]
    assert [r[:2] for r in book["按投诉代码"].iter_rows(min_row=2, values_only=True)] == [("ENG-HVAC 空调通风", 1)]
    assert [r[:2] for r in book["按渠道"].iter_rows(min_row=2, values_only=True)] == [("电话", 1)]
    assert [r[:2] for r in book["按状态"].iter_rows(min_row=2, values_only=True)] == [("已结案", 1)]
    _no_console_errors(boss)


def test_stored_xss_shows_as_text_and_never_runs(team, open_page, live_server, session):
    ticket = workflow.register(session, team.site, content=XSS, channel=Channel.WECHAT, tenant=team.tenant,
                               complainant=XSS[:40])
    session.flush()
    session.add_all([
        Message(site_id=team.site.id, openid="o-tenant-1", direction="in", msg_type="text", content=XSS,
                dedupe_key="xss-1", ticket_id=ticket.id, reply="收到"),
        Message(site_id=team.site.id, openid="o-tenant-1", direction="out", msg_type="text", content=XSS,
                ticket_id=ticket.id, channel="custom"),
    ])
    workflow.add_note(session, ticket, team.desk, XSS)
    session.commit()
    page = _watch(open_page("desk"))
    row = page.locator(f"tr[data-ticket='{ticket.id}'] td.content-cell")
    assert "<script>window.__xss = 1</script>" in row.inner_text()
    assert page.evaluate("window.__xss") is None
    page.goto(f"{live_server}/admin/tickets/{ticket.id}")
    assert page.locator("#ticket-content").inner_text() == XSS
    assert page.locator("#timeline").inner_text().count("<script>window.__xss = 1</script>") >= 3
    assert page.locator("img[src=x]").count() == 0
    page.wait_for_timeout(200)  # an onerror would have fired by now
    assert page.evaluate("window.__xss") is None
    _no_console_errors(page)
    assert ticket.status == Status.NEW


def test_screenshots_of_the_demo_site(session, open_page, live_server, artifacts):
    """The pages as staff see them with the demo data: urgent and upset tickets stand out,
    the statistics have several months; the queue also on a phone."""
    from demo.seed import DEMO_PASSWORD, seed
    from models import Ticket

    seed(session)
    session.commit()
    desk = _watch(open_page("kefu", password=DEMO_PASSWORD))
    assert desk.locator("tr.urgent").count() >= 1 and desk.locator("tr.upset").count() >= 1
    assert desk.locator("tr.upset .badge.upset").first.inner_text() == "情绪激动"
    desk.screenshot(path=str(artifacts / "demo-queue.png"), full_page=True)
    upset = session.query(Ticket).filter(Ticket.emotion == "upset").first()
    desk.goto(f"{live_server}/admin/tickets/{upset.id}")
    desk.screenshot(path=str(artifacts / "demo-ticket.png"), full_page=True)
    phone = open_page("kefu", width=390, height=844, password=DEMO_PASSWORD)
    phone.screenshot(path=str(artifacts / "demo-queue-phone.png"), full_page=False)
    boss = _watch(open_page("zhuguan", password=DEMO_PASSWORD))
    boss.goto(f"{live_server}/admin/stats")
    for name in ("category", "channel", "code", "department", "quarter", "trend"):
        boss.wait_for_function(f"document.getElementById('chart-{name}').naturalWidth > 0")
    boss.screenshot(path=str(artifacts / "demo-stats.png"), full_page=True)
    _no_console_errors(desk)
    _no_console_errors(boss)
