"""A person asked for (转人工, 人工客服, 我要跟真人说话) and the bot asked what it is (你是机器人
吗). 「转人工」 opened a ticket flagged 未能识别, 「人工客服」 was thanked as praise, and 「我要跟
真人说话」 became a complaint about the staff's attitude. A person is what the tenant gets:
the desk is called on the report just made, or a ticket waits on the 待分诊 list."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import workflow
from bot.dialog import intents
from bot.dialog.identity import held_report
from bot.dialog.tickets import flag_for_triage, newest_open, note, register
from nlp.taxonomy import OTHER
from workflow.held_reports import AWAITING_IDENTITY, TRIAGE_NOT_UNDERSTOOD, register_pending

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

TRIAGE_HUMAN_ASKED = "human_asked"
# Matched against bare() text
_HUMAN = re.compile(r"转人工|人工客服|人工服务|人工坐席|找人工|要人工|接人工|^人工$|"
                    r"(?:找|要|转|换|叫|来)(?:个|一个)?(?:真人|活人)(?:客服|服务|坐席)?|真人客服|"
                    r"(?:跟|和|找|让)(?:你们的?)?(?:工作人员|客服人员|值班的人|人|真人|活人)(?:说话|聊|讲|谈|沟通|对话)")
_BOT_ASKED = re.compile(r"^(?:你|您)是(?:不是)?(?:机器人|人工智能|ai|自动回复|真人|人)(?:吗|么|啊|吧|呀)?$|"
                        r"^(?:你|您)是(?:真)?人还是(?:机器|机器人|ai)(?:啊|呀)?$|"
                        r"(?:是不是|是)自动回复|机器人(?:吗|么|在回复)")


def wants_person(bare_text: str) -> bool:
    return bool(_HUMAN.search(bare_text))


def human_asked(turn: Turn, text: str, result) -> bool:
    """The desk is called on the tenant's open report; with none, a ticket of the words for
    the 待分诊 list, where a person answers. Either way the tenant reads a person is coming."""
    if result.urgent or not wants_person(intents.bare(text)):
        return False
    rest = _HUMAN.sub("", intents.bare(text))
    told = turn.classify(rest) if intents.has_substance(rest) else None
    if told is not None and told.code != OTHER and told.intent in ("repair", "complaint"):
        return False  # 空调坏了 转人工: the report opens as any does, and the desk is called with it
    ticket = newest_open(turn)
    if ticket is None and turn.conv.state == AWAITING_IDENTITY and held_report(turn):
        # the report we hold while asking who: opened with what we know, for the person called
        ticket = register_pending(turn.session, turn.site, turn.tenant, turn.keep_conv())
        if ticket is not None and ticket.triage == TRIAGE_NOT_UNDERSTOOD:  # 我是二楼星巴克的, then 转人工
            flag_for_triage(ticket, TRIAGE_HUMAN_ASKED)
    if ticket is not None:
        note(turn, ticket, f"租户要求人工服务：{text}")
    else:
        # no code of its own: 找个真人客服 read as a complaint about the staff would count as one
        ticket = register(turn, text, replace(result, intent="other", category=OTHER, code=OTHER))
        flag_for_triage(ticket, TRIAGE_HUMAN_ASKED)
    workflow.call_desk(turn.session, ticket)  # the desk hears within the minute, not when it next looks
    if turn.first_contact:
        turn.say("greeting", centre=turn.site.name)
    turn.say("human_coming", number=ticket.number)
    return True


def bot_asked(turn: Turn, text: str) -> bool:
    """「你是机器人吗」: what answers, what it can do, and how to reach a person."""
    if not _BOT_ASKED.search(intents.bare(text)):
        return False
    turn.say("bot_introduced")
    return True
