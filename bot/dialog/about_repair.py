"""What a tenant writes about the repair they have just reported, naming nothing of its own
(issue 17): what it will cost (多少钱, 修这个要收费吗), or that the fault is still there after
the visit (师傅修完了 但是还在漏). Read alone, the classifier takes the one for a question for
the desk (a FEE-BILL ticket beside the repair), the other for a grievance about the engineer
(SVC-ATTI); after a repair report each is about that repair, and goes on its ticket. So
are where the switch is (总闸在哪里, a question for the desk alone), the tenant having put
it right themselves (好了 自己推上去了), and what the fault does to the shop (厨房里全是油烟
after 排风扇不转了, a cleaning complaint alone)."""
from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING, Optional

import sqlalchemy as sa

import workflow
from bot.dialog import intents
from bot.dialog.answers import praised
from bot.dialog.lookup import open_tickets
from bot.dialog.tickets import ask_who_still, join, newest_open, note, worsened
from models import Status, Ticket
from workflow.held_reports import AWAITING_IDENTITY
from workflow.promises import MAX_REASON

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


_COMING = re.compile(r"上门|进门|出门")  # a visit, no door


def _is_repair(ticket: Optional[Ticket]) -> bool:
    return ticket is not None and ticket.intent == "repair" and ticket.category not in ("SVC", "FEE", "OTHER")


# The switches and valves of a supply (总闸, 空开, 配电箱, 总阀): where the tenant would act on
# the fault, no thing at fault of their own
_CONTROL = re.compile(r"总闸|电闸|闸刀|空开|空气开关|配电箱|电箱|保险丝|总开关|总电源|总阀|水阀|总水阀|阀门|水闸|燃气阀|气阀|煤气阀")


def _repair_before(turn: Turn, text: str, ticket: Optional[Ticket] = None) -> Optional[Ticket]:
    """The open repair just reported (or `ticket`), when the message names no thing it does
    not (水龙头 after 水龙头坏了 is that repair; 空调 after it is a thing of its own)."""
    ticket = ticket or newest_open(turn)
    if not _is_repair(ticket):
        return None
    things = _things(_CONTROL.sub("", _COMING.sub("", intents.bare(text))))
    return ticket if things <= _things(ticket.content) else None


_OUTAGE = {"断电": "停电", "跳闸": "停电"}  # one trouble to the tenant: the power is off


def _things(text: str) -> set[str]:
    return {_OUTAGE.get(thing, thing) for thing in intents.FAULT_OBJECT.findall(text)}


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


# How to pay for a repair (钱怎么付, 在哪里交, 能微信付吗); matched against bare() text
_HOW_TO_PAY = re.compile(r"(?:怎么|如何|在哪里?|去哪里?|到哪里?)(?:付|交|支付|缴)|(?:钱|费用?)怎么(?:付|交|给)|"
                         r"能(?:用)?(?:微信|支付宝|刷卡|扫码|现金)(?:付|交|支付)?|付款方式|支付方式|付钱给谁|给师傅钱|"
                         # 钱是给师傅还是去前台交: whom to pay, or where
                         r"钱是?(?:直接)?(?:给|交给|付给)|(?:去|到|在)(?:前台|服务台|服务中心|物业|收银台?)(?:交|付|缴)")


def payment_asked(turn: Turn, text: str, result) -> bool:
    """「钱怎么付」 about a repair (quoted, done or under way): paid at the service centre, where
    a receipt is given; the engineer takes no money (seed §五). Said at once and noted on the
    repair, not a billing question for the desk beside it."""
    bare = intents.bare(text)
    if result.urgent or result.emotion == "upset" or not _HOW_TO_PAY.search(bare) or _OTHER_CHARGE.search(bare):
        return False
    ticket = _repair_before(turn, text, _repair_done_or_open(turn))
    if ticket is None:
        return False
    note(turn, ticket, f"租户询问付款方式：{text}")
    turn.say("pay_at_desk")
    return True


