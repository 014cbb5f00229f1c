"""A tenant writes in pieces: an opener before the report opens no ticket with nothing in it."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Ticket
from workflow.phrasebook import phrase

KNOWN = "我是李娜，L3-008，电话13900002222"


def tickets(session):
    session.expire_all()
    return session.scalars(sa.select(Ticket).order_by(Ticket.id)).all()


def notes(ticket):
    return [e.note for e in ticket.events if e.action == "note"]


@pytest.mark.parametrize("text, prompt", [
    ("我要报修", "menu_repair"), ("报修", "menu_repair"), ("你好，我要报修！", "menu_repair"),
    ("我要投诉", "menu_complaint"), ("想反映个问题", "menu_complaint"), ("我想反映一下情况", "menu_complaint"),
    ("你好 我想问下", "offer_help"), ("请问", "offer_help"), ("咨询一下", "offer_help"),
])
def test_an_opener_is_answered_with_the_prompt_and_opens_no_ticket(wechat, session, site, text, prompt):
    wechat.say("o-opener", KNOWN)
    reply = wechat.say("o-opener", text)
    assert phrase(prompt) in reply
    assert tickets(session) == []


@pytest.mark.parametrize("text, code", [
    ("我要报修 空调不制冷", "ENG-HVAC"), ("我要投诉隔壁装修太吵", "SEC-NOISE"), ("我想问一下物业费怎么交", "FEE-BILL"),
])
def test_an_opener_with_the_report_in_it_opens_the_ticket(wechat, session, site, text, code):
    wechat.say("o-opener", KNOWN)
    wechat.say("o-opener", text)
    [ticket] = tickets(session)
    assert ticket.code == code
