"""What a report does: joins the ticket it is about, opens one (dispatched at once in
danger), or waits for who the tenant is. Changes when the rules for joining, opening or
holding a report do; which message is a report is decided in turns."""
from __future__ import annotations

from typing import TYPE_CHECKING

import workflow
from bot.dialog import emergencies, intents
from bot.dialog.identity import (
    ask_identity,
    held_report,
    hold_words,
    identity_missing,
    remember_told,
    set_conv,
    wait_for_identity_after,
)
from bot.dialog.lookup import joinable
from bot.dialog.tickets import (
    TRIAGE_CALL_FOR_HELP,
    chased_fault,
    describe_emergency,
    flag_for_triage,
    follow_up,
    join,
    newest_open,
    note,
    register,
    troubles_like,
    upset_about_open,
    urgent_chase,
    where_the_emergency_is,
    worsened,
)
from bot.identity import find_unit
from nlp import taxonomy
from workflow.held_reports import AWAITING_IDENTITY, about_nothing_yet, register_pending, settle_held_beside
from workflow.phrasebook import ticket_eta

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


def several_reports(turn: Turn, text: str) -> bool:
    """「空调不制冷 另外门口灯也坏了」: each fault its own report, as if sent one by one (one
    ticket would go to one trade, and close with the lamp still out). In danger, what else
    the tenant tells is around it (被困在电梯里了 还有灯也灭了): one ticket, read whole."""
    parts = intents.problems(text)
    results = [turn.classify(part) for part in parts] if len(parts) > 1 else []
    mixed = len({r.urgent for r in results}) > 1 and not intents.listed(text)  # in danger, the rest is around it
    if not results or len({r.code for r in results}) < len(parts) or mixed or any(
            r.intent not in ("repair", "complaint") or r.code in intents.NO_FAULT_CODES for r in results):
        return False
    remember_told(turn, text)
    for part, result in zip(parts, results, strict=True):
        report(turn, part, result)
        turn.first_contact = False  # greeted once
    return True


def who(turn: Turn, text: str) -> None:
    """"我是李娜，L3-008，电话139…" and nothing else: noted (on the ticket just opened, for
    its staff), not "I did not understand"."""
    ticket, unit = newest_open(turn), find_unit(text)
    moved = unit if ticket is not None and unit and unit != ticket.unit_code else None  # 是L3-009 不是008
    # a ticket opened before we knew who (a question, an emergency) gets the name and phone
    # told after it: the person who calls back reads them there
    name = turn.tenant.name if ticket is not None and not ticket.complainant else None
    phone = turn.tenant.phone if ticket is not None and not ticket.phone else None
    if moved or name or phone:
        workflow.update_contact(turn.session, ticket, None, complainant=name, phone=phone, unit_code=moved)
        note(turn, ticket, f"租户补充：{text}")
        if moved:  # the engineer goes there
            turn.say("unit_corrected", number=ticket.number, unit=unit)
        else:
            turn.say("contact_saved")
        return
    if not follow_up(turn, text):
        if turn.first_contact:
            turn.say("greeting", centre=turn.site.name)
        turn.say("contact_saved")
        if not turn.first_contact:
            turn.say("offer_help")


