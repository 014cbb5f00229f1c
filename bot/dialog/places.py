"""Where the report just made is, said as a place alone (B2层靠近电梯那, 负二楼电梯旁边,
3楼厕所门口 after an emergency; 在卫生间, 天花板上 after 漏水): the classifier reads the
landmark (电梯, 车库, 天花板) as a fault of its own, which opened a second ticket (or held one
while we asked who is writing) instead of telling the people sent where to go."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.dialog import intents
from bot.dialog.identity import held_report, hold_words, remind_identity
from bot.dialog.tickets import join, newest_open
from bot.identity import PROVINCES
from nlp.taxonomy import OTHER

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

# Matched against bare() text: a floor (B2层, B1, 负二楼, 3f; not a unit's L2-015), or a word that says near what
_FLOOR = re.compile(r"[a-z]\d{1,2}(?:层|楼(?!梯)|f)?(?![\d-])|(?:\d{1,2}|负[一二三四五]|[一二三四五六七八九十]{1,2})(?:层|楼(?!梯)|f)")
_NEAR = re.compile(r"靠近|旁边|附近|边上|对面|门口|出口|入口|那边|那里|这边|这里|那儿|这儿|那$")
# Landmarks and the words around a place: what is left once they go is what the message reports
_LANDMARK = re.compile(r"就在|在|就是|是|车库|停车场|大厅|走廊|过道|通道|楼梯[间口]?|厕所|卫生间|洗手间|广场|中庭|"
                       r"[东南西北]门|[东南西北]侧|电梯口|扶梯口|超市|商场|店|铺")


_PARTICLES = re.compile(r"[的了啊呀吧呢哦嘛哈那这边儿个一下]")
# 在卫生间, 天花板上, 厨房水槽下面, 靠门口那边: a few characters said with 在 before them or a
# locative after them, and no word of a fault (天花板上在滴水 is the fault again), a question
# (在哪里交 asks where to pay) or a person (我在里面 after 电梯坏了: someone is trapped)
_AT_PLACE = re.compile(
    r"^(?:就|是|位置|地方)?在[\u4e00-\u9fffa-z0-9-]{1,8}?(?:上面|上|里面|里|里头|下面|底下|旁边|边上|那里|那边|这边)?$|"
    r"^[\u4e00-\u9fffa-z0-9-]{1,8}?(?:上面|上|里面|里|里头|下面|底下|旁边|边上|那里|那边|顶上)$"
)
_NOT_A_PLACE = re.compile(r"漏|滴|渗|坏|堵|裂|掉|响|冒|烧|断|停|不|没|破|松|臭|吵|脏|水|哪|吗|么|几|多少|谁|交|办|买|我|你|他|她|人|孩|娃|宝|老")


def place_only(text: str) -> bool:
    """The message says a place and nothing that happened there: nothing is left once its
    floor, its landmarks and the things named as landmarks (电梯 in 靠近电梯那) go;
    「门口的灯不亮了」 leaves 不亮."""
    bare = intents.bare(text)
    if _AT_PLACE.match(bare) and not _NOT_A_PLACE.search(bare):
        return True
    if not (_FLOOR.search(bare) or _NEAR.search(bare)):
        return False
    # landmarks before the things they are named after: 扶梯口 is a place, not 扶梯 and 口
    rest = intents.FAULT_OBJECT.sub("", _LANDMARK.sub("", _NEAR.sub("", _FLOOR.sub("", bare))))
    return not _PARTICLES.sub("", rest)


# A car named by its plate and nothing else (我的车牌浙A12345, 车牌号是粤B12345 白色的): which car
# the report is about, not a parking report of its own. Matched against bare() text.
_PLATE_ONLY = re.compile(rf"^(?:我的?|他的?|那辆车的?|对方的?)?(?:车牌号?码?|车号|牌照)?(?:是|为)?"
                         rf"[{PROVINCES}][a-z]·?[a-z0-9]{{4,6}}[警学挂]?(?:的车)?(?:[白黑红银灰蓝绿黄]色的?(?:车)?)?$")


def car_only(text: str) -> bool:
    return bool(_PLATE_ONLY.match(intents.bare(text)))


# Who and where the tenant is, said before what is wrong (我们店, 我是二楼的, 我是三楼奶茶店的,
# 我们这边, 我是一楼星巴克的, 我是zara的, 你好 我是5栋的业主): a report in pieces, its fault in the next message. Matched against bare() text.
_FROM = re.compile(r"^(?:(?:物业)?(?:你好|您好)(?:物业)?|hi|hello)?(?:我|我们|咱们|俺们?|本人)(?:是|在|家|住)?(?P<where>"
                   r"\d{1,3}(?:栋|幢|号楼|座)(?:\d{1,2}单元)?的?|(?:这边|这里|那边)?(?:" + _FLOOR.pattern +
                   r"|隔壁|对面|楼上|楼下)?的?(?:[\u4e00-\u9fff]{0,5}?(?:店|馆|铺|超市|餐厅|药房|公司|档口|门面|铺子))?"
                   r"(?:的|这边|这里|那边)?"
                   # a shop by its own name (一楼星巴克的, 三楼那家喜茶的): after a floor, or a brand in Latin letters
                   r"|(?:" + _FLOOR.pattern + r")(?:那家|这家)?[\u4e00-\u9fff]{2,6}?的|(?:" + _FLOOR.pattern +
                   r")?[a-z][a-z&' ]{1,15}的)(?:业主|租户|住户|商户|店主|老板)?(?:呀|啊|哈|哦){0,2}$")


def where_from(turn: Turn, text: str, result) -> bool:
    """Who and where only, and no problem yet: held, and the fault that follows opens one
    ticket with it (not a ticket of its own for a person to read, beside the real one).
    Right after a report, or with the report we hold, it is that report's."""
    match = _FROM.match(intents.bare(text))
    if result.urgent or match is None or not match.group("where").strip("的"):
        return False
    if result.code != OTHER:  # 我是一楼卫生间漏水的: a fault said in the same breath
        return False
    if where_it_is(turn, text, result, anywhere=True):
        return True
    hold_words(turn, text, fragment=True)
    if turn.first_contact:
        turn.say("greeting", centre=turn.site.name)
    turn.say("ask_what_problem")
    return True


