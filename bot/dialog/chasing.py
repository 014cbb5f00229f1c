"""A tenant hurrying the report just made (「人呢」, 「师傅呢」, 「人呢？？都半小时了」): the
classifier reads 人呢 as an upset complaint about slow service, which it is days after a
report; minutes after it, or while we still ask who is writing, it is impatience with that
report, answered with its progress rather than a second ticket for a manager."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.dialog import intents
from bot.dialog.tickets import newest_open
from workflow.held_reports import AWAITING_IDENTITY

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

# Where the help is asked for (人呢, 你们的师傅呢, 维修的人在哪), whoever the tenant waits for
WHERE_IS_HELP = re.compile(r"(?:人|师傅|维修工|维修的|工人|电工|保安)(?:呢|在哪里?|哪去了|去哪了)")


def holds_report(turn: Turn) -> bool:
    """A report (or a photo) we keep while we ask who the tenant is."""
    data = turn.conv.data or {}
    return turn.conv.state == AWAITING_IDENTITY and bool(data.get("pending") or data.get("media"))


def impatient(turn: Turn, text: str) -> bool:
    """The message asks where the help is, right after a report (or while we hold one),
    and says nothing upset besides: 「人呢 搞什么 气死我了」 stays a complaint of its own."""
    if not (WHERE_IS_HELP.search(text) or intents.STILL_WAITING.search(text)):
        return False
    if newest_open(turn) is None and not holds_report(turn):
        return False
    rest = intents.STILL_WAITING.sub("", WHERE_IS_HELP.sub("", text))
    return not intents.has_substance(rest) or turn.classify(rest).emotion != "upset"
