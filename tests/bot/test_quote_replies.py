"""A paid repair's quote waits for 「确认」 (seed §五(2)). What tenants write instead — 好的,
可以 修吧, 180太贵了吧, 能便宜点吗 — spends no money and opens no ticket: it is noted for the
desk and the quote's instruction is said again."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

import workflow
from models import Role, Status, Ticket
from workflow.phrasebook import phrase

QUOTE = dict(number=None, description="更换电容", amount="180.00")


def quoted(wechat, session, site, make):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-quote", "我是刘芳，电话13912345678，L3-008空调不制冷")
    ticket = session.scalars(sa.select(Ticket)).one()
    workflow.dispatch(session, ticket, desk)
    workflow.quote(session, ticket, desk, amount="180", description="更换电容")
    session.commit()
    return ticket


@pytest.mark.parametrize("said", ["好的", "行", "可以 修吧", "那就修吧", "180太贵了吧", "能便宜点吗", "什么配件要180",
                                  "换的什么零件", "我要问一下老板 晚点回复你", "考虑一下"])
def test_words_about_the_quote_repeat_its_instruction_and_spend_nothing(wechat, session, site, make, said):
    ticket = quoted(wechat, session, site, make)
    reply = wechat.say("o-quote", said)
    assert reply == phrase("notify_quote", site, **{**QUOTE, "number": ticket.number})
    session.expire_all()
    assert ticket.status == Status.QUOTED and ticket.quote_accepted is None
    assert [e.note for e in ticket.events if e.action == "note"] == [f"租户就报价回复：{said}"]
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 1


def test_the_explicit_word_still_accepts(wechat, session, site, make):
    ticket = quoted(wechat, session, site, make)
    assert wechat.say("o-quote", "确认") == phrase("quote_accepted")
    session.expire_all()
    assert ticket.status == Status.IN_PROGRESS and ticket.quote_accepted is True


def test_a_new_report_while_a_quote_waits_is_its_own_ticket(wechat, session, site, make):
    quoted(wechat, session, site, make)
    wechat.say("o-quote", "卫生间水龙头一直滴水 可以来看看吗")
    codes = session.scalars(sa.select(Ticket.code).order_by(Ticket.id)).all()
    assert codes == ["ENG-HVAC", "ENG-PLUMB"]


def test_thanks_with_no_quote_waiting_is_goodbye(wechat, session, site):
    wechat.say("o-bye", "我是刘芳，电话13912345678，L3-008空调不制冷")
    assert wechat.say("o-bye", "好的") == phrase("goodbye")


@pytest.mark.parametrize("said", ["师傅说要120 能便宜点吗", "120块有点贵啊"])
def test_the_quotes_amount_is_the_price_not_an_emergency_number(wechat, session, site, make, said):
    """With a quote of 120 waiting, 「师傅说要120 能便宜点吗」 was an urgent ticket for 安保部
    with the ambulance advice; the amount written out is the price."""
    ticket = quoted(wechat, session, site, make)
    ticket.quote_amount = 120
    session.commit()
    reply = wechat.say("o-quote", said)
    assert reply == phrase("notify_quote", site, **{**QUOTE, "number": ticket.number, "amount": "120.00"})
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 1


def test_an_emergency_beside_the_quotes_amount_is_still_one(wechat, session, site, make):
    ticket = quoted(wechat, session, site, make)
    ticket.quote_amount = 120
    session.commit()
    wechat.say("o-quote", "快叫120 师傅从梯子上摔下来了")
    urgent = session.scalars(sa.select(Ticket).where(Ticket.urgent.is_(True))).all()
    assert len(urgent) == 1 and urgent[0].id != ticket.id


@pytest.mark.parametrize("said", ["那好吧 确认", "好吧确认"])
def test_assent_with_the_explicit_word_accepts(wechat, session, site, make, said):
    ticket = quoted(wechat, session, site, make)
    assert wechat.say("o-quote", said) == phrase("quote_accepted")
    session.expire_all()
    assert ticket.quote_accepted is True


@pytest.mark.parametrize("said", ["不同意 太贵了 我自己找人修", "不要了，我们自己买个锁换"])
def test_the_refusal_said_first_with_reasons_declines(wechat, session, site, make, said):
    ticket = quoted(wechat, session, site, make)
    assert wechat.say("o-quote", said) == phrase("quote_declined")
    session.expire_all()
    assert ticket.quote_accepted is False and f"租户就报价回复：{said}" in [e.note for e in ticket.events]


def test_a_refusal_word_before_an_emergency_declines_nothing(wechat, session, site, make):
    ticket = quoted(wechat, session, site, make)
    wechat.say("o-quote", "不行 水管爆了 水喷得到处都是")
    session.expire_all()
    assert ticket.quote_accepted is None
    assert session.scalars(sa.select(Ticket.urgent).order_by(Ticket.id)).all() == [False, True]