# Repaired, or someone came (修完了, 修好了, 来过了, 换过了) ... and the fault is still there
# (还在漏, 还是不行, 又坏了, 没修好); matched against bare() text
_STILL_THERE = (r"(?:还是|仍然|依然)(?:一样|那样)|"  # 还是一样 没什么变化: as before the visit
                r"(?:还是|还在|还|又|仍然|仍|依然|照样|照旧).{0,4}?"
                r"(?:漏|滴|渗|坏|不行|不好|不亮|不转|不通|不出|不制冷|不制热|堵|跳闸|停|响|臭|冒|有问题|老样子|没用|没(?:修|弄|搞|处理)?好|"
                # the symptom said (还是热, 还是黑的, 还是没水)
                r"热|黑|暗|闪|没(?:水|电|风|冷风|热风|暖风|热水|网|信号|反应)|"
                r"(?:放|关|开|拉|推|转|升|降|收|打|锁)不(?:下来|上去|上|下|开|动|了|出来|进去))")
_FAULT_AFTER_REPAIR = re.compile(r"(?:(?:修|弄|搞|处理|换|看|检查)(?:完|好|过)|来(?:修|看)?过|修了)"
                                 r".{0,12}?(?:" + _STILL_THERE + r"|没(?:修|弄|搞|处理)好)")
# ... said after the engineer marked the job done, the repair need not be named (还是不制冷啊),
# nor need the fault when nobody came (师傅没来过啊 怎么就完工了)
# (幕布还是放不下来 with the thing first; the thing is checked against the repair's)
_STILL = re.compile(_STILL_THERE)
_NOT_DONE = re.compile(r"没(?:有)?(?:人|师傅)?来过|根本没(?:来|修|弄|人来)|怎么就(?:完工|修好|结束|结案)|没修(?:啊|呢|过)?$|"
                       r"白来了?|白跑(?:了|一趟)")
# A repair closed this long ago whose fault comes back is the same job to do again (返修);
# older, the fault is reported anew
REWORK_WITHIN = timedelta(days=7)


def _repair_done_or_open(turn: Turn) -> Optional[Ticket]:
    """The tenant's newest repair that is open (of any age: the visit may be days after the
    report) or was closed within REWORK_WITHIN."""
    recent = sa.or_(Ticket.status != Status.CLOSED, Ticket.closed_at >= turn.now - REWORK_WITHIN)
    tickets = turn.session.scalars(sa.select(Ticket).where(Ticket.tenant_id == turn.tenant.id, recent)
                                   .order_by(Ticket.created_at.desc()))
    return next((ticket for ticket in tickets if _is_repair(ticket)), None)


def _said_of(before: str, ticket: Ticket) -> bool:
    """What comes before 还是/又 names the repaired thing, or nothing (但是 aside)."""
    before = before.removeprefix("但是").removeprefix("可是").removeprefix("不过")
    return not before or before in intents.bare(ticket.content) or bool(_things(before) & _things(ticket.content))


def still_faulty(turn: Turn, text: str, result) -> bool:
    """「师傅修完了 但是还在漏」 after a repair: the fault persists, the same job is not done.
    On that repair, not a grievance beside it: an open one is told (noted for its engineer);
    one its engineer marked done goes to the supervisors (上报主管), the receipt unconfirmed;
    one closed is reopened, which tells the supervisors and the first receiver (首问负责,
    seed §六(3)). A fault of another thing (修完了 但是门口的灯又不亮了) is its own report."""
    bare = intents.bare(text)
    named, still, not_done = _FAULT_AFTER_REPAIR.search(bare), _STILL.search(bare), _NOT_DONE.search(bare)
    if result.urgent or result.intent == "praise" or not (named or still or not_done):
        return False
    ticket = _repair_before(turn, text, _repair_done_or_open(turn))
    if ticket is None or not (named or ticket.status in (Status.COMPLETED, Status.CLOSED)):
        return False  # 还是不制冷 before anyone came is said of the report waiting: a note or a chase
    if not (named or not_done or _said_of(bare[:still.start()], ticket)):
        return False  # 卫生间又漏水了 after an air-conditioning repair is a report of its own
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


# Where the switch is, or how to work it (总闸在哪里, 电闸怎么合); matched against bare() text
_WHERE_OR_HOW = re.compile(r"在哪|在什么|什么位置|什么地方|怎么(?:关|开|合|推|拉|弄|操作)|能不能|可不可以|可以|要不要|吗|么")


