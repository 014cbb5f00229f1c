"""Conversations sent through the webhook as tenants would (8 December): the fix told back
after the engineer marked the job done, a question about the help for an emergency just
reported, the delay's wait said back in surprise, and a shop named as where an emergency is."""
from __future__ import annotations

from datetime import timedelta

import pytest

import workflow
from models import Role, utcnow
from tests.bot.conftest import notes, tickets
from workflow.phrasebook import phrase

KNOWN = "L1-006 周敏 13900002222"


def _completed(wechat, session, site, make, openid, fault):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    make.staff(Role.SUPERVISOR, "客服部", sites=[site])
    wechat.say(openid, KNOWN)
    wechat.say(openid, fault)
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    workflow.complete(session, ticket, desk, work_done="已处理", site_cleaned=True)
    session.commit()
    return ticket


@pytest.mark.parametrize("fault", ["店里天花板在滴水 货都湿了 快来", "水龙头坏了"])
@pytest.mark.parametrize("told", ["好了谢谢", "可以了 辛苦师傅了", "嗯嗯 没问题了👍", "OK了 谢谢👍", "妥了 辛苦"])
def test_the_fix_told_after_completion_is_acknowledged(wechat, session, site, make, fault, told):
    ticket = _completed(wechat, session, site, make, "o-fixed", fault)
    reply = wechat.say("o-fixed", told)
    assert tickets(session) == [ticket]
    assert phrase("completion_acknowledged", number=ticket.number) in reply
    assert phrase("help_coming") not in reply and f"租户告知已修好：{told}" in notes(ticket)


def test_fine_words_before_completion_are_no_acknowledgement(wechat, session, site, make):
    wechat.say("o-early", KNOWN)
    wechat.say("o-early", "水龙头坏了")
    reply = wechat.say("o-early", "好了谢谢")
    [ticket] = tickets(session)
    assert phrase("completion_acknowledged", number=ticket.number) not in reply


@pytest.mark.parametrize("asked", ["快点 报警了没有", "叫救护车了吗？", "你们报警了吗"])
def test_the_help_for_an_emergency_asked_goes_on_it(wechat, session, site, asked):
    wechat.say("o-fight", "有人打架了！！！在一楼中庭 有人流血了")
    reply = wechat.say("o-fight", asked)
    [ticket] = tickets(session)
    assert ticket.urgent and f"租户询问：{asked}" in notes(ticket)
    assert phrase("help_coming") in reply and ticket.number in reply and phrase("ask_name") in reply


def test_the_police_asked_about_with_no_emergency_is_no_note(wechat, session, site):
    wechat.say("o-calm", KNOWN)
    wechat.say("o-calm", "水龙头坏了")
    wechat.say("o-calm", "报警了吗")
    assert not any("租户询问" in n for t in tickets(session) for n in notes(t))


@pytest.mark.parametrize("echoed", ["要等两天啊？？那这两天怎么办 一直滴", "还得等3天？", "要等一个星期啊"])
def test_the_delay_echoed_in_surprise_is_answered_with_its_reason(wechat, session, site, make, echoed):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-delay", KNOWN)
    wechat.say("o-delay", "水龙头坏了一直滴水")
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    workflow.delay(session, ticket, desk, reason="配件要从厂家调货", new_eta=utcnow() + timedelta(days=2))
    session.commit()
    reply = wechat.say("o-delay", echoed)
    assert "配件要从厂家调货" in reply and f"租户询问延期：{echoed}" in notes(ticket)


@pytest.mark.parametrize("where", ["就现在 在二楼 L2-018门口", "L2-018旁边", "在L1-005对面那里"])
def test_a_shop_named_as_the_emergencys_place_is_not_the_tenants(wechat, session, site, where):
    wechat.say("o-thief", "有小偷！！有人在撬隔壁店的卷帘门")
    reply = wechat.say("o-thief", where)
    [ticket] = tickets(session)
    assert f"租户补充：{where}" in notes(ticket) and phrase("help_coming") in reply
    assert phrase("ask_unit", site) in reply  # still not told where the tenant's own shop is
    wechat.say("o-thief", "L3-008 孙丽 13733334444")
    [ticket] = tickets(session)
    assert (ticket.complainant, ticket.phone) == ("孙丽", "13733334444")


def test_a_phone_told_with_the_emergencys_place_is_saved_without_that_shop(wechat, session, site):
    wechat.say("o-thief", "有人在撬隔壁的门 快来")
    reply = wechat.say("o-thief", "13733334444 就在L2-018门口")
    [ticket] = tickets(session)
    assert ticket.phone == "13733334444" and ticket.unit_code != "L2-018"
    assert phrase("ask_unit", site) in reply and "租户补充：13733334444 就在L2-018门口" in notes(ticket)


def _quoted(wechat, session, site, make, openid, amount, fault="空调不制冷", description="更换电容"):
    """A known tenant's `fault`, dispatched and quoted at `amount`: the bot waits for 「确认」."""
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say(openid, KNOWN)
    wechat.say(openid, fault)
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    workflow.quote(session, ticket, desk, amount=amount, description=description)
    session.commit()
    return ticket


@pytest.mark.parametrize("asked", ["60块包括材料吗", "60块含材料不",
                                   "师傅说的60块是包括材料和人工的吧 不会另外再收钱吧"])
def test_a_question_naming_the_quotes_amount_goes_on_the_quote(wechat, session, site, make, asked):
    ticket = _quoted(wechat, session, site, make, "o-quote", "60", "地漏堵了 水下不去", "疏通地漏")
    reply = wechat.say("o-quote", asked)
    assert tickets(session) == [ticket] and f"租户就报价回复：{asked}" in notes(ticket)
    assert reply == phrase("notify_quote", site, number=ticket.number, description="疏通地漏", amount="60.00")


