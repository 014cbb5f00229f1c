"""A message that goes on from the report just made (or the one we hold while we ask who
the tenant is) and names nothing of its own: when to come (最好是晚上来 白天要营业), or words
the classifier counts toward a code though they name no thing (有小孩在旁边玩 很危险 is a noise
complaint by 旁边; 里面好热 喘不过气 in the lift just reported an air-conditioning repair by 热).
Read alone, each opened a ticket of its own beside the report."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

import workflow
from bot.dialog import emergencies, intents
from bot.dialog.identity import apply_identity, held_report, hold_words, remind_identity, ticket_opened_at_once
from bot.dialog.tickets import ask_who_still, newest_open, note
from bot.identity import Identity, find_phone
from models import Ticket
from nlp import taxonomy
from workflow.held_reports import AWAITING_IDENTITY

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


_ASKED = re.compile(r"[?？]|(?:吗|么|嘛|没有?)$")
# When it happened, not when to come (昨天晚上的事 今天早上来才发现, 早上来店里才看到)
_HAPPENED = re.compile(r"的事|发现|发生|才看到|看到的|出的事|坏的|弄的")


def _report_before(turn: Turn) -> tuple[Optional[Ticket], str]:
    """The ticket the message would go on (the one opened at once while we ask who, else
    the newest open one) and the words of what was reported (those we hold, if any)."""
    held = held_report(turn)
    ticket = ticket_opened_at_once(turn) if turn.conv.state == AWAITING_IDENTITY else None
    ticket = ticket or (None if held else newest_open(turn))
    words = " ".join((held or {}).get("texts") or []) or (ticket.content if ticket is not None else "")
    return ticket, words


def _own_thing(text: str, reported: str) -> bool:
    """The message names a thing the report does not (水管 after 马桶堵了), or a place."""
    bare = intents.bare(text)
    return emergencies.names_a_place(bare) or not (
        set(intents.FAULT_OBJECT.findall(bare)) <= set(intents.FAULT_OBJECT.findall(reported)))


def visit_time(turn: Turn, text: str, result) -> bool:
    """「最好是晚上来 白天要营业」 after a report: when to come, a note on that report (or with
    the report we hold) and a courteous word, not an inquiry for the desk to answer."""
    bare = intents.bare(text)
    if result.urgent or not intents.VISIT_TIME.search(bare) or _ASKED.search(text) or _ASKED.search(bare):
        return False  # 明天上午10点前能来吗 asks: it goes on the report as the tenant's words (follow_up)
    if _HAPPENED.search(bare):
        return False
    ticket, reported = _report_before(turn)
    if not reported or _own_thing(text, reported):
        return False
    return _on_report(turn, ticket, text, f"租户希望的上门时间：{text}", "visit_time_noted")


def _on_report(turn: Turn, ticket: Optional[Ticket], text: str, note_text: str, said: str) -> bool:
    """Noted on the report it goes on, the tenant told so; with the report we hold while we
    ask who is writing, if none is open yet."""
    if ticket is None:
        hold_words(turn, text)
        remind_identity(turn)
        return True
    note(turn, ticket, note_text)
    turn.say(said, number=ticket.number)
    ask_who_still(turn)
    return True


# Where what was reported comes from (从配电房出来的, 是从楼上漏下来的, 从后门飘进来的): the
# report's source, whatever the place's own code (配电房 reads as wiring); matched on bare().
_SOURCE = re.compile(r"(?:是|好像是|应该是)?从[\u4e00-\u9fffa-z0-9]{1,12}?(?:冒|飘|传|流|渗|漏|溢|喷|跑|窜)?"
                     r"(?:出来|过来|下来|进来|上来)的?(?:吧|啊|呀|哦)?")


def read_as_going_on(turn: Turn, text: str, result):
    """The classifier's reading; or, when the message goes on from a report and its code
    rests only on words that name no thing (where: 旁边, 隔壁; inside an emergency, how it
    feels: 好热) or it tells only where the trouble comes from (从配电房出来的), a reading of no
    code, which the dialog puts with that report."""
    if result.code == taxonomy.OTHER:
        return result
    if not result.urgent and _SOURCE.fullmatch(intents.bare(text)):
        return replace(result, code=taxonomy.OTHER, category="OTHER", intent="other") \
            if _report_before(turn)[1] else result
    words = set(w for w in result.evidence if "：" not in w and "≈" not in w)  # not a similar case, a homophone
    if not words or not words <= intents.NO_THING | intents.FELT:  # the words first: most messages need no query
        return result
    ticket, reported = _report_before(turn)
    if not reported:
        return result
    no_thing = intents.NO_THING | (intents.FELT if ticket is not None and ticket.urgent else frozenset())
    if not words <= no_thing or _own_thing(text, reported):
        return result
    return replace(result, code=taxonomy.OTHER, category="OTHER", intent="other")


# How to get in or reach the tenant for the visit (钥匙在隔壁店, 来之前先打个电话, 我下午不在店里)
_ACCESS = re.compile(r"钥匙(在|放|交给|找)|(来|到|上门)之前.{0,4}(打|联系|通知)|到了.{0,3}(打|联系|给我)|"
                     r"(我|店里|家里|店里面)(下午|上午|晚上|中午|今天|明天)?(不在|没人)|找(隔壁|前台|保安)(拿|开)")
# ... or a new number to call (号码换了 新号码136…)
_NEW_NUMBER = re.compile(r"(号码|电话|手机)(号)?(换|改)了|换(了|个|一个)?(号码|电话|手机)|新(的)?(号码|电话|手机)|"
                         r"(号码|电话|手机)(号)?(改成|换成|改为)")
# a fault told beside it is a report of its own
_FAULT_TOLD = re.compile(r"坏|漏|堵|不亮|不转|不通|不制冷|不制热|跳闸|停电|停水|断了|裂|掉了|冒|烧|臭|吵")


def visit_arranged(turn: Turn, text: str, result) -> bool:
    """「钥匙在隔壁店」, 「麻烦师傅来之前先打个电话」 or 「号码换了 新号码136…」 after a report: how
    to get in or whom to call, a note on that report (the new number on it too) and a
    courteous word. Each opened a ticket of its own (钥匙 a lock repair, 打电话 a grievance)."""
    bare = intents.bare(text)
    number = find_phone(text) if _NEW_NUMBER.search(bare) else None
    if result.urgent or not (number or _ACCESS.search(bare)) or _FAULT_TOLD.search(bare):
        return False
    ticket, reported = _report_before(turn)
    if ticket is None or not reported:
        return False
    if number:
        apply_identity(turn, Identity(phone=number))
        workflow.update_contact(turn.session, ticket, None, phone=number)
    note(turn, ticket, f"租户补充上门安排：{text}")
    turn.say("visit_arranged", number=ticket.number)
    return True


# What to do now, asked right after a report (我们要下班了 怎么办, 那现在怎么办啊): the tenant's
# situation for the responders, not a question for the desk. Matched against bare() text.
_WHAT_TO_DO = re.compile(r"(?:怎么办|咋办|怎么弄|咋弄|怎么处理|该怎么做)(?:啊|呀|呢|哦|吧)?$")


def what_to_do(turn: Turn, text: str, result) -> bool:
    """「我们要下班了 怎么办」 after 「卷帘门坏了 锁不上」: noted on that report, the tenant told
    help is coming (and again what to do meanwhile, for an emergency); each opened a
    question's ticket of its own for the desk."""
    bare = intents.bare(text)
    if result.urgent or not _WHAT_TO_DO.search(bare) or _FAULT_TOLD.search(bare):
        return False
    ticket, reported = _report_before(turn)
    if not reported or _own_thing(text, reported):
        return False
    if ticket is not None and ticket.urgent:
        turn.say("help_coming")
        if advice := emergencies.advice(ticket.content, ticket.evidence or []):
            turn.say(advice)
    return _on_report(turn, ticket, text, f"租户补充：{text}", "what_to_do_noted")


