"""A tenant hurrying the report just made (「人呢」, 「师傅呢」, 「人呢？？都半小时了」): the
classifier reads 人呢 as an upset complaint about slow service, which it is days after a
report; minutes after it, or while we still ask who is writing, it is impatience with that
report, answered with its progress rather than a second ticket for a manager. So is a
visit asked for (能派个师傅过来看看吗), which the classifier reads as a question for the desk."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.dialog import emergencies, intents
from bot.dialog.identity import held_report
from bot.dialog.tickets import ask_who_still, newest_open, note
from models.localtime import for_people
from nlp import situation, taxonomy, urgency
from nlp.normalize import normalize
from workflow.held_reports import AWAITING_IDENTITY
from workflow.phrasebook import ticket_eta

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

# Where the help is asked for (人呢, 你们的师傅呢, 维修的人在哪), whoever the tenant waits for
WHERE_IS_HELP = re.compile(r"(?:人|师傅|维修工|维修的|工人|电工|保安)(?:呢|在哪里?|哪去了|去哪了)")


def holds_report(turn: Turn) -> bool:
    """A report (or a photo) we keep while we ask who the tenant is."""
    media = turn.conv.state == AWAITING_IDENTITY and (turn.conv.data or {}).get("media")
    return bool(held_report(turn) or media)


def impatient(turn: Turn, text: str) -> bool:
    """The message asks where the help is, right after a report (or while we hold one),
    and says nothing upset besides: 「人呢 搞什么 气死我了」 stays a complaint of its own."""
    if not (WHERE_IS_HELP.search(text) or intents.STILL_WAITING.search(text)):
        return False
    if newest_open(turn) is None and not holds_report(turn):
        return False
    rest = intents.STILL_WAITING.sub("", WHERE_IS_HELP.sub("", text))
    return not intents.has_substance(rest) or turn.classify(rest).emotion != "upset"


# A hurry (急, 快点, 赶紧, 货车在等): with these gone, a short message that says nothing more
# hurries the ticket just opened (急 货车在等 after 开一下消防通道的门 要搬货)
HURRY = re.compile(r"急|快点|快些|赶紧|赶快|尽快|在等|等着|等不了|等不及")
_HURRY_MAX = 12


def hurried(turn: Turn, text: str) -> bool:
    """The message hurries and names nothing besides (货车 is no fault: 「急 货车在等」), right
    after a ticket of any kind; 「急 楼上漏水」 is a report of its own."""
    bare = intents.bare(text)
    if len(bare) > _HURRY_MAX or not HURRY.search(bare) or intents.FAULT_OBJECT.search(bare):
        return False
    return not intents.has_substance(HURRY.sub("", bare)) and newest_open(turn) is not None


# Why the tenant cannot wait (我们中午还要营业, 要下班了, 客人等着用, 都九点了): with a hurry or
# alone, right after a ticket, it hurries that ticket; the reason goes on it with the chase
_PRESSED = re.compile(r"(?:还要|要|得|马上|快|就要|准备|等着)(?:营业|开门|开业|做生意|下班|关门|打烊|收摊|走了|休息|睡觉|用)|"
                      r"(?:客人|顾客|客户)(?:都|还)?在?等|"
                      r"(?:早上|上午|中午|下午|晚上|半夜)?[0-9一二三四五六七八九十两]{1,3}点(?:半|多)?了")
_PRESSED_FILLER = re.compile(r"我们|我|店里|这边|现在|已经|都|还|麻烦|请|能不能|可以|能|一点|一下|着")
_PRESSED_MAX = 24


def pressed(turn: Turn, text: str) -> bool:
    """「快点 我们中午还要营业」, 「现在晚上十点了 我们要下班了」 right after a ticket: a hurry
    with its reason (opening hours, closing time, customers waiting) and nothing besides.
    Read alone, the reason is a question for the desk (营业), a complaint (下班) or, with
    客人等着, a shop that cannot open (a door repair, urgent); here it is the chase."""
    bare = intents.bare(text)
    rest = _PRESSED.sub("", bare)  # 关门 is closing time, no door
    if len(bare) > _PRESSED_MAX or rest == bare or intents.FAULT_OBJECT.search(rest):
        return False
    rest = _PRESSED_FILLER.sub("", HURRY.sub("", rest))
    return not intents.has_substance(rest) and newest_open(turn) is not None


# Someone asked to come (派个师傅过来, 上门看一下, 能不能安排人来一趟, 现在能过来吗)
VISIT = re.compile(r"(?:派|安排).{0,3}?(?:人|师傅|维修工|电工|工人)|上门|(?:过来|来)(?:一下|一趟)?(?:看|修|处理|弄|检查|瞧)|"
                   r"(?:能|可以|方便)(?:不能)?.{0,4}?(?:过来|来一趟)")

# A day other than today (明天, 周六, 下周, 15号): a visit asked for then is the tenant's time
_ANOTHER_DAY = re.compile(r"明天|明早|明晚|后天|周[一二三四五六日天末]|星期|礼拜|下周|改天|过两天|过几天|[0-9]{1,2}号")
_COST = re.compile(r"钱|费|价")  # 师傅上门要钱吗: a question about the price, for the desk to answer


def visit_asked(turn: Turn, text: str, result) -> bool:
    """「能派个师傅过来看看吗」 right after a report asks for that report's visit: noted on it
    with when someone will come (for another day, 周六上午派个师傅过来看看可以吗, that day is
    noted instead: our time today would answer what was not asked), unless it names a fault or a thing of its own
    (能派人来修一下空调吗 after 马桶堵了 is a report of its own) or asks the price."""
    if result.urgent or not VISIT.search(text) or _COST.search(text):
        return False
    ticket = newest_open(turn)
    if ticket is None or ticket.intent == "inquiry":
        return False
    if result.category != "SVC":  # a question for the desk; what names nothing (OTHER) joins anyway
        return False
    if not set(intents.FAULT_OBJECT.findall(VISIT.sub("", text))) <= set(intents.FAULT_OBJECT.findall(ticket.content)):
        return False
    if intents.VISIT_TIME.search(intents.bare(text)) and _ANOTHER_DAY.search(text):  # 明天上午来修可以吗:
        note(turn, ticket, f"租户希望的上门时间：{text}")  # the tenant's day, not our time today answered
        turn.say("visit_time_noted", number=ticket.number)
        return True
    note(turn, ticket, f"租户要求上门：{text}")
    turn.say("joined_ticket", number=ticket.number)
    turn.say("progress_item", number=ticket.number, code_name=taxonomy.name_of(ticket.code),
             status=ticket.status.label, eta=ticket_eta(ticket, turn.site, progress=True))
    return True


# A cry that someone is in danger (救命, 求救, 出人命): never only impatience with a report
_CRY = re.compile(r"救命|救救|救人|求救|呼救|sos|help|惨叫|人命|出事|🆘", re.I)
_CALL_MAX = 16


def calls_for_the_report(turn: Turn, text: str, result) -> bool:
    """「快派人来啊」 right after 「卫生间水龙头坏了」: alone, a call for help naming no fault
    is an emergency for the desk to triage; right after an ordinary report of a fault that
    endangers nobody, and naming no danger of its own, it hurries that report, as the
    classifier reads 「快来人 走廊灯不亮了」 (urgency.impatience: after a lift or water coming
    in, someone may be shut in or flooded, and the call stands)."""
    if not result.urgent or result.code != taxonomy.OTHER or len(intents.bare(text)) > _CALL_MAX:
        return False
    if _CRY.search(text) or intents.WORSENING.search(text):  # worse: chased_fault turns the report urgent
        return False
    ticket = newest_open(turn)
    code = ticket.code if ticket is not None else (held_report(turn) or {}).get("code")
    if code is None or (ticket is not None and ticket.urgent) or not urgency.impatience(code):
        return False
    return urgency.only_a_call(situation.assess(situation.in_chinese(normalize(text))[0]))


# Why the wait, or how long now, asked of a delayed repair (为什么要等两天, 怎么要延期, 还要等几天),
# or the wait said back in surprise (要等两天啊？？, 还得等一个星期)
_WHY_WAIT = re.compile(r"(?:为什么|为啥|怎么|干嘛|咋)(?:还)?要?(?:等|延期|推迟|拖|这么久|那么久)|(?:还要|还得|要|得)等(?:几|多少|多久|这么|那么|好几|[0-9一两二三四五六七八九十]{1,2}个?(?:天|周|星期|礼拜))|"
                       r"延期|推迟|(?:几|两|三|这么多)天(?:才|后)")


def delay_asked(turn: Turn, text: str, result) -> bool:
    """「为什么要等两天」 after the desk delayed the repair: the reason and the new time said
    again (seed §二注意(7): the tenant is told why and when), and the question noted. An
    upset one is a complaint of its own."""
    if result.urgent or result.emotion == "upset" or result.intent == "complaint" or not _WHY_WAIT.search(intents.bare(text)):
        return False  # 太慢了 为什么要等两天 我要投诉: a complaint of its own
    ticket = newest_open(turn)
    delayed = None if ticket is None else next((e for e in reversed(ticket.events) if e.action == "delay"), None)
    if delayed is None:
        return False
    note(turn, ticket, f"租户询问延期：{text}")
    turn.say("notify_delay", number=ticket.number, reason=delayed.note or "", new_eta=for_people(ticket.due_at))
    return True


# The help outside the centre asked after (报警了没有, 叫救护车了吗, 通知消防了吗): the police,
# an ambulance, the fire brigade; and the words that ask (吗, 没有, ？)
_RESPONDERS = re.compile(r"报警|报案|警察|派出所|110|120|119|救护车|急救|消防车|消防队")
_ASKS = re.compile(r"吗|么|没有?|[?？]")


def responders_asked(turn: Turn, text: str, result) -> bool:
    """「快点 报警了没有」 right after 「有人打架了 有人流血了」: a question about the help for the
    emergency just reported, for its responders, not a report of its own (报警 alone reads
    as a fire alarm, a second ticket for the engineers). Help coming is said again, with
    what to call meanwhile: the centre does not call the police for the tenant."""
    bare = intents.bare(text)
    if not (_RESPONDERS.search(bare) and _ASKS.search(text)) or intents.FAULT_OBJECT.search(bare):
        return False
    ticket = newest_open(turn)
    if ticket is None or not ticket.urgent or emergencies.names_a_place(bare):
        return False
    if emergencies.names_a_danger(text) and not emergencies.goes_on(ticket, text):
        return False  # 火很大 叫消防了吗 after a flood is a danger of its own
    note(turn, ticket, f"租户询问：{text}")
    turn.say("help_coming")
    turn.say("joined_ticket", number=ticket.number)
    if advice := emergencies.advice(ticket.content, ticket.evidence or []):  # as heard: 煤期味 is gas
        turn.say(advice)
    ask_who_still(turn)
    return True
