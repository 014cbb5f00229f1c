"""What the dialog does with the tenant's tickets: opens one, notes a follow-up, a chase
or a cancellation on the newest, flags one for triage, tells its progress."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Optional

import workflow
from bot.dialog import intents
from bot.dialog.identity import (
    held_report,
    hold_words,
    identity_told,
    remember_told,
    remind_identity,
    set_conv,
    ticket_opened_at_once,
)
from bot.dialog.lookup import JOIN_WINDOW, newest_open_since, open_tickets
from bot.dialog.notes import note
from models import Channel, Status, Ticket
from nlp import taxonomy
from workflow.held_reports import AWAITING_IDENTITY, attach_held_media
from workflow.phrasebook import ticket_eta
from workflow.promises import MAX_REASON

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

TRIAGE_CALL_FOR_HELP = "call_for_help"
CANCEL_NOTE = "租户表示不需要继续处理："
# how soon after 「算了」 a tenant may take it back and have the report held again
TAKE_BACK_WITHIN = timedelta(minutes=10)


def flag_for_triage(ticket: Ticket, reason: str) -> None:
    """On the desk's 待分诊 list until a clerk reclassifies or dispatches it."""
    ticket.triage = reason


def register(turn: Turn, text: str, result) -> Ticket:
    ticket = workflow.register(
        turn.session, turn.site, content=text, channel=Channel.WECHAT, tenant=turn.tenant,
        unit_code=(turn.conv.data or {}).get("unit"), classification=result,
    )
    turn.message.ticket = ticket  # the id is filled in when the transaction flushes
    turn.recent_open_ticket = True
    attach_held_media(turn.session, turn.conv, ticket)
    return ticket


def note_on_open_ticket(turn: Turn, note_text: str) -> Optional[Ticket]:
    tickets = open_tickets(turn.session, turn.tenant)
    if not tickets:
        return None
    note(turn, tickets[0], note_text)
    return tickets[0]


def join(turn: Turn, ticket: Ticket, text: str) -> None:
    note(turn, ticket, f"租户补充：{text}")
    turn.say("joined_ticket", number=ticket.number)
    ask_who_still(turn)


def ask_who_still(turn: Turn) -> None:
    """A note or a chase while we still wait for who the tenant is (快来啊, 快点 after an
    emergency): the responders need a name and a phone, so ask again."""
    if turn.conv.state == AWAITING_IDENTITY:
        remind_identity(turn)


def newest_open(turn: Turn) -> Optional[Ticket]:
    """The tenant's newest open ticket, if it is younger than JOIN_WINDOW."""
    if not turn.recent_open_ticket:
        return None
    return newest_open_since(turn.session, turn.tenant, turn.now - JOIN_WINDOW)


def follow_up(turn: Turn, text: str) -> bool:
    """What we cannot classify, right after a report ("明天上午能来吗"), goes on that
    ticket for staff to read, rather than "I did not understand"."""
    ticket = newest_open(turn)
    if ticket is None:
        return False
    # 卫生间漏水, then 现在越来越大了 地上全是水: alone it names nothing, read after the
    # report it tells a danger, and the report turns urgent (not a report staff judged calm)
    if (not ticket.urgent and turn.classify(f"{ticket.content} {text}").urgent
            and not turn.classify(ticket.content).urgent and worsened(turn, ticket, text)):
        return True
    if ticket.urgent:  # 里面好热 喘不过气, in the lift just reported: help is on its way
        turn.say("help_coming")
    join(turn, ticket, text)
    return True


def asks_on(turn: Turn, text: str, result) -> bool:
    """「那停多久」 right after 「请问下周停水吗」: a question that goes on from the one just
    asked and names no topic of its own goes on that question's ticket, for the person
    who answers it, not to a second desk clerk."""
    # 「多少钱」「要交押金吗」 read as billing questions: a price or a fee is no fault of its own
    no_fault = result.code in intents.NO_FAULT_CODES or (
        result.category in ("SVC", "FEE") and not intents.FAULT_OBJECT.search(text))
    if not no_fault or not intents.goes_on(intents.bare(text)):
        return False
    ticket = newest_open(turn)
    if ticket is None or ticket.intent != "inquiry":
        return False
    note(turn, ticket, f"租户追问：{text}")
    turn.say("check_first")
    turn.say("joined_ticket", number=ticket.number)
    return True