def control_asked(turn: Turn, text: str, result) -> bool:
    """「总闸在哪里」 right after 「店里突然停电了」: not a question for the desk (an inquiry
    ticket beside the emergency) but the tenant about to act on the fault. On its ticket,
    for the responders; told help is coming (an emergency) and, for their safety, to leave
    it to them where there is danger."""
    bare = intents.bare(text)
    if result.urgent or not (_CONTROL.search(bare) and _WHERE_OR_HOW.search(bare)):
        return False
    ticket = _repair_before(turn, text)
    if ticket is None:
        return False
    note(turn, ticket, f"租户询问：{text}")
    if ticket.urgent:
        turn.say("help_coming")
    turn.say("hands_off", number=ticket.number)
    ask_who_still(turn)
    return True


# The tenant put it right themselves (自己推上去了, 我自己合上了, 来电了); matched against bare() text
_SELF_RESTORED = re.compile(r"(?:自己|我们|我)(?:已经)?(?:把.{0,6}?)?(?:推|合|拨|扳|复位|弄|修|搞|重启|打开|开)"
                            r"(?:上去|上|回去|回来|好|定|通)|(?:来电|有电|通电|来水|有水|恢复)了")
_ASKED = re.compile(r"[?？]|吗|么|没有?$|是不是|能不能|可不可以|可以|要不要|怎么")


def self_restored(turn: Turn, text: str, result) -> bool:
    """「好了 自己推上去了」 right after a repair report: the tenant put it right. Noted on the
    ticket; what made it fail is still there (a breaker trips for a reason), so staff still
    come and close it once they have checked (the bot closes nothing; an urgent repair is
    visited again within 24 hours, seed §七(5)). 「不用来了」 besides calls it off instead."""
    bare = intents.bare(text)
    if result.urgent:
        return False
    if not _SELF_RESTORED.search(bare) or _ASKED.search(text) or intents.CALL_OFF.search(bare) or (
            intents.RESOLVED.search(text)):
        return False
    ticket = _repair_before(turn, text)
    if ticket is None or result.code not in (*intents.NO_FAULT_CODES, ticket.code):
        return False
    note(turn, ticket, f"租户表示已自行恢复：{text}")
    turn.say("self_restored", number=ticket.number)
    ask_who_still(turn)
    return True


# What a fault does to the shop, by the fault reported (厨房里全是油烟 when the extractor
# stops, 全是臭味 when the toilet is blocked, 地上全是水 from a pipe): words the classifier
# reads as a problem of their own (油烟, 臭味: a cleaning complaint)
_CONSEQUENCES = {
    "ENG-HVAC": re.compile(r"烟|闷|热|冷|臭|味|呛|空气|喘不过气|透不过气|潮|吵|响|噪"),
    "ENG-PLUMB": re.compile(r"水|湿|淹|泡|臭|味|脏"),
    "ENG-LEAK": re.compile(r"水|湿|淹|泡|霉|脏|滴"),
    "ENG-ELEC": re.compile(r"黑|暗|看不见|看不清|热|冷|化"),
}
_HOW_BAD = re.compile(r"受不了|难受|要命|不行了|没法")  # how bad it is, no problem of its own
# Somewhere else, or another matter added (隔壁店的油烟, 门口有垃圾, 另外楼上很吵): a problem of
# its own. Matched against bare() text; the shop's own rooms (厨房, 仓库) are where the fault is.
_ELSEWHERE = re.compile(r"隔壁|对面|楼上|楼下|外面|走廊|过道|通道|楼道|楼梯|车库|停车场|大厅|广场|中庭|门口|电梯口|马路|"
                        r"别人|别家|其他店|[0-9一二三四五六七八九十负]{1,3}(?:楼|层|f)|另外|还有|顺便|对了")
# The shop cannot work for it (没法炒菜了, 做不了生意): the unit cannot operate, which is urgent
_CANNOT_WORK = re.compile(r"(?:没法|无法|不能|没办法)(?:营业|做生意|炒菜|做饭|做菜|开门|开店|干活|上班|经营)|"
                          r"(?:做|开)不了(?:生意|饭|菜|店)")