# CCTV footage asked for (监控能调吗, 能帮我查一下录像吗, 调一下监控): to see what happened, not a
# camera out of order (监控坏了, 摄像头不亮). Matched against bare() text.
_FOOTAGE = re.compile(r"(?:调|查|看|翻|回放|调取|查看)(?:一下|下|看)?(?:监控|录像)|(?:监控|录像)(?:能|可以|能不能|可不可以)?"
                      r"(?:调|查|看|回放|调取|查看)")


def footage_asked(turn: Turn, text: str, result) -> bool:
    """「监控能调吗」 after 「昨天晚上有人把我车划了」: the footage asked for, on that report, for
    the guards who look (the classifier reads 监控 as a camera to repair)."""
    if result.urgent or not _FOOTAGE.search(intents.bare(text)):
        return False
    ticket, reported = _report_before(turn)
    if not reported:
        return False
    return _on_report(turn, ticket, text, f"租户要求调取监控：{text}", "footage_noted")


# A guess at the cause of what was just reported (是不是楼上的空调, 可能是楼上邻居家的): what staff
# check first, so it goes on that report; a guess that tells a fault of its own (好像是电梯又坏了)
# without asking is a report. Matched against bare() text.
_GUESS = re.compile(r"^(?:我)?(?P<asked>是不是|会不会是)|^(?:我)?(?:可能是|估计是|应该是|怀疑是|好像是|大概是|感觉是|我猜是|我觉得是)")
_GUESS_MAX = 20


def cause_guessed(turn: Turn, text: str, result) -> bool:
    bare = intents.bare(text)
    guess = _GUESS.match(bare)
    if result.urgent or guess is None or len(bare) > _GUESS_MAX or (
            not guess.group("asked") and _FAULT_TOLD.search(bare)):
        return False
    ticket, reported = _report_before(turn)
    if not reported:
        return False
    return _on_report(turn, ticket, text, f"租户推测原因：{text}", "joined_ticket")