def report(turn: Turn, text: str, result) -> None:
    """A repair or a complaint: join, dispatch at once, or wait for who the tenant is."""
    result, chased = chased_fault(turn, result, text)
    if chased is not None and chased.urgent:
        urgent_chase(turn, chased, text)
        return
    if chased is not None and worsened(turn, chased, text):
        return
    joined = (joinable(turn.session, turn.tenant, troubles_like(result, text), turn.now, TRIAGE_CALL_FOR_HELP)
              if turn.recent_open_ticket else None)
    if joined is not None and joined.triage == TRIAGE_CALL_FOR_HELP:  # 快来人, then what it is
        describe_emergency(turn, joined, text, result)
        return
    if joined is None and result.urgent and (result.code == taxonomy.OTHER or emergencies.goes_on(
            newest_open(turn), text)) and where_the_emergency_is(turn, text):  # 现在开始冒烟了 after 焦味
        return
    # 滴得越来越多了 after 空调滴水: read as plumbing, but naming no thing and no place of its own
    # it is the repair just reported turning worse, not a second trade's emergency beside it
    if joined is None and result.urgent and result.category == "ENG" and emergencies.names_nothing_of_its_own(text):
        latest = newest_open(turn)
        if latest is not None and not latest.urgent and worsened(turn, latest, text):
            return
    if joined is not None and result.urgent and not joined.urgent:
        if worsened(turn, joined, text):
            return
        joined = None  # an emergency is never a note on an ordinary ticket, even of its code
    if joined is not None:
        if result.urgent:  # the danger again, or worse: the tenant reads that help is on its way
            turn.say("help_coming")
        join(turn, joined, text)
        return
    if result.code == taxonomy.OTHER and not result.urgent and (
            (result.emotion == "upset" and upset_about_open(turn, text)) or follow_up(turn, text)):
        return  # 「好臭啊 快点来弄走」 right after 「门口有只死老鼠」 names nothing of its own; 到底管不管 我要投诉
    missing = identity_missing(turn)
    upset = result.emotion == "upset"
    if result.urgent or upset or not missing:
        ticket = register(turn, text, result)
        if result.urgent and result.code == taxonomy.OTHER:  # a call for help, no fault named
            flag_for_triage(ticket, TRIAGE_CALL_FOR_HELP)
        if result.urgent:
            workflow.dispatch(turn.session, ticket, None)
        if chased is not None:  # not a note on it: the danger has its own ticket, worded as the tenant wrote
            workflow.add_note(turn.session, chased, None, f"租户催办：{text}（情况紧急，已另开紧急工单 {ticket.number}）")
        if turn.first_contact and not upset:
            turn.say("greeting", centre=turn.site.name)
        if upset:
            turn.say("sympathy")
        if result.urgent or (result.intent == "repair" and not upset):  # an emergency is promised help first
            turn.say("help_coming")
            workflow.call_desk(turn.session, ticket)
        elif upset:
            turn.say("escalate")
        elif intents.needs_decision(result):
            turn.say("escalate")
            workflow.escalate(turn.session, ticket, None, reason="租户投诉需领导答复，微信已答复「我马上向领导汇报」")
        turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
        if result.urgent and (advice := emergencies.advice(text, result.evidence)):  # 腿流血了: 120 first
            turn.say(advice)
        if result.intent == "complaint" and not result.urgent:  # 救命啊 is not thanked for
            turn.say("thanks_complaint")
        if missing:
            wait_for_identity_after(turn, ticket)
            ask_identity(turn, missing)
        elif turn.conv.state == AWAITING_IDENTITY:  # this message told us who: the held report opens too
            held = settle_held_beside(turn.session, turn.site, turn.tenant, turn.conv, ticket)
            if held is not None:
                turn.say("ticket_opened", number=held.number, eta=ticket_eta(held, turn.site))
            set_conv(turn, "idle")
        return
    pending = held_report(turn)
    opened = (turn.conv.data or {}).get("opened_at_once", [])
    # a second problem: open the first with what we know (我是二楼的 held is no problem yet)
    if pending and pending.get("code") != result.code and not about_nothing_yet(pending):
        first = register_pending(turn.session, turn.site, turn.tenant, turn.conv)
        if first is not None:
            turn.say("ticket_opened", number=first.number, eta=ticket_eta(first, turn.site))
            opened = [*opened, first.id]  # it gets the contact the tenant then gives
    set_conv(turn, AWAITING_IDENTITY, opened_at_once=opened)
    hold_words(turn, text, code=result.code)
    if turn.first_contact:
        turn.say("greeting", centre=turn.site.name)
    ask_identity(turn, missing)