def where_the_emergency_is(turn: Turn, text: str) -> bool:
    """「在一楼大厅 快来」 right after 「有人晕倒了」: a call for help naming no fault says where
    the emergency just reported is, on its ticket, for the responders already sent."""
    ticket = newest_open(turn)
    if ticket is None or not ticket.urgent:
        return False
    turn.say("help_coming")
    join(turn, ticket, text)
    return True


def withdraw_held(turn: Turn) -> bool:
    """「算了 不用了」 while we hold a report and ask who the tenant is: nothing was opened,
    and the tenant has taken it back, so nothing is (the words stay in the message log)."""
    held = held_report(turn)
    if ticket_opened_at_once(turn) is not None or not held:
        return False
    set_conv(turn, "idle", withdrawn={**held, "at": turn.now.isoformat()})  # for 还是修一下吧
    turn.say("report_withdrawn")
    return True


def take_back_withdrawal(turn: Turn, text: str) -> bool:
    """「还是修一下吧」 right after 「算了 不修了」: the report withdrawn is held again, and opens
    as soon as we know who the tenant is (this message may tell it)."""
    withdrawn = (turn.conv.data or {}).get("withdrawn")
    if turn.conv.state == AWAITING_IDENTITY or not intents.CHANGED_MIND.search(text):
        return False
    if not withdrawn:
        return _cancel_taken_back(turn, text)
    if datetime.fromisoformat(withdrawn["at"]) < turn.now - TAKE_BACK_WITHIN:
        return False
    set_conv(turn, AWAITING_IDENTITY, pending={k: v for k, v in withdrawn.items() if k != "at"}, withdrawn=None)
    remember_told(turn, text)
    identity_told(turn, acknowledged=True)
    return True


def _cancel_taken_back(turn: Turn, text: str) -> bool:
    """「还是修一下吧」 after 「算了 不修了」 on an open ticket: the desk, asked to confirm and
    close, is told to go on instead."""
    ticket = newest_open(turn)
    if ticket is None:
        return False
    notes = [e.note or "" for e in ticket.events if e.action == "note"]
    if not notes or not notes[-1].startswith(CANCEL_NOTE):
        return False
    note(turn, ticket, f"租户撤回取消，请继续处理：{text}")
    turn.say("cancel_taken_back", number=ticket.number)
    return True


def keep_with_report(turn: Turn, text: str) -> None:
    """More words while we ask who the tenant is (「水闸已经关了 暂时没事了」): on the ticket
    opened at once, or with the report we hold, for the person who reads it."""
    if not intents.has_substance(text):
        return
    data = turn.conv.data or {}
    ticket = ticket_opened_at_once(turn)
    if ticket is not None:
        note(turn, ticket, f"租户补充：{text}")
        turn.say("joined_ticket", number=ticket.number)
    elif held_report(turn) or data.get("media"):  # a photo we hold: these words explain it
        hold_words(turn, text)


def describe_emergency(turn: Turn, ticket: Ticket, text: str, result) -> None:
    """A panicked tenant writes in pieces (快来人 / 电梯卡住了 / 我儿子在里面): each piece
    goes on the one urgent ticket, and the first fault named sends it to its department,
    rather than a second ticket, or a report held until we know who is writing."""
    named = ticket.code == taxonomy.OTHER and result.code != taxonomy.OTHER
    note(turn, ticket, f"租户补充：{text}")
    if named:
        workflow.name_the_emergency(turn.session, ticket, code=result.code,
                                    note=f"租户说明情况：{taxonomy.name_of(result.code)}")
        turn.say("help_coming")
    turn.say("joined_ticket", number=ticket.number)


