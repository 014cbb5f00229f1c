"""A tenant correcting the report just made (不对 是天花板漏水, 说错了 是空调坏了 不是灯):
the classifier reads the fault named as a report of its own, which opened a second ticket
beside the wrong one (or, while we asked who is writing, opened the wrong one at once)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.dialog import intents
from bot.dialog.identity import held_report, hold_words, remind_identity, ticket_opened_at_once
from bot.dialog.tickets import flag_for_triage, newest_open, note
from nlp import taxonomy

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

TRIAGE_CORRECTED = "tenant_corrected"
# Said first (不对, 说错了, 我发错了, 不好意思打错了), or 不是…是…; matched against bare() text
CORRECTING = re.compile(r"^(?:哦|噢|啊|呃|额|不好意思|抱歉|sorry|我)?(?:不对(?!劲)|说错|搞错|发错|打错|写错|弄错|看错|口误|更正|纠正)"
                        r"|^不是.{1,12}?是", re.I)


def corrects(turn: Turn, text: str, result) -> bool:
    """A correction naming another fault, right after a report: the report we hold takes
    the fault now named; a ticket just opened gets the correction noted and goes on the
    desk's 待分诊 list to be re-sent. A danger is never a correction (its own ticket)."""
    if result.urgent or result.intent not in ("repair", "complaint") or result.code in intents.NO_FAULT_CODES:
        return False
    if not CORRECTING.search(intents.bare(text)):
        return False
    if held_report(turn) and ticket_opened_at_once(turn) is None:
        hold_words(turn, text, code=result.code)
        remind_identity(turn)
        return True
    ticket = newest_open(turn)
    if ticket is None or ticket.urgent or ticket.code == result.code:
        return False  # an emergency's own words join it; the same fault joins as ever
    note(turn, ticket, f"租户更正：{text}（按更正应为：{taxonomy.name_of(result.code)}）")
    flag_for_triage(ticket, TRIAGE_CORRECTED)
    turn.say("correction_noted", number=ticket.number)
    return True
