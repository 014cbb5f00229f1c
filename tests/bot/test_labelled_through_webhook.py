"""The project's labelled texts through the real webhook. Every emergency the classifier
recognises opens its own urgent ticket at once, whatever the conversation was doing: a
stranger's first message, a known tenant with an ordinary open ticket of the same code, a
tenant we are still asking who they are. No text that says something is answered
「没有听清楚」. The classifier's accuracy is measured by `python -m nlp evaluate`; this
tests that the dialog keeps what it recognises."""
from __future__ import annotations

import sqlalchemy as sa

import nlp
from models import Status, Tenant, Ticket
from nlp.labelled import all_public
from workflow.phrasebook import phrase

UNCLEAR = "没有听清楚"
# Every 3rd text of each state (offset by state), so the three states together cover all
# recognised emergencies once without tripling the suite's time.
STATES = 3


def recognised_emergencies() -> list[str]:
    return [row["text"] for row in all_public() if row["urgent"] and nlp.classify(row["text"]).urgent]


def emergencies_for(state: int) -> list[str]:
    texts = recognised_emergencies()
    assert len(texts) > 200  # the public files hold ~300 urgent texts: a loading bug would pass vacuously
    return texts[state::STATES]


def ticket_count(session) -> int:
    session.expire_all()
    return session.scalar(sa.select(sa.func.count(Ticket.id)))


def newest_ticket(session, openid: str) -> Ticket:
    return session.scalars(sa.select(Ticket).join(Ticket.tenant).where(Tenant.openid == openid)
                           .order_by(Ticket.id.desc())).first()


def assert_urgent_ticket_opened(session, openid: str, text: str, reply: str, before: int) -> Ticket:
    assert ticket_count(session) == before + 1, f"no new ticket for: {text}"
    ticket = newest_ticket(session, openid)
    assert ticket.urgent and ticket.status == Status.DISPATCHED, text
    assert ticket.number in reply and "30分钟" in reply and UNCLEAR not in reply, (text, reply)
    return ticket


def test_a_strangers_first_message_that_is_an_emergency_is_dispatched_at_once(wechat, session, site):
    for n, text in enumerate(emergencies_for(0)):
        before = ticket_count(session)
        reply = wechat.say(f"o-new-{n}", text)
        assert_urgent_ticket_opened(session, f"o-new-{n}", text, reply, before)


def test_an_emergency_from_a_tenant_with_an_ordinary_ticket_open_is_urgent_at_once(wechat, session, site):
    """Its own urgent ticket, or, when it names no thing but the ordinary report's
    (空调外机冒烟了 after 空调风有点小), that report turned urgent: never a note on it."""
    for n, text in enumerate(emergencies_for(1)):
        openid = f"o-known-{n}"
        wechat.say(openid, "我是李娜，L3-008，电话13900002222")
        code = nlp.classify(text).code
        before = ticket_count(session)
        ordinary = wechat.say(openid, ORDINARY.get(code, ORDINARY_DEFAULT))
        assert ticket_count(session) == before + 1, ordinary
        reply = wechat.say(openid, text)
        turned = ticket_count(session) == before + 1  # the ordinary report turned urgent
        assert_urgent_ticket_opened(session, openid, text, reply, before if turned else before + 1)


def test_an_emergency_while_we_ask_who_the_tenant_is_opens_its_own_urgent_ticket(wechat, session, site):
    for n, text in enumerate(emergencies_for(2)):
        openid = f"o-held-{n}"
        asked = wechat.say(openid, "卫生间的水龙头有点松 有空来看看")  # held until we know who this is
        assert phrase("ask_name") in asked
        before = ticket_count(session)
        reply = wechat.say(openid, text)
        assert ticket_count(session) > before, (text, reply)
        urgent = newest_ticket(session, openid)
        assert urgent.urgent and urgent.number in reply, (text, reply)
        assert urgent.content.strip() == text.strip() and urgent.status == Status.DISPATCHED, text


def test_no_labelled_text_that_says_something_is_answered_not_heard(wechat, session, site):
    rows = [row for row in all_public() if row["intent"] != "other"]  # "other": emoji, "？", "[语音]"
    assert len(rows) > 2000
    unheard = [row["text"] for n, row in enumerate(rows) if UNCLEAR in wechat.say(f"o-said-{n}", row["text"])]
    assert unheard == []


# An ordinary, calm report of the same code as the emergency that follows, so the
# emergency could be mistaken for a follow-up of it.
ORDINARY_DEFAULT = "店里墙上的油漆有点掉皮 有空来看看"
ORDINARY = {
    "ENG-LIFT": "电梯按钮有一个不太灵 有空来看看",
    "ENG-PLUMB": "卫生间水龙头有点松 有空来拧一下",
    "ENG-LEAK": "墙角有一块旧水渍 有空来看看",
    "ENG-ELEC": "店里有一盏灯有点闪 有空来换一下",
    "ENG-DOOR": "店门把手有点松 有空来看看",
    "ENG-HVAC": "空调风有点小 有空来看看",
    "SEC-SAFE": "晚上巡逻的保安能不能多来几次 不急",
    "SEC-FIRE": "消防通道口堆了几个纸箱 有空清一下",
}