def chased_fault(turn: Turn, result, text: str) -> tuple[object, Optional[Ticket]]:
    """「师傅还没来 水已经淹到隔壁了」 reads as an urgent complaint about service, and 「快来人啊
    越来越严重了」 right after a report as a cry for help: neither names a fault of its own,
    the danger is the open report's (or the report we hold while we ask who the tenant is).
    The urgent ticket takes that report's fault, so its department goes (not the desk), and
    the open report is returned to be told (a worsening turns it urgent)."""
    # 「快来人啊 越来越严重了」 names nothing either
    called = result.urgent and result.code == taxonomy.OTHER and bool(intents.WORSENING.search(text))
    if not (result.urgent and result.category == "SVC") and not called:
        return result, None
    chased = next((t for t in open_tickets(turn.session, turn.tenant) if t.category not in ("SVC", "OTHER")), None)
    if called and chased is not None and (chased.urgent or chased.created_at < turn.now - JOIN_WINDOW):
        chased = None  # help is on its way (where_the_emergency_is), or too long after: the desk triages it
    held = (held_report(turn) or {}).get("code")
    if chased is not None:
        return replace(result, code=chased.code, category=chased.category, intent=chased.intent), chased
    if held and taxonomy.category_of(held) not in ("SVC", "OTHER"):
        return replace(result, code=held, category=taxonomy.category_of(held)), None
    return result, None


# Water from a pipe or through a ceiling is one trouble to the tenant watching it spread
# (楼上一直在漏水 / 已经滴到我的货架上了): an urgent message of one takes a report of the other.
SAME_TROUBLE = {"ENG-LEAK": ("ENG-LEAK", "ENG-PLUMB"), "ENG-PLUMB": ("ENG-PLUMB", "ENG-LEAK")}
NOT_STARTED = (Status.NEW, Status.REOPENED, Status.DISPATCHED)


def troubles_like(result, text: str) -> tuple[str, ...]:
    """The codes whose recent ticket the message may join. A door and nothing else
    (门打不开了 快点, 门怎么都扒不开, after 电梯里有人) may be the lift's just reported: a door
    of its own names it (卷帘门, 店门) and so does not."""
    if result.code == "ENG-DOOR" and set(intents.FAULT_OBJECT.findall(intents.bare(text))) == {"门"}:
        return "ENG-DOOR", "ENG-LIFT"
    return SAME_TROUBLE.get(result.code, (result.code,)) if result.urgent else (result.code,)


def worsened(turn: Turn, ticket: Ticket, text: str) -> bool:
    """卫生间漏水, then 水漫到店里了: a thing's fault (ENG) the tenant says has turned dangerous
    before anyone started on it, in words naming no other thing. That ticket turns urgent and goes at once with the
    30-minute reply, rather than a second ticket for the same fault beside an ordinary one.
    A job under way, or an incident (SEC: a fight after a parking complaint), is not."""
    if ticket.category != "ENG" or ticket.status not in NOT_STARTED:
        return False
    if not set(intents.FAULT_OBJECT.findall(text)) <= set(intents.FAULT_OBJECT.findall(ticket.content)):
        return False  # 水管爆了 after 水龙头有点松: a thing of its own, its own ticket
    workflow.turn_urgent(turn.session, ticket, words=text)
    turn.message.ticket_id = ticket.id
    turn.say("help_coming")
    turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
    return True


def urgent_chase(turn: Turn, ticket: Ticket, text: str) -> None:
    """The danger grows on an urgent ticket and nobody has come (师傅还没来 水已经淹到隔壁了):
    the 30-minute promise is slipping, so the supervisors hear of it at once (上报主管),
    rather than a note nobody reads until the job is done."""
    note(turn, ticket, f"租户催办：{text}")
    workflow.escalate(turn.session, ticket, None, reason=f"急修租户催办：{text}"[:MAX_REASON])
    turn.say("escalate")
    turn.say("chase_noted", number=ticket.number)
    ask_who_still(turn)


