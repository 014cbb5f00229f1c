"""What a tenant writes about the repair they have just reported, naming nothing of its own
(issue 17): what it will cost (多少钱, 修这个要收费吗). Read alone, the classifier takes it
for a question for the desk (a FEE-BILL ticket beside the repair); after a repair report it
is about that repair, answered at once and noted on its ticket."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from bot.dialog import intents
from bot.dialog.tickets import ask_who_still, newest_open, note
from models import Status, Ticket

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


_COMING = re.compile(r"上门|进门|出门")  # a visit, no door


def _repair_before(turn: Turn, text: str) -> Optional[Ticket]:
    """The open repair just reported, when the message names no thing it does not (水龙头
    after 水龙头坏了 is that repair; 空调 after it is a thing of its own)."""
    ticket = newest_open(turn)
    if ticket is None or ticket.intent != "repair" or ticket.category in ("SVC", "FEE", "OTHER"):
        return None
    things = set(intents.FAULT_OBJECT.findall(_COMING.sub("", intents.bare(text))))
    return ticket if things <= set(intents.FAULT_OBJECT.findall(ticket.content)) else None


# The price of the work asked (多少钱, 要收费吗, 维修费谁出, 上门费); matched against bare() text
_COST = re.compile(r"多少钱|收费|收钱|要钱|花钱|付钱|给钱|出钱|付费|费用|维修费|修理费|上门费|人工费|材料费|免费|"
                   r"价格|价钱|报价|贵不贵|几块钱|多少费")
# ... not a charge of its own (物业费多少钱 after a repair is a billing question for the desk)
_OTHER_CHARGE = re.compile(r"物业费|管理费|租金|房租|水电费|水费|电费|停车|车位|押金|燃气费|卫生费|垃圾费|能耗费|"
                           r"推广费|发票|账单|滞纳金|公摊|保证金|月卡|充值|缴费")


def cost_asked(turn: Turn, text: str, result) -> bool:
    """「修这个要收费吗」 right after a repair report: the price of that repair. Paid work is
    quoted before it starts and begins only once the tenant agrees (seed §五(2)): said so
    at once, and the question noted on the repair for the engineer who quotes. An angry
    word about money stays a complaint of its own, for a manager."""
    bare = intents.bare(text)
    if result.urgent or result.emotion == "upset" or result.category not in ("FEE", "SVC", "OTHER"):
        return False
    if not _COST.search(bare) or _OTHER_CHARGE.search(bare):
        return False
    ticket = _repair_before(turn, text)
    if ticket is None or ticket.status == Status.QUOTED:  # a quote sent is answered by its own words
        return False
    note(turn, ticket, f"租户询问维修费用：{text}")
    turn.say("repair_cost", number=ticket.number)
    ask_who_still(turn)
    return True
