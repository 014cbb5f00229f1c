"""Going live in real headless Chromium, with the worker sending to the fake WeChat server:
units uploaded with a preview, QR codes printed four to an A4 page, a quote from the fee
schedule, a 问答 entry the simulator gets its answer from, a notice to one floor with its
delivery count. Screenshots (and the QR sheets as a PDF) are saved under artifacts/."""
from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

import tests.jobs.conftest as worker_side
from models import Status, Tenant, Unit, utcnow
from tests.conftest import wrote
from tests.golive.files import centre_rows, write, xlsx
from tests.jobs.conftest import texts_to, work
from workflow.unit_import import apply_import, read_import

pytestmark = pytest.mark.browser
app, instance = worker_side.app, worker_side.instance  # the app the worker sends with (to the fake WeChat)


def watch(page):
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    return page


def no_errors(page):
    assert page.js_errors == [] and page.console_errors == []


def load_units(session, site, count):
    apply_import(session, site, read_import(xlsx(centre_rows(count)), "units.xlsx"))
    session.commit()


def test_upload_units_with_a_preview(team, open_page, live_server, artifacts, session, tmp_path):
    page = watch(open_page("admin"))
    page.goto(f"{live_server}/admin/units/import")
    page.set_input_files("#import-file", write(tmp_path / "业户清单.xlsx", xlsx(centre_rows(30))))
    page.click("text=上传并预览")
    expect(page.locator("#count-new")).to_have_text("30")
    assert page.locator("#import-changes tr.change-new").count() == 30
    assert session.scalar(sa.select(sa.func.count(Unit.id))) == 0  # nothing until confirmed
    page.screenshot(path=str(artifacts / "golive-import-preview.png"), full_page=True)
    page.click("#confirm-import")
    expect(page.locator(".flash")).to_contain_text("新增 30 个单元")
    assert page.locator("#records tr[data-unit]").count() == 30
    assert "商户015" in page.locator("#records tr[data-unit='B1-015']").inner_text()
    page.screenshot(path=str(artifacts / "golive-tenant-records.png"), full_page=True)
    phone = watch(open_page("desk", width=390, height=844))
    phone.goto(f"{live_server}/admin/tenants?floor=B1")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=str(artifacts / "golive-tenant-records-phone.png"), full_page=False)
    no_errors(page)
    no_errors(phone)


