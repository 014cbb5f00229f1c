"""What a tenant says about themselves or their reports after one: a new phone number (换个号码
打这个139…) goes on the ticket for whoever calls back; 「我的工单」 lists the tenant's reports; their own office machine and a move are no service
of ours, the freight lift for the move is."""
from __future__ import annotations

import pytest

from tests.bot.conftest import tickets
from workflow.phrasebook import phrase

KNOWN = "L3-008 王敏 13811112222"


def test_a_new_number_after_a_report_goes_on_it(wechat, session, site):
    wechat.say("o-phone", KNOWN)
    wechat.say("o-phone", "空调不制冷")
    reply = wechat.say("o-phone", "换个号码 打这个13999998888")
    [ticket] = tickets(session)
    assert ticket.phone == "13999998888" and reply == phrase("visit_arranged", site, number=ticket.number)


@pytest.mark.parametrize("asked", ["我的工单", "查一下我的报修"])
def test_the_tenants_reports_asked_for_are_listed(wechat, session, site, asked):
    wechat.say("o-mine", KNOWN)
    wechat.say("o-mine", "空调不制冷")
    reply = wechat.say("o-mine", asked)
    [ticket] = tickets(session)
    assert ticket.number in reply and "空调" in reply


@pytest.mark.parametrize("machine", ["我们的打印机坏了", "电脑开不了机", "投影仪不亮了"])
def test_the_tenants_own_machine_is_no_service_of_ours(wechat, session, site, machine):
    wechat.say("o-machine", KNOWN)
    assert wechat.say("o-machine", machine) == phrase("no_service", site)
    assert tickets(session) == []


@pytest.mark.parametrize("ours", ["电脑的插座没电", "打印机那边的灯不亮"])
def test_a_fault_of_ours_beside_a_machine_is_a_report(wechat, session, site, ours):
    wechat.say("o-machine", KNOWN)
    wechat.say("o-machine", ours)
    assert [t.code for t in tickets(session)] == ["ENG-ELEC"]


def test_the_tenants_machine_on_fire_is_an_emergency(wechat, session, site):
    wechat.say("o-machine", KNOWN)
    wechat.say("o-machine", "打印机冒烟了 有火星")
    [ticket] = tickets(session)
    assert ticket.urgent


def test_fixed_told_after_the_job_was_done_is_no_cancellation(wechat, session, site, make):
    import workflow
    from models import Role

    desk = make.staff(Role.DESK, "客服部", sites=[site])
    engineer = make.staff(Role.ENGINEER, "工程部", sites=[site])
    wechat.say("o-fixed", KNOWN)
    wechat.say("o-fixed", "空调不制冷")
    [ticket] = tickets(session)
    workflow.dispatch(session, ticket, desk, assignee=engineer)
    workflow.complete(session, ticket, engineer, work_done="更换电容", site_cleaned=True)
    session.commit()
    reply = wechat.say("o-fixed", "修好了 谢谢师傅")
    [ticket] = tickets(session)
    assert reply.splitlines() == [phrase("completion_acknowledged", site, number=ticket.number),
                                  phrase("praise_thanks", site)]
    assert [e.note for e in ticket.events if e.action == "note"] == ["租户告知已修好：修好了 谢谢师傅"]


@pytest.mark.parametrize("asked", ["我们公司下周要搬家 货梯能不能预约一下", "搬家那天能不能把后门开一下 方便装卸"])
def test_a_move_is_the_reason_for_a_facility_the_centre_arranges(wechat, session, site, asked):
    """搬家 is no service of ours; the freight lift or the back door for the move is."""
    wechat.say("o-move", KNOWN)
    reply = wechat.say("o-move", asked)
    [ticket] = tickets(session)
    assert phrase("no_service", site) not in reply and ticket.number in reply and ticket.content == asked


@pytest.mark.parametrize("asked", ["能帮我叫个搬家公司吗", "周末有家政服务吗", "请问你们收快递吗", "能帮我收一下快递吗"])
def test_a_service_we_do_not_offer_is_still_referred(wechat, session, site, asked):
    wechat.say("o-move", KNOWN)
    assert wechat.say("o-move", asked) == phrase("no_service", site)
    assert tickets(session) == []