def consequence(turn: Turn, text: str, result) -> bool:
    """「厨房里全是油烟 没法炒菜了」 after 「排风扇不转了」: what the reported fault does, not a
    problem of its own. It joins the repair; a shop that cannot work for it turns the repair
    urgent (the unit cannot operate), as a leak that floods does. Somewhere else (隔壁店的油烟),
    another matter (门口有一堆垃圾) or another thing named is still a report of its own."""
    if result.urgent or result.code in intents.NO_FAULT_CODES or result.category in ("SVC", "FEE"):
        return False
    bare = intents.bare(text)
    words = [w for w in result.evidence if "：" not in w and "≈" not in w]  # not a similar case, a homophone
    if not words or _ELSEWHERE.search(bare) or intents.FAULT_OBJECT.search(bare):  # a report names its thing:
        return False  # the everyday report reads nothing more
    ticket = _repair_before(turn, text)
    if ticket is None or result.code == ticket.code or ticket.code not in _CONSEQUENCES:
        return False
    if not all(_CONSEQUENCES[ticket.code].search(w) or _HOW_BAD.search(w) for w in words):
        return False
    if _CANNOT_WORK.search(bare) and not ticket.urgent and worsened(turn, ticket, text):
        return True
    if ticket.urgent:
        turn.say("help_coming")
    join(turn, ticket, text)
    return True


# The tenant tells us the engineer is there (师傅来了 正在修, 人已经到了): matched against bare() text,
# not a complaint about 师傅 (the classifier's reading), nor a chase (还没来, 怎么还没到)
_ARRIVED = re.compile(r"(?:师傅|维修工|工人|电工|人)(?:已经)?(?:来了|到了|在修了?|在弄了?)|(?:正在|在)(?:修|弄|处理)(?:了|呢|着)?$")
_NOT_YET = re.compile(r"没|不|怎么|为什么|吗|么|[?？]")


def arrival_told(turn: Turn, text: str, result) -> bool:
    """「师傅来了 正在修」 after a repair was dispatched: noted on it for the desk and thanked,
    not a complaint about the engineer."""
    bare = intents.bare(text)
    if result.urgent or result.emotion == "upset" or not _ARRIVED.search(bare) or _NOT_YET.search(bare):
        return False
    ticket = _repair_before(turn, text, _repair_done_or_open(turn))
    if ticket is None or ticket.status in (Status.NEW, Status.CLOSED):
        return False
    note(turn, ticket, f"租户告知：{text}")
    turn.say("arrival_noted", number=ticket.number)
    return True


# The fault put right, told after the engineer marked the job done (好了谢谢, 可以了 辛苦师傅了,
# 没问题了👍): the fix holds. Matched against bare() text; the courtesies besides say no more.
_FIXED = re.compile(r"(?:都|已经|现在)?(?:好了|好啦|可以了|可以啦|没问题了?|搞定了?|弄好了?|修好了?|正常了|能用了|好用了|"
                    r"ok了|okay了|妥了|没毛病)")  # in bare() text: OK了 is ok了
_COURTESY = re.compile(r"谢谢|多谢|感谢|谢了|辛苦|麻烦|师傅|你们|您|你|好的|了|啊|呀|啦|哈|哦|嗯|ok|[^\w]")  # and emoji


def fix_told(turn: Turn, text: str) -> bool:
    """「好了谢谢」 to the 已处理完毕 notice (or a praise that tells it: 师傅很专业 一下就搞定了):
    the tenant tells us the fix holds. Thanked and
    asked for the 「确认」 the receipt needs, noted for the desk; not a note beside a job
    done, nor 「help is coming」 on an emergency already repaired."""
    bare = intents.bare(text)
    if turn.conv.state == AWAITING_IDENTITY or not _FIXED.search(bare):
        return False
    newest = next(iter(open_tickets(turn.session, turn.tenant)), None)
    if newest is None or newest.status != Status.COMPLETED or newest.receipt_confirmed:
        return False  # 好了谢谢 before anyone came is said of something else
    praise = turn.classify(text).intent == "praise"  # 师傅人很好 很快就修好了: the fix in a praise
    if _COURTESY.sub("", _FIXED.sub("", bare)) and not praise:
        return False  # 好了吗 asks; 好了 但是还在滴 is still faulty
    note(turn, newest, f"租户告知已修好：{text}")
    turn.say("completion_acknowledged", number=newest.number)
    if praise:  # 修好了 谢谢师傅: the thanks to the staff thanked back
        praised(turn)
    return True
