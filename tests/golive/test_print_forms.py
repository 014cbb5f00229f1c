"""The printed 派遣单 and 回执单 from the ticket page: the order, the quoted items and amount,
the receipt's confirmation record and the place kept for the tenant's signature."""
from __future__ import annotations

import workflow
from models import Status
from workflow.fees import quote_from_schedule, save_fee_item


def paid_repair(team, session):
    tap = save_fee_item(session, team.site, None, name="更换水龙头", unit="个", price="60")
    ticket = team.ticket(Status.IN_PROGRESS, code="ENG-PLUMB", content="洗手池水龙头关不紧", unit_code="L2-015")
    quote_from_schedule(session, ticket, team.engineer, quantities={tap.id: "1"}, description="上门服务费",
                        amount="30")
    workflow.answer_quote(session, ticket, None, accepted=True)
    workflow.complete(session, ticket, team.engineer, amount="90", work_done="更换水龙头一个", site_cleaned=True)
    session.commit()
    return ticket


def test_the_dispatch_order_prints_with_the_items_and_the_amount(team, console, session):
    ticket = paid_repair(team, session)
    console.login("engineer")
    page = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert f"/admin/tickets/{ticket.id}/print/dispatch" in page and f"/admin/tickets/{ticket.id}/print/receipt" in page
    printed = console.get(f"/admin/tickets/{ticket.id}/print/dispatch").get_data(as_text=True)
    assert "<h1>派遣单</h1>" in printed and ticket.number in printed and "工程部" in printed
    assert "更换水龙头 1个×60.00元 = 60.00 元" in printed and "上门服务费 30.00元 = 30.00 元" in printed
    assert "90.00 元（租户已确认）" in printed and "更换水龙头一个" in printed and "☑ 是" in printed
    assert "print.css" in printed and "维修人员签字" in printed


def test_the_receipt_keeps_a_place_for_the_signature_and_records_the_confirmation(team, console, session):
    ticket = paid_repair(team, session)
    console.login("desk")
    before = console.get(f"/admin/tickets/{ticket.id}/print/receipt").get_data(as_text=True)
    assert 'id="tenant-signature" data-slot="tenant-signature"' in before and "租户签名确认" in before
    assert "回执确认记录：尚未确认" in before and "请到服务中心交付费用" in before
    workflow.confirm_receipt(session, ticket, None)  # the tenant replied 确认 on WeChat
    workflow.record_payment(session, ticket, team.desk, amount="90")
    session.commit()
    after = console.get(f"/admin/tickets/{ticket.id}/print/receipt").get_data(as_text=True)
    assert "回执确认记录：租户 于" in after and "通过微信回复「确认」确认" in after
    assert "已于" in after and "在服务中心交付" in after


def test_forms_of_a_ticket_not_dispatched_or_not_visible_are_refused(team, console, session):
    new = team.ticket(Status.NEW)
    cleaning = team.ticket(Status.DISPATCHED, code="ENV-CLEAN", content="垃圾房味道很大")
    session.commit()
    console.login("desk")
    assert console.get(f"/admin/tickets/{new.id}/print/dispatch").status_code == 404
    assert console.get(f"/admin/tickets/{cleaning.id}/print/invoice").status_code == 404
    console.login("engineer")
    assert console.get(f"/admin/tickets/{cleaning.id}/print/dispatch").status_code == 403


def test_the_printed_receipt_shows_the_signature_signed_on_the_phone(team, console, session, app):
    """§五(3): the 回执 the tenant signed on the engineer's screen prints in its box."""
    from tests.images import canvas_png

    ticket = team.ticket(Status.IN_PROGRESS, code="ENG-PLUMB", content="洗手池水龙头关不紧", unit_code="L2-015")
    workflow.complete(session, ticket, team.engineer, work_done="更换水龙头一个", site_cleaned=True)
    workflow.sign_receipt(session, ticket, team.engineer, signer="王建国", png=canvas_png(ink=((1, 1),)),
                          media_root=app.config["INSTANCE_PATH"])
    session.commit()
    signed = workflow.fieldwork.signature(session, ticket)
    console.login("desk")
    printed = console.get(f"/admin/tickets/{ticket.id}/print/receipt").get_data(as_text=True)
    image = f'<img src="/admin/tickets/{ticket.id}/files/{signed.id}" alt="租户签名">'
    assert image in printed and "签名：　　　　　　日期：" not in printed.split('id="tenant-signature"')[1][:300]
    assert console.get(f"/admin/tickets/{ticket.id}/files/{signed.id}").mimetype == "image/png"