def test_print_qr_codes_four_to_an_a4_page(team, open_page, live_server, artifacts, session, app, fake_wechat):
    load_units(session, team.site, 10)
    page = watch(open_page("admin"))
    page.goto(f"{live_server}/admin/units/qr")
    assert page.locator("#wechat-count").inner_text() == "0"
    assert page.locator(".qr-card[data-kind=link]").count() == 10  # signed links until the account makes codes
    page.click("#make-wechat-codes")
    expect(page.locator(".flash")).to_contain_text("已提交生成微信二维码")
    work(app)  # the worker asks WeChat (the fake server) for each unit's code
    page.reload()
    assert page.locator("#wechat-count").inner_text() == "10" and "已完成" in page.locator("#qr-request").inner_text()
    assert page.locator(".qr-card[data-kind=wechat]").count() == 10
    assert len(fake_wechat.sent("qrcode")) == 10
    sheets = page.locator(".sheet.per-4")
    assert sheets.count() == 3 and sheets.nth(0).locator(".qr-card").count() == 4
    card = page.locator(".qr-card[data-unit='B1-001']")
    assert card.locator("img").evaluate("img => img.naturalWidth > 0") and "商户001" in card.inner_text()
    page.emulate_media(media="print")
    assert page.locator(".topbar").is_hidden() and page.locator("#qr-filters").is_hidden()
    page.screenshot(path=str(artifacts / "golive-unit-qr-print.png"), full_page=True)
    pdf = page.pdf(path=str(artifacts / "golive-unit-qr.pdf"), prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 3  # ten codes, four to an A4 page
    no_errors(page)


def test_quote_from_the_fee_schedule(team, open_page, live_server, artifacts, session, app, fake_wechat):
    boss = watch(open_page("supervisor"))
    boss.goto(f"{live_server}/admin/settings/fees")
    form = boss.locator("#add-fee")
    form.locator("input[name=name]").fill("更换水龙头")
    form.locator("input[name=unit]").fill("个")
    form.locator("input[name=price]").fill("60")
    form.locator("input[name=codes]").fill("ENG-PLUMB")
    form.locator("button[type=submit]").click()
    expect(boss.locator("#fee-items li[data-item='更换水龙头']")).to_be_visible()
    boss.screenshot(path=str(artifacts / "golive-fees.png"), full_page=True)
    ticket = team.ticket(Status.IN_PROGRESS, code="ENG-PLUMB", content="洗手池水龙头关不紧一直滴水")
    wrote(session, team.tenant, utcnow())  # the tenant wrote today: a customer-service message
    session.commit()

    engineer = watch(open_page("engineer", width=390, height=844))
    engineer.goto(f"{live_server}/admin/tickets/{ticket.id}")
    engineer.click("summary:has-text('有偿维修报价')")
    quote = engineer.locator("form[data-quote]")
    quote.locator("tr:has-text('更换水龙头') input").fill("1")
    quote.locator("input[name=description]").fill("上门服务费")
    quote.locator("input[name=amount]").fill("30")
    expect(engineer.locator("#quote-total")).to_have_text("90.00")
    engineer.screenshot(path=str(artifacts / "golive-quote-phone.png"), full_page=True)
    quote.locator("button[type=submit]").click()
    expect(engineer.locator("h1 .badge")).to_have_text("待确认报价")
    work(app)
    [message] = [text for text in texts_to(fake_wechat, team.tenant.openid) if "有偿维修" in text]
    assert "更换水龙头 1个×60.00元；上门服务费 30.00元" in message and "费用 90.00 元" in message
    assert "回复「确认」开始维修" in message
    no_errors(boss)
    no_errors(engineer)


def test_a_faq_entry_answers_in_the_simulator(team, open_page, live_server, artifacts, session):
    desk = watch(open_page("desk"))
    desk.goto(f"{live_server}/admin/faq")
    form = desk.locator("#add-faq")
    form.locator("input[name=question]").fill("快递可以放前台代收吗")
    form.locator("textarea[name=phrasings]").fill("前台能代收快递吗\n快递放哪里")
    form.locator("textarea[name=answer]").fill("可以的，B1层服务中心前台代收快递，请凭取件码领取。")
    form.locator("button[type=submit]").click()
    expect(desk.locator("#faq-entries tr[data-entry='快递可以放前台代收吗']")).to_be_visible()
    desk.screenshot(path=str(artifacts / "golive-faq.png"), full_page=True)
    desk.goto(f"{live_server}/admin/simulator")
    desk.fill("#sim-form input[name=text]", "快地可以放钱台代收吗")  # homophones, as a phone keyboard types
    desk.press("#sim-form input[name=text]", "Enter")
    expect(desk.locator(".bubble.bot").last).to_contain_text("B1层服务中心前台代收快递")
    desk.fill("#sim-form input[name=text]", "请问周六上班吗")
    desk.press("#sim-form input[name=text]", "Enter")
    expect(desk.locator(".bubble.bot").last).to_contain_text("对不起，我来问一下。")
    desk.screenshot(path=str(artifacts / "golive-faq-simulator.png"), full_page=True)
    desk.goto(f"{live_server}/admin/faq")
    assert "请问周六上班吗" in desk.locator("#unanswered").inner_text()
    no_errors(desk)


def test_send_a_notice_to_one_floor_and_see_the_delivery_count(team, open_page, live_server, artifacts, session, app,
                                                               fake_wechat):
    load_units(session, team.site, 130)  # floors B1, L1, L2 (60, 60, 10 units) with their tenants of record
    l2 = session.scalars(sa.select(Unit).where(Unit.floor == "L2").order_by(Unit.code)).all()
    followers = [Tenant(site_id=team.site.id, openid=f"o-l2-{u.code}", name=f"租户{u.code}", unit=u) for u in l2[:6]]
    followers.append(Tenant(site_id=team.site.id, openid="o-b1", name="地下一层", unit=l2[0].site.units[0]))
    session.add_all(followers)
    session.commit()
    fake_wechat.fail("any", errcode=43004, touser="o-l2-L2-003", times=None)
    boss = watch(open_page("supervisor"))
    boss.goto(f"{live_server}/admin/notices")
    boss.fill("#notice-title", "停水通知")
    boss.fill("#notice-body", "周六 7:00–9:00 二层停水检修，请提前储水。")
    boss.check("input[name=audience][value=floor]")
    boss.select_option("select[name=floor]", "L2")
    boss.click("#send-notice")
    expect(boss.locator(".flash")).to_contain_text("已提交发送")
    assert boss.locator("#count-total").inner_text() == "16"  # 6 followers + the floor's 10 tenants of record
    assert boss.locator("#count-pending").inner_text() == "6"
    work(app)
    boss.reload()
    assert boss.locator("#count-sent").inner_text() == "5" and boss.locator("#count-failed").inner_text() == "1"
    assert boss.locator("#count-unreachable").inner_text() == "10"
    assert "43004" in boss.locator("#notice-failures tr.delivery-failed[data-unit='L2-003']").inner_text()
    boss.screenshot(path=str(artifacts / "golive-notice.png"), full_page=True)
    delivered = len(fake_wechat.received())
    boss.reload()
    boss.go_back()
    boss.reload()
    work(app)
    assert len(fake_wechat.received()) == delivered and texts_to(fake_wechat, "o-b1") == []
    boss.goto(f"{live_server}/admin/notices")
    assert "停水通知" in boss.locator("#notices").inner_text()
    no_errors(boss)