def upset_about_open(turn: Turn, text: str) -> bool:
    """「你们到底管不管」 right after a report or a chase, naming nothing new: the tenant's
    anger is about that ticket, so it goes to the supervisors with the standard's apology
    (journey 4), not as a quiet note."""
    ticket = newest_open(turn)
    if ticket is None:
        return False
    note(turn, ticket, f"租户不满：{text}")
    workflow.escalate(turn.session, ticket, None, reason=f"租户不满：{text}"[:MAX_REASON])
    turn.say("sympathy")
    turn.say("escalate")
    turn.say("joined_ticket", number=ticket.number)
    ask_who_still(turn)
    return True


def cancel_request(turn: Turn, text: str, thanked: bool = False) -> bool:
    """"不用修了": noted on the newest open ticket for staff to confirm and close. With
    thanks (已经修好了 师傅很好) the tenant is thanked back, open ticket or not."""
    newest = next(iter(open_tickets(turn.session, turn.tenant)), None)
    if newest is not None and newest.status == Status.COMPLETED and intents.RESOLVED.search(text):
        # 修好了 谢谢师傅 after the engineer marked it done: the fix told, no cancellation
        note(turn, newest, f"租户告知已修好：{text}")
        turn.say("completion_acknowledged", number=newest.number)
        if thanked:
            turn.say("praise_thanks")
        return True
    ticket = note_on_open_ticket(turn, f"{CANCEL_NOTE}{text}（请与租户确认后结案）")
    if ticket is not None:
        turn.say("cancel_noted", number=ticket.number)
    elif not thanked:  # nothing to cancel: not an inquiry ticket about it either
        turn.say("progress_none")
    if thanked:
        turn.say("praise_thanks")
    return True


# The answer found elsewhere (我问到了, 已经问清楚了, 自己查到了) or no longer wanted (不用了,
# 不用回复了); matched against bare() text
_SETTLED = re.compile(r"(?:问到|问清楚|问过|问好|搞清楚|弄清楚|搞明白|弄明白|查到|找到)了|不用(?:回复|回|查|问|麻烦)?了")


def question_settled(turn: Turn, text: str, result) -> bool:
    """「不用了 谢谢 我问到了」 right after a question that opened a ticket for the desk: the
    tenant calls the question off, as 「不用修了」 calls off a repair."""
    if result.intent in ("repair", "complaint") or not _SETTLED.search(intents.bare(text)):
        return False
    ticket = newest_open(turn)
    return ticket is not None and ticket.intent == "inquiry"


def chase(turn: Turn, text: str) -> bool:
    """"还没人来吗" from a tenant with an open ticket chases that ticket: noted on it, and
    its progress in the reply, rather than a second ticket. An upset chase is a complaint
    of its own (sympathy, escalation, a supervisor), handled as a report."""
    remember_told(turn, text)  # 我要你们经理给我打电话 139…: the number is theirs
    ticket = note_on_open_ticket(turn, f"租户催办：{text}")
    if ticket is None and held_report(turn):
        remind_identity(turn)  # the report we hold opens when we know who: say so, ask again
        return True
    if ticket is None:
        return False
    turn.say("chase_noted", number=ticket.number)
    turn.say("progress_item", number=ticket.number, code_name=taxonomy.name_of(ticket.code),
             status=ticket.status.label, eta=ticket_eta(ticket, turn.site, progress=True))
    ask_who_still(turn)
    return True


def progress(turn: Turn) -> None:
    """The tenant's open tickets; while we wait for who they are, the report we hold too."""
    tickets = open_tickets(turn.session, turn.tenant)[:5]
    waiting = turn.conv.state == AWAITING_IDENTITY
    if not tickets and not waiting:
        turn.say("progress_none")
    for t in tickets:
        turn.say("progress_item", number=t.number, code_name=taxonomy.name_of(t.code), status=t.status.label,
                 eta=ticket_eta(t, turn.site, progress=True))
    if waiting:
        remind_identity(turn)
