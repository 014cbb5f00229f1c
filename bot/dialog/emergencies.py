"""What a tenant writes right after the emergency they reported (配电箱有股焦味, then 现在开始
冒烟了; 电梯困人了, then 我是里面的人 手机快没电了): the classifier reads the new words as a danger
of their own (smoke is the guards', 没电 a power cut), which opened a second urgent ticket beside
the first. Naming no thing, no place and no danger of another kind, it is that emergency
going on, for the responders already sent."""
from __future__ import annotations

import re
from typing import Optional

from bot.dialog import intents
from models import Ticket
from nlp import situation
from nlp.normalize import normalize

# A place of its own (车库着火了, 隔壁冒烟了, 二楼有人晕倒了): somewhere else, another emergency.
# Matched against bare() text; the tenant's own shop (店里) is where they are.
_PLACE = re.compile(r"车库|停车场|大厅|走廊|过道|通道|楼梯|厕所|卫生间|洗手间|广场|中庭|[东南西北]门|门口|电梯口|扶梯口|"
                    r"超市|商场|仓库|厨房|隔壁|对面|楼上|楼下|外面|马路|[0-9一二三四五六七八九十负]{1,3}(?:楼|层|号|f)|[a-z][0-9]{1,2}")


def names_a_place(bare_text: str) -> bool:
    """A place of its own (车库, 隔壁, 二楼): somewhere other than where the report is."""
    return bool(_PLACE.search(bare_text))


def goes_on(ticket: Optional[Ticket], text: str) -> bool:
    """The urgent message names nothing the emergency just reported does not: no thing of
    its own (配电箱冒烟了 after 电梯困人了 is a second emergency), no place, no other danger."""
    if ticket is None or not ticket.urgent:
        return False
    bare = intents.bare(text)
    if _PLACE.search(bare) or not set(intents.FAULT_OBJECT.findall(bare)) <= set(intents.FAULT_OBJECT.findall(ticket.content)):
        return False
    # and no danger the emergency did not have (火很大 after a flood, 有人打架 after smoke)
    return _dangers(text) <= _dangers(ticket.content)


def names_nothing_of_its_own(text: str) -> bool:
    """砸到人了 流血了: a danger with no thing and no place of its own, so about what the
    tenant has just told us (天花板掉下来一块), not a second problem."""
    bare = intents.bare(text)
    return not _PLACE.search(bare) and not intents.FAULT_OBJECT.search(bare)


def names_a_danger(text: str) -> bool:
    return bool(_dangers(text))


def _dangers(text: str) -> set[str]:
    return situation.danger_classes(situation.assess(situation.in_chinese(normalize(text))[0]).classes) - {"help"}


# What to do before help arrives, by the danger, the most pressing first (a fire with someone
# hurt: leave first); said once, when the emergency's ticket opens
_ADVICE = (("fire", "advice_fire"), ("gas", "advice_gas"), ("injured", "advice_injured"),
           ("taken_ill", "advice_injured"), ("drowning", "advice_injured"), ("violence", "advice_violence"),
           ("crime_now", "advice_violence"), ("intruder", "advice_violence"), ("trapped", "advice_trapped"),
           ("electric", "advice_electric"))


# someone lost (小孩走丢了): the situation reading counts it among people in danger, where the
# advice for the hurt (call 120) does not fit
_LOST = re.compile(r"走丢|走失|迷路|找不到(?:妈妈|爸爸|家人|家)|找不着(?:妈妈|爸爸|家)")
# ... one of the tenant's own (我女儿走丢了): they are searching, not minding someone found
_OWN_LOST = re.compile(r"(?:我|我们|我家)的?(?:女儿|儿子|孩子|小孩|宝宝|闺女|妈|爸|母亲|父亲|老人|爷爷|奶奶|外公|外婆|"
                       r"老公|老婆|家人|朋友|同事)")


def heard(text: str, evidence: list[str]) -> str:
    """The text with the classifier's voice-typing corrections made (煤期味≈煤气味 in its
    evidence: 煤气味), so the advice fits the danger the classifier heard."""
    for word in evidence:
        typed, sep, meant = word.partition("≈")
        if sep and typed and meant:
            text = text.replace(typed, meant)
    return text


def advice(text: str, evidence: list[str] = ()) -> Optional[str]:
    """The phrase key of the safety advice for the danger the message tells, if any."""
    text = heard(text, list(evidence))
    dangers = _dangers(text)
    if dangers and _LOST.search(text):
        return "advice_lost_own" if _OWN_LOST.search(text) else "advice_lost"
    return next((key for danger, key in _ADVICE if danger in dangers), None)
