"""The danger just reported is over, told without calling anyone off (已经醒了 没事了, 火灭了,
人救出来了): the responders still go to make it safe, and the tenant hears so, not "help is
coming" again as if the danger went on. 「不用来了」 is a call-off of its own (tickets.cancel_request)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.dialog import intents
from bot.dialog.tickets import newest_open, note
from workflow.held_reports import AWAITING_IDENTITY

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

# Matched against bare() text
_OVER = re.compile(r"没事了|没事儿了|没什么事了|虚惊一场|没有?危险了|(?:人|孩子|小孩|老人|大人|他|她|我爸|我妈)(?:都|也)?没(?:事|受伤)|"
                   r"(?:人|孩子|小孩|老人|他|她|我爸|我妈|我|已经|现在|都|自己)(?:已经)?"
                   r"(?:醒了|醒过来了|出来了|救出来了|被救出来了|放出来了|不流血了|止住血了|"
                   r"能走了|能站起来了|站起来了|缓过来了|清醒了|好多了)|"
                   r"(?:火|烟)(?:已经)?(?:灭了|扑灭了|散了|没了)|不冒烟了|(?:已经)?(?:止住了|不喷了|关住了)")


def danger_over(turn: Turn, text: str, result) -> bool:
    """Noted on the emergency just reported, for the responders, and the tenant told they
    still come. While we ask who is writing, the held report's own turn handles it."""
    bare = intents.bare(text)
    if (result.urgent or turn.conv.state == AWAITING_IDENTITY or not _OVER.search(bare)
            or intents.FAULTY_AGAIN.search(text) or intents.CALL_OFF.search(bare)):
        return False
    ticket = newest_open(turn)
    if ticket is None or not ticket.urgent:
        return False
    note(turn, ticket, f"租户告知险情已缓解：{text}")
    turn.say("danger_over", number=ticket.number)
    return True
