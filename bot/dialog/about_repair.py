"""What a tenant writes about the repair they have just reported, naming nothing of its own
(issue 17): what it will cost (多少钱, 修这个要收费吗), or that the fault is still there after
the visit (师傅修完了 但是还在漏). Read alone, the classifier takes the one for a question for
the desk (a FEE-BILL ticket beside the repair), the other for a grievance about the engineer
(SVC-ATTI); after a repair report each is about that repair, and goes on its ticket."""
from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING, Optional

import workflow
from bot.dialog import intents
from bot.dialog.lookup import open_tickets
from bot.dialog.tickets import ask_who_still, newest_open, note
from models import Status, Ticket
from workflow.promises import MAX_REASON

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


_COMING = re.compile(r"上门|进门|出门")  # a visit, no door


def _is_repair(ticket: Optional[Ticket]) -> bool:
    return ticket is not None and ticket.intent == "repair" and ticket.category not in ("SVC", "FEE", "OTHER")


def _repair_before(turn: Turn, text: str, ticket: Optional[Ticket] = None) -> Optional[Ticket]:
    """The open repair just reported (or `ticket`), when the message names no thing it does
    not (水龙头 after 水龙头坏了 is that repair; 空调 after it is a thing of its own)."""
    ticket = ticket or newest_open(turn)
    if not _is_repair(ticket):
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


# Repaired, or someone came (修完了, 修好了, 来过了, 换过了) ... and the fault is still there
# (还在漏, 还是不行, 又坏了, 没修好); matched against bare() text
_STILL_FAULTY = re.compile(r"(?:(?:修|弄|搞|处理|换|看|检查)(?:完|好|过)|来(?:修|看)?过|修了)"
                           r".{0,12}?(?:(?:还是|还在|还|又|仍然|仍|依然|照样|照旧).{0,4}?"
                           r"(?:漏|滴|渗|坏|不行|不好|不亮|不转|不通|不出|不制冷|不制热|堵|跳闸|停|响|臭|冒|有问题|老样子|没用|没好)"
                           r"|没(?:修|弄|搞|处理)好)")
# A repair closed this long ago whose fault comes back is the same job to do again (返修);
# older, the fault is reported anew
REWORK_WITHIN = timedelta(days=7)


def _repair_done_or_open(turn: Turn) -> Optional[Ticket]:
    """The tenant's newest repair that is open (of any age: the visit may be days after the
    report) or was closed within REWORK_WITHIN."""
    for ticket in open_tickets(turn.session, turn.tenant, *Status):
        if ticket.status != Status.CLOSED or (ticket.closed_at and ticket.closed_at >= turn.now - REWORK_WITHIN):
            if _is_repair(ticket):
                return ticket
    return None


def still_faulty(turn: Turn, text: str, result) -> bool:
    """「师傅修完了 但是还在漏」 after a repair: the fault persists, the same job is not done.
    On that repair, not a grievance beside it: an open one is told (noted for its engineer);
    one its engineer marked done goes to the supervisors (上报主管), the receipt unconfirmed;
    one closed is reopened, which tells the supervisors and the first receiver (首问负责,
    seed §六(3)). A fault of another thing (修完了 但是门口的灯又不亮了) is its own report."""
    if result.urgent or result.intent == "praise" or not _STILL_FAULTY.search(intents.bare(text)):
        return False
    ticket = _repair_before(turn, text, _repair_done_or_open(turn))
    if ticket is None:
        return False
    told = f"租户反映修后仍有问题：{text}"
    if ticket.status == Status.CLOSED:
        workflow.reopen(turn.session, ticket, None, reason=told)
        turn.message.ticket_id = ticket.id
        turn.say("rework_reopened", number=ticket.number)
        return True
    note(turn, ticket, told)
    if ticket.status == Status.COMPLETED:
        workflow.escalate(turn.session, ticket, None, reason=f"完工后{told}，需返修"[:MAX_REASON])
    turn.say("still_faulty", number=ticket.number)
    ask_who_still(turn)
    return True
