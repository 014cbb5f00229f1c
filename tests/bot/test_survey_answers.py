"""How tenants answer 「请问您对工单…满意吗？请回复1-5分」 in chat: in digits, stars and
the five levels in words; and a new report that opens with a floor's number is no score."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Status, Ticket
from tests.bot.conftest import closed_with_survey
from workflow.phrasebook import phrase
from workflow.surveys import parse_chat_answer


@pytest.mark.parametrize("text, answer", [
    ("5", (5, "")), ("4 师傅很快", (4, "师傅很快")), ("5分", (5, "")), ("5星", (5, "")),
    ("打五分", (5, "")), ("给4星", (4, "")), ("还行 4分", (4, "还行")), ("⭐⭐⭐⭐⭐", (5, "")),
    ("⭐\ufe0f⭐\ufe0f⭐\ufe0f", (3, "")),  # the emoji keyboard's stars, each with a variation selector
    ("非常满意", (5, "")), ("很满意 谢谢", (5, "谢谢")), ("满意", (4, "")), ("一般", (3, "")),
    ("不满意 空调还是不制冷", (2, "空调还是不制冷")), ("非常不满意", (1, "")),
])
def test_a_score_in_digits_stars_or_words(text, answer):
    assert parse_chat_answer(text) == answer


@pytest.mark.parametrize("text", [
    "2楼厕所堵了", "1楼卫生间漏水", "3号铺漏水",  # a report that opens with a number
    "5分钟就到了 很快", "满意度调查是什么", "4.5", "10分", "空调不制冷",
])
def test_no_score(text):
    assert parse_chat_answer(text) is None


def test_very_satisfied_in_words_is_a_five(wechat, session, site, make):
    ticket, survey = closed_with_survey(wechat, session, site, make)
    assert wechat.say("o-survey", "非常满意 师傅很专业") == phrase("survey_thanks")
    session.expire_all()
    assert (survey.score, survey.comment, survey.answer_channel) == (5, "师傅很专业", "chat")
    assert ticket.status == Status.CLOSED


def test_a_report_opening_with_a_floor_is_no_score_and_leaves_the_survey_open(wechat, session, site, make):
    ticket, survey = closed_with_survey(wechat, session, site, make)
    wechat.say("o-survey", "2楼厕所堵了")
    session.expire_all()
    assert survey.score is None and ticket.status == Status.CLOSED
    report = session.scalars(sa.select(Ticket).order_by(Ticket.id.desc())).first()
    assert report.id != ticket.id and report.code == "ENG-PLUMB"


@pytest.mark.parametrize("text, answer", [
    ("满分", (5, "")), ("好评 师傅很耐心", (5, "师傅很耐心")), ("太棒了", (5, "")), ("非常好", (5, "")),
    ("挺好的", (4, "")), ("很好 谢谢", (4, "谢谢")), ("不错", (4, "")), ("还不错", (4, "")), ("蛮好", (4, "")),
    ("凑合", (3, "")), ("马马虎虎吧", (3, "")), ("还好", (3, "")),
    ("不太好", (2, "")), ("不怎么样", (2, "")),
    ("差评", (1, "")), ("很差 修了两次还漏", (1, "修了两次还漏")), ("太差了", (1, "")),
])
def test_a_score_in_everyday_words(text, answer):
    assert parse_chat_answer(text) == answer


@pytest.mark.parametrize("text", ["好的", "不错的师傅是哪位", "很好奇你们几点下班", "好多蚊子"])
def test_everyday_words_that_are_no_score(text):
    assert parse_chat_answer(text) is None


def test_a_poor_mark_in_words_reopens_the_ticket(wechat, session, site, make):
    ticket, survey = closed_with_survey(wechat, session, site, make)
    assert wechat.say("o-survey", "差评 修了两次还是不制冷") == phrase("survey_sorry")
    session.expire_all()
    assert (survey.score, survey.comment) == (1, "修了两次还是不制冷")
    assert ticket.status == Status.REOPENED


@pytest.mark.parametrize("answer", ["3分 师傅来得太晚了", "4分 就是来得有点晚 等了半天"])
def test_a_middling_score_with_a_grievance_is_thanked_with_an_apology(wechat, session, site, make, answer):
    ticket, survey = closed_with_survey(wechat, session, site, make)
    assert wechat.say("o-survey", answer) == phrase("survey_thanks_sorry")
    session.expire_all()
    assert ticket.status == Status.CLOSED and survey.comment


def test_a_grievance_told_after_the_score_is_apologised_for(wechat, session, site, make):
    closed_with_survey(wechat, session, site, make)
    assert wechat.say("o-survey", "3") == phrase("survey_thanks")
    assert wechat.say("o-survey", "师傅来得太晚了") == phrase("survey_thanks_sorry")
