"""The bot answers from the centre's 问答 at once and still records the message; a question
it cannot answer goes to a person as an SVC-INFO ticket with 「对不起，我来问一下。」, as
before; a report is never taken for a question."""
from __future__ import annotations

import sqlalchemy as sa

from models import AskedQuestion, FaqEntry, Message, Ticket
from workflow.phrasebook import phrase

ANSWER = "可以的，前台（B1层服务中心）代收快递，请凭取件码领取。"


def entry(session, site, question="快递可以放前台代收吗", phrasings=("前台能代收快递吗",), active=True):
    made = FaqEntry(site_id=site.id, question=question, phrasings=list(phrasings), answer=ANSWER, active=active)
    session.add(made)
    session.commit()
    return made


def test_a_known_question_is_answered_at_once_and_recorded(wechat, session, site):
    faq = entry(session, site)
    reply = wechat.say("o-asker", "快地可以放钱台代收吗")  # typed with the pinyin keyboard's homophones
    assert reply == f"{phrase('greeting', site)}\n{ANSWER}"  # a first message: greeted first
    assert wechat.say("o-asker", "前台能代收快递吗？") == ANSWER
    message = session.scalars(sa.select(Message).where(Message.openid == "o-asker").order_by(Message.id)).first()
    assert message.content == "快地可以放钱台代收吗" and message.reply == reply and message.ticket_id is None
    asked = session.scalars(sa.select(AskedQuestion).order_by(AskedQuestion.id)).all()
    assert [(a.entry_id, a.ticket_id, a.text) for a in asked] == [(faq.id, None, "快地可以放钱台代收吗"),
                                                                   (faq.id, None, "前台能代收快递吗？")]
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 0


def test_a_question_it_cannot_answer_goes_to_a_person_as_before(wechat, session, site):
    entry(session, site)
    reply = wechat.say("o-asker", "请问周六上班吗")
    assert phrase("check_first") in reply  # 对不起，我来问一下。
    ticket = session.scalar(sa.select(Ticket))
    assert ticket.code == "SVC-INFO" and ticket.content == "请问周六上班吗" and ticket.number in reply
    asked = session.scalar(sa.select(AskedQuestion))
    assert asked.entry_id is None and asked.ticket_id == ticket.id and asked.text == "请问周六上班吗"
    message = session.scalar(sa.select(Message).where(Message.openid == "o-asker"))
    assert message.ticket_id == ticket.id


def test_a_switched_off_entry_answers_nothing(wechat, session, site):
    entry(session, site, active=False)
    assert phrase("check_first") in wechat.say("o-asker", "快递可以放前台代收吗")
    assert session.scalar(sa.select(Ticket)).code == "SVC-INFO"


def test_a_report_worded_as_a_question_is_still_a_report(wechat, session, site):
    entry(session, site, question="空调几点开", phrasings=("空调什么时候开",))
    reply = wechat.say("o-shop", "我是王建国，电话13800001234，L2-015空调不制冷怎么办")
    ticket = session.scalar(sa.select(Ticket))
    assert ticket.code == "ENG-HVAC" and ticket.number in reply and ANSWER not in reply
    assert session.scalar(sa.select(sa.func.count(AskedQuestion.id))) == 0
    urgent = wechat.say("o-other", "快递可以放前台代收吗？水管爆了水漫出来了快来人")
    assert ANSWER not in urgent and "马上" in urgent


def test_another_sites_entries_do_not_answer(wechat, session, site, make):
    other = make.site("xinyuan", "新源广场物业服务中心", "XY")
    entry(session, other)
    assert phrase("check_first") in wechat.say("o-asker", "快递可以放前台代收吗")
