"""The job done in the field, on a phone (390 px, touch, mobile) in real Chromium: the
engineer opens 「我的任务」, records arrival, takes a photo before and after, quotes, completes
with the amount and has the tenant sign the 回执 on his screen; the desk, on a desktop,
sees the arrival, the photos and the signature, and takes the money. Screenshots of 「我的
任务」, the ticket and the signature pad go to artifacts/."""
from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

import workflow
from models import Status, Ticket, TicketFile, utcnow
from tests.images import canvas_png, jpeg_size
from workflow.machine import clock_at

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844, "phone": True}


def _watch(page):
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    return page


def _jobs(team, session):
    """His paid repair (the tenant's phone and unit known), an urgent job of his department
    nobody is assigned to, and a job of his due sooner than the repair."""
    now = utcnow()
    with clock_at(now - timedelta(hours=1)):
        repair = team.ticket(Status.NEW, content="空调不制冷，出风口不凉", unit_code="L3-008", phone="13912345678",
                             complainant="刘芳", tenant=None)
        workflow.dispatch(session, repair, team.desk, assignee=team.engineer, due_at=now + timedelta(hours=3))
        soon = team.ticket(Status.NEW, content="L1走廊灯不亮", unit_code="L1-020")
        workflow.dispatch(session, soon, team.desk, assignee=team.engineer, due_at=now + timedelta(minutes=50))
    urgent = team.ticket(Status.DISPATCHED, urgent=True, code="ENG-PLUMB", content="卫生间水管爆了", unit_code="L2-015")
    session.commit()
    return repair, soon, urgent


def _sign(page, canvas) -> None:
    box = canvas.bounding_box()
    x, y = box["x"] + 30, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(x + step * 22, y + (18 if step % 2 else -18), steps=3)
    page.mouse.up()