def where_it_is(turn: Turn, text: str, result, anywhere: bool = False) -> bool:
    """A place (or the car's plate) alone, right after a report: on its ticket (an emergency's responders are
    told help is coming), or with the report we hold while we ask who is writing
    (anywhere: the message is known to say where, in other words than place_only's)."""
    if result.urgent or not (anywhere or place_only(text) or car_only(text)):  # the words first: no query
        return False
    ticket = newest_open(turn)
    if ticket is not None:
        if ticket.urgent:
            turn.say("help_coming")
        join(turn, ticket, text)
        return True
    if held_report(turn):
        hold_words(turn, text)  # 二楼 is no substance alone, but where the held report is
        remind_identity(turn)
        return True
    return False


# 「你们的保安」「那个保洁阿姨」 after 「我要投诉」: whom the complaint is about, and nothing they did
# yet. Matched against bare() text.
_SUBJECT_ONLY = re.compile(r"(?:你们|我们|那个|这个|这里|这边|那边)?(?:的)?(?:那个|这个|个)?"
                           r"(?:保安|保安员|门卫|巡逻的|保洁|保洁员|保洁阿姨|阿姨|前台|客服|物业|管理员|管理处|经理|工程部|"
                           r"工程师|维修工|维修师傅|师傅|电工)(?:们)?(?:啊|呀|吧|哦)?")


def subject_only(turn: Turn, text: str, result) -> bool:
    """Whom a complaint is about, said alone: held, and what they did (晚上巡逻的时候在店门口抽烟,
    a smoking complaint alone) opens one ticket with it; each opened a ticket of its own."""
    if result.urgent or _SUBJECT_ONLY.fullmatch(intents.bare(text)) is None:
        return False
    hold_words(turn, text, fragment=True, subject=True)
    if turn.first_contact:
        turn.say("greeting", centre=turn.site.name)
    turn.say("ask_what_problem")
    return True


def with_subject(turn: Turn, text: str, result):
    """What was said after whom it is about is read with it: 晚上巡逻的时候在店门口抽烟 alone is a
    smoking complaint, after 你们的保安 it is the guard's conduct."""
    pending = held_report(turn)
    if result.urgent or not (pending and pending.get("subject")):
        return result
    return turn.classify(" ".join(pending.get("texts") or []) + " " + text)
