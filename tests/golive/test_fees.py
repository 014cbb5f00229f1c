"""收费标准: items per site at /admin/settings/fees, and paid-repair quotes built from them
plus a free line, listed in the quote the tenant receives."""
from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from models import FeeItem, Outbox, QuoteLine, Status
from workflow.fees import save_fee_item


def item(session, site, name, unit, price, codes=""):
    made = save_fee_item(session, site, None, name=name, unit=unit, price=price, codes=codes)
    session.commit()
    return made


def test_a_supervisor_keeps_the_fee_schedule(team, console, session):
    console.login("supervisor")
    added = console.post("/admin/settings/fees", {"site": "lehui", "name": "更换水龙头", "unit": "个", "price": "60",
                                                  "codes": "eng-plumb", "active": "1"})
    assert added.status_code == 302
    tap = session.scalar(sa.select(FeeItem).where(FeeItem.name == "更换水龙头"))
    assert (tap.site_id, tap.unit, tap.price, tap.codes, tap.active) == (team.site.id, "个", Decimal("60.00"),
                                                                        ["ENG-PLUMB"], True)
    for form, field, message in (
        ({"name": "更换水龙头", "unit": "个", "price": "60"}, "name", "收费项目「更换水龙头」已存在"),
        ({"name": "疏通下水道", "unit": "次", "price": "免费"}, "price", "金额格式不正确"),
        ({"name": "疏通下水道", "unit": "次", "price": "0"}, "price", "金额须大于0"),
        ({"name": "疏通下水道", "unit": "", "price": "80"}, "unit", "请填写计价单位"),
        ({"name": "疏通下水道", "unit": "次", "price": "80", "codes": "ENG-NOPE"}, "codes", "未知的投诉代码：ENG-NOPE"),
    ):
        refused = console.post("/admin/settings/fees", {"site": "lehui", "active": "1", **form})
        page = refused.get_data(as_text=True)
        assert refused.status_code == 400 and message in page, form
        assert f'id="fee-{field}"' in page and 'aria-invalid="true"' in page
    assert session.scalar(sa.select(sa.func.count(FeeItem.id))) == 1
    edited = console.post(f"/admin/settings/fees/{tap.id}", {"name": "更换水龙头", "unit": "个", "price": "65.5"})
    assert edited.status_code == 302  # the box unticked: no longer offered
    session.expire_all()
    assert (tap.price, tap.active) == (Decimal("65.50"), False)
    console.login("desk")
    assert console.get("/admin/settings/fees").status_code == 403


def test_a_quote_from_the_schedule_plus_a_free_line(team, console, session):
    tap = item(session, team.site, "更换水龙头", "个", "60", codes="ENG-PLUMB")
    pipe = item(session, team.site, "更换软管", "米", "12.5")
    hvac_only = item(session, team.site, "空调加氟", "次", "150", codes="ENG-HVAC")
    ticket = team.ticket(Status.IN_PROGRESS, code="ENG-PLUMB", content="洗手池水龙头关不紧")
    session.commit()
    console.login("engineer")
    page = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert f'name="qty_{tap.id}"' in page and f'name="qty_{pipe.id}"' in page
    assert f'name="qty_{hvac_only.id}"' not in page  # another code's item is not offered
    url = f"/admin/tickets/{ticket.id}/actions/quote"
    wrong = console.post(url, {f"qty_{tap.id}": "-1"})
    assert wrong.status_code == 400 and "数量须在0到999之间" in wrong.get_data(as_text=True)
    other_code = console.post(url, {f"qty_{hvac_only.id}": "1"})
    assert other_code.status_code == 400 and "不适用于本工单" in other_code.get_data(as_text=True)
    nothing = console.post(url, {f"qty_{tap.id}": "0"})
    assert nothing.status_code == 400 and "请选择收费项目" in nothing.get_data(as_text=True)
    session.expire_all()
    assert session.get(type(ticket), ticket.id).status == Status.IN_PROGRESS
    quoted = console.post(url, {f"qty_{tap.id}": "2", f"qty_{pipe.id}": "1.5", "description": "上门服务费",
                                "amount": "30"})
    assert quoted.status_code == 302
    session.expire_all()
    ticket = session.get(type(ticket), ticket.id)
    described = "更换水龙头 2个×60.00元；更换软管 1.5米×12.50元；上门服务费 30.00元"
    assert ticket.status == Status.QUOTED and ticket.quote_amount == Decimal("168.75")
    assert ticket.quote_description == described
    lines = session.scalars(sa.select(QuoteLine).where(QuoteLine.ticket_id == ticket.id).order_by(QuoteLine.id)).all()
    assert [(line.name, line.quantity, line.amount) for line in lines] == [
        ("更换水龙头", Decimal("2.00"), Decimal("120.00")), ("更换软管", Decimal("1.50"), Decimal("18.75")),
        ("上门服务费", Decimal("1.00"), Decimal("30.00"))]
    notice = session.scalars(sa.select(Outbox).where(Outbox.ticket_id == ticket.id, Outbox.kind == "notify_tenant")
                             .order_by(Outbox.id.desc())).first()
    assert notice.payload == {"event": "quote", "amount": "168.75", "description": described}


def test_a_new_quote_after_a_refusal_replaces_the_lines(team, console, session):
    tap = item(session, team.site, "更换水龙头", "个", "60")
    ticket = team.ticket(Status.IN_PROGRESS, code="ENG-PLUMB")
    session.commit()
    console.login("desk")
    url = f"/admin/tickets/{ticket.id}/actions/quote"
    assert console.post(url, {f"qty_{tap.id}": "3"}).status_code == 302
    assert console.post(f"/admin/tickets/{ticket.id}/actions/decline_quote").status_code == 302
    assert console.post(url, {f"qty_{tap.id}": "1"}).status_code == 302
    lines = session.scalars(sa.select(QuoteLine).where(QuoteLine.ticket_id == ticket.id)).all()
    assert [(line.quantity, line.amount) for line in lines] == [(Decimal("1.00"), Decimal("60.00"))]