def test_engineer_does_the_job_on_his_phone_and_the_desk_sees_it(team, session, app, open_page, live_server,
                                                                 artifacts: Path):
    repair, soon, urgent = _jobs(team, session)
    phone = _watch(open_page("engineer", **PHONE))

    # 1. 我的任务: where he lands; urgent first, then by deadline; the unit, tel: and time left.
    expect(phone).to_have_url(f"{live_server}/admin/tasks")
    cards = phone.locator("#tasks li.task")
    assert [int(n) for n in cards.evaluate_all("cs => cs.map(c => c.dataset.ticket)")] == [urgent.id, soon.id, repair.id]
    first = cards.nth(0)
    assert "急修" in first.inner_text() and "部门未指派" in first.inner_text() and "L2-015" in first.inner_text()
    assert re.search(r"到场还剩(2[0-9]|30)分钟", first.locator(".time-left").inner_text())
    mine = phone.locator(f"#tasks li[data-ticket='{repair.id}']")
    assert "部门未指派" not in mine.inner_text() and "L3-008" in mine.inner_text() and "刘芳" in mine.inner_text()
    assert mine.locator("a[href^='tel:']").get_attribute("href") == "tel:13912345678"
    assert re.search(r"还剩2小时5\d分钟", mine.locator(".time-left").inner_text())
    phone.screenshot(path=str(artifacts / "phone-my-tasks.png"), full_page=True)

    # 2. Arrival, one tap from the list; the ticket page then offers 完工 at the thumb.
    mine.locator("button[data-action=arrive]").click()
    expect(phone.locator(".flash")).to_contain_text("已登记到场")
    expect(phone.locator("h1 .badge")).to_have_text("处理中")
    assert team.engineer.display_name in phone.locator("#arrived-at").inner_text()
    expect(phone.locator("[data-primary]")).to_have_text("完工")

    # 3. A photo before the work, from the camera: resized in the browser before it is sent.
    big = canvas_png(2400, 1800, ink=((1200, 900), (1201, 900)))
    with phone.expect_navigation():
        phone.set_input_files("form.photo-upload[data-stage=before] input[type=file]",
                              files=[{"name": "IMG_0001.png", "mimeType": "image/png", "buffer": big}])
    expect(phone.locator(".flash")).to_contain_text("照片已保存")
    before = session.scalar(sa.select(TicketFile).where(TicketFile.ticket_id == repair.id))
    stored = (Path(app.config["INSTANCE_PATH"]) / before.path).read_bytes()
    assert before.mimetype == "image/jpeg" and jpeg_size(stored) == (1600, 1200) and len(stored) < len(big)

    # A paid repair: he quotes on site, the tenant agrees by WeChat before the work.
    phone.click("summary:has-text('有偿维修报价')")
    phone.fill("form[action$='/quote'] input[name=description]", "更换空调电容")
    phone.fill("form[action$='/quote'] input[name=amount]", "180")
    phone.click("text=发送报价")
    expect(phone.locator("h1 .badge")).to_have_text("待确认报价")
    session.expire_all()
    workflow.answer_quote(session, session.get(Ticket, repair.id), None, accepted=True)
    session.commit()

    # ... and after the work.
    phone.reload()
    with phone.expect_navigation():
        phone.set_input_files("form.photo-upload[data-stage=after] input[type=file]",
                              files=[{"name": "IMG_0002.png", "mimeType": "image/png", "buffer": canvas_png(800, 600)}])
    for stage in ("before", "after"):
        image = phone.locator(f".photos[data-stage={stage}] img")
        expect(image).to_have_count(1)
        assert image.evaluate("img => img.complete && img.naturalWidth") > 0
    assert phone.locator(".photo-send").first.is_hidden()  # sent on taking the photo, no button needed
    phone.screenshot(path=str(artifacts / "phone-ticket.png"))  # what he sees: the action at hand below
    phone.screenshot(path=str(artifacts / "phone-ticket-full.png"), full_page=True)

    # 4. He completes with the amount, from the action at hand.
    phone.click("[data-primary=complete]")
    complete = phone.locator("#action-complete")
    expect(complete).to_have_attribute("open", "")
    complete.locator("textarea[name=work_done]").fill("更换空调电容，试机正常")
    assert complete.locator("input[name=amount]").input_value() == "180.00"
    complete.locator("input[name=site_cleaned]").check()
    complete.locator("button[type=submit]").click()
    expect(phone.locator("h1 .badge")).to_have_text("已完工")
    assert phone.locator("text=记录收费").count() == 0

    # 5. The tenant signs the 回执 on the same screen; a blank pad is not sent.
    phone.click("[data-primary=receipt]")
    expect(phone.locator("#receipt-amount")).to_contain_text("180.00 元")
    assert phone.locator("input[name=signer]").input_value() == "刘芳"
    posts = []
    phone.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    phone.click("#signature-submit")
    expect(phone.locator("#signature-error")).to_be_visible()
    assert posts == []  # the pad said so itself
    _sign(phone, phone.locator("#signature-pad"))
    phone.screenshot(path=str(artifacts / "phone-signature-pad.png"), full_page=True)
    phone.click("#signature-submit")
    expect(phone.locator(".flash")).to_contain_text("回执已由租户签名确认")
    expect(phone.locator("#receipt-status")).to_contain_text("现场签名 · 刘芳")
    assert phone.problems == [] and phone.js_errors == []

    # 6. The desk, on a desktop: arrival, photos, signature; then the money.
    desk = _watch(open_page("desk"))
    desk.goto(f"{live_server}/admin/tickets/{repair.id}")
    assert team.engineer.display_name in desk.locator("#arrived-at").inner_text()
    assert desk.locator("#dispatch-orders td[data-label=到场]").last.inner_text() != "—"
    for image in (desk.locator(".photos[data-stage=before] img"), desk.locator(".photos[data-stage=after] img"),
                  desk.locator("#receipt-signature")):
        assert image.evaluate("img => img.complete && img.naturalWidth") > 0
    timeline = desk.locator("#timeline").inner_text()
    for step in ("到场", "现场照片", "报价", "完工", "确认回执"):
        assert step in timeline
    assert desk.locator("#primary-action").is_hidden()  # the phone's bar is not on the desktop
    desk.click("text=记录收费")
    expect(desk.locator(".flash")).to_contain_text("已记录收费")
    desk.screenshot(path=str(artifacts / "desk-ticket-field-work.png"), full_page=True)
    assert desk.problems == [] and desk.js_errors == []

    session.expire_all()
    done = session.get(Ticket, repair.id)
    assert (done.receipt_method, done.receipt_confirmed_by) == ("signature", "刘芳") and done.paid_at is not None
    assert done.dispatch_orders[-1].arrived_at is not None