def test_another_thing_named_beside_the_quotes_amount_is_its_own_report(wechat, session, site, make):
    _quoted(wechat, session, site, make, "o-quote", "60", "地漏堵了 水下不去", "疏通地漏")
    wechat.say("o-quote", "60块我再想想 另外门口的灯也不亮了")
    assert [t.code for t in tickets(session)] == ["ENG-PLUMB", "ENG-ELEC"]


@pytest.mark.parametrize("fault, still", [("空调不制冷", "还是热 一点冷风都没有"), ("空调不制冷", "还是一样 没什么变化"),
                                          ("厕所灯坏了", "灯还是黑的")])
def test_the_fault_still_there_in_other_words_is_no_bare_note(wechat, session, site, make, fault, still):
    ticket = _completed(wechat, session, site, make, "o-still", fault)
    reply = wechat.say("o-still", still)
    session.expire_all()
    assert tickets(session) == [ticket] and ticket.supervisor_flag
    assert phrase("still_faulty", number=ticket.number) in reply


@pytest.mark.parametrize("asked", ["我今天不在店里 明天上午来修可以吗", "周六上午派个师傅过来看看可以吗",
                                   "我现在不在 晚上来修好吗", "明天早上来修行不行"])
def test_a_visit_asked_for_another_day_is_not_told_todays_time(wechat, session, site, make, asked):
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    wechat.say("o-later", KNOWN)
    wechat.say("o-later", "空调滴水")
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk)
    session.commit()
    reply = wechat.say("o-later", asked)
    assert tickets(session) == [ticket] and any(asked in n for n in notes(ticket))
    assert "今天" not in reply.replace(asked, "") and ticket.number in reply


@pytest.mark.parametrize("praise", ["师傅人很好 很快就修好了", "小王师傅真专业 一下就搞定了", "太感谢了 终于修好了 师傅辛苦"])
def test_a_praise_telling_the_fix_after_completion_acknowledges_it(wechat, session, site, make, praise):
    ticket = _completed(wechat, session, site, make, "o-praise", "水龙头坏了")
    reply = wechat.say("o-praise", praise)
    assert tickets(session) == [ticket] and f"租户告知已修好：{praise}" in notes(ticket)
    assert reply.splitlines() == [phrase("completion_acknowledged", number=ticket.number), phrase("praise_thanks")]


@pytest.mark.parametrize("text, codes", [
    ("卫生间漏水 还有门口灯也坏了 空调也不太冷", ["ENG-PLUMB", "ENG-ELEC", "ENG-HVAC"]),
    ("空调不制冷 另外门锁坏了，灯也不亮", ["ENG-HVAC", "ENG-DOOR", "ENG-ELEC"]),
    ("网络断了 还有排风扇不转 水龙头也在滴水", ["ENG-WEAK", "ENG-HVAC", "ENG-PLUMB"]),
])
def test_a_clause_with_a_thing_of_its_own_after_an_added_problem_is_one_more(wechat, session, site, text, codes):
    wechat.say("o-more", KNOWN)
    wechat.say("o-more", text)
    assert [t.code for t in tickets(session)] == codes, [(t.code, t.content) for t in tickets(session)]


def test_a_clause_before_any_added_problem_stays_with_the_first(wechat, session, site):
    wechat.say("o-lift", "电梯困人了 灯也灭了")
    assert len(tickets(session)) == 1


@pytest.mark.parametrize("settled", ["不用了 谢谢 我问到了", "我已经问清楚了 不用回复了", "没事了 我自己查到了"])
def test_a_question_settled_elsewhere_is_called_off_not_noted(wechat, session, site, settled):
    wechat.say("o-asked", KNOWN)
    wechat.say("o-asked", "物业费发票怎么开")
    reply = wechat.say("o-asked", settled)
    [ticket] = tickets(session)
    assert phrase("cancel_noted", number=ticket.number) in reply
    assert any(n.startswith("租户表示不需要继续处理") for n in notes(ticket))


def test_a_repair_is_not_called_off_by_a_question_answered(wechat, session, site):
    wechat.say("o-fixit", KNOWN)
    wechat.say("o-fixit", "水龙头坏了")
    reply = wechat.say("o-fixit", "我问到了 是阀门的问题")
    [ticket] = tickets(session)
    assert phrase("cancel_noted", number=ticket.number) not in reply


@pytest.mark.parametrize("refused", ["180太贵了 我不修了", "这么贵啊 那不修了", "要180？算了不换了"])
def test_a_refusal_after_the_price_declines_the_quote(wechat, session, site, make, refused):
    ticket = _quoted(wechat, session, site, make, "o-no", "180")
    reply = wechat.say("o-no", refused)
    session.expire_all()
    assert reply == phrase("quote_declined") and ticket.quote_accepted is False
    assert f"租户就报价回复：{refused}" in notes(ticket)


@pytest.mark.parametrize("hours", ["大概几点到几点可以用", "几点到几点能进货", "一般几点到10点开放"])
def test_hours_asked_after_a_question_are_no_progress_asked(wechat, session, site, hours):
    wechat.say("o-hours", KNOWN)
    wechat.say("o-hours", "明天我们要进货 货梯能用吗")
    reply = wechat.say("o-hours", hours)
    assert "待派单" not in reply and any(hours in (t.content + "".join(notes(t))) for t in tickets(session))
