"""A ticket's number written by the tenant (单号LH-20261201-0003, lh20261201 0003 还没修): which
report they mean. It opened an OTHER ticket of its own for the desk to read; now the tenant's
own ticket of that number answers with its progress, and a number we cannot find is said so,
the words going on the report just made if there is one."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sqlalchemy as sa

from bot.dialog import intents
from bot.dialog.identity import remind_identity
from bot.dialog.tickets import join, newest_open, note
from models import Ticket
from nlp import taxonomy
from workflow.held_reports import AWAITING_IDENTITY
from workflow.phrasebook import ticket_eta

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

# LH-20261201-0003 as written, a space or no dash between its parts
_NUMBER = re.compile(r"(?<![a-z])([a-z]{1,4})\s{0,2}[-－—_]?\s{0,2}(20\d{6})\s{0,2}[-－—_]?\s{0,2}(\d{1,4})(?!\d)", re.I)
# what a message says besides the number when it only asks after that report
_ABOUT_IT = re.compile(r"单号|工单|编号|号码|是|这个|那个|的|我|查|查询|一下|帮|看|进度|怎么样了|到哪了|修好了吗|还没修|还没来|呢|吗|了")


def number_given(turn: Turn, text: str, result) -> bool:
    """The tenant's ticket of that number: its progress, the words noted on it. None of
    theirs at this centre: said so, and the words join the report just made."""
    found = _NUMBER.search(text)
    if result.urgent or found is None or result.emotion == "upset":
        return False
    rest = intents.bare(_ABOUT_IT.sub("", _NUMBER.sub("", text)))
    if intents.has_substance(rest):  # 单号… 又漏了: a report of its own, with its number beside it
        return False
    prefix, day, seq = found.groups()
    number = f"{prefix.upper()}-{day}-{int(seq):04d}"
    ticket = turn.session.scalar(sa.select(Ticket).where(
        Ticket.site_id == turn.site.id, Ticket.number == number, Ticket.tenant_id == turn.tenant.id))
    if ticket is None:
        turn.say("number_not_found", number=number)
        just_made = newest_open(turn)
        if just_made is not None:
            join(turn, just_made, text)
        elif turn.conv.state == AWAITING_IDENTITY:  # the report we hold still waits for who they are
            remind_identity(turn)
        return True
    note(turn, ticket, f"租户查询：{text}")
    turn.say("progress_item", number=ticket.number, code_name=taxonomy.name_of(ticket.code),
             status=ticket.status.label, eta=ticket_eta(ticket, turn.site, progress=True))
    return True
