"""A fault said of a thing the message does not name (电梯厅那边的不好使了, 卫生间里那个又坏了, 办公室
那个不好使了, it's not working in the washroom): the place around it is all there is to go on
(issue 17, class 2). The keywords read the place as the fault (办公室 as the desk) or, weighed
less after 里, as nothing, and 坏 against 不好使 gave the lift lobby the lift or nothing.

Where one trade has nearly everything in a place that can stop working, the place decides:
a washroom's or a kitchen's fixtures are plumbing's, what stops working in a lift lobby is the
lift, and at a car park's way in or out the barrier (SEC-PARK, as 道闸又坏了 is labelled).
Anywhere else (a corridor, an office, the shop) the rules are unsure: OTHER, for the model or
the desk's triage to decide, rather than a confident wrong code. A thing named anywhere in the
message (卫生间的灯, the light in the washroom) is left to the keywords."""

import re

from nlp import taxonomy
from nlp.normalize import IN_CLAUSE as _NC

_PLACES = (
    (r"卫生间|洗手间|厕所|公厕|茶水间|厨房|后厨|toilet|washroom|restroom|bathroom|kitchen|pantry", "ENG-PLUMB"),
    (r"(电梯|扶梯|直梯|客梯|货梯)(厅|口|间|门口)|(lift|elevator) lobby", "ENG-LIFT"),
    (r"(停车场|车库|地库|停车库)(的)?(入口|出口|进口|门口)|car ?park (entrance|exit)", "SEC-PARK"),
)
_PLACE_TRADE = tuple((re.compile(p), code) for p, code in _PLACES)
_ELSEWHERE = (
    r"走廊|楼道|过道|大堂|大厅|办公室|会议室|店里|店铺|仓库|房间|门口|停车场|车库|地库|楼梯间|楼上|楼下|家里|"
    r"corridor|hallway|lobby|office|shop|store|warehouse|room|car ?park"
)
_ANY_PLACE = "|".join([p for p, _ in _PLACES] + [_ELSEWHERE])
_FAULT = (
    r"(坏了|坏掉了|坏的|不好使|不好用|不灵|失灵|用不了|不能用|没反应|罢工|不工作|"
    r"not working|broken|doesn't work|isn't working|stopped working|out of order)"
)
# which floor, block or one of a pair (三楼女卫生间, B座2号楼梯间, 员工厨房)
_WHICH = r"([0-9a-z一二三四五六七八九十两负]{1,3}(楼|层|号楼|座|栋|号|区)?){0,2}(男|女|员工|公共|小)?"
# a place, where in it, then "that one" and the fault: nothing named between (卫生间里那个又坏了)
_UNNAMED_ZH = re.compile(
    rf"^(我们|我家|我们店|店里|你们)?(的)?{_WHICH}?(?P<place>{_ANY_PLACE})(的)?(里|里面|那边|这边|旁边|那里|这里|那儿)?(的)?"
    rf"(那个|这个|那|这|那台|那只)?(的)?(东西)?(又|也|都|还|已经|还是|就|好像)?{_FAULT}"
)
# "the one / it / something in the washroom", or "it's not working in the washroom"
_UNNAMED_EN = re.compile(
    rf"^(?:the (?:one|thing)|something|it|it's|it is)(?: [a-z']{{1,10}}){{0,3}}? (?:in|at|inside|near|by) "
    rf"(?:the |our |my |your )?(?:[a-z0-9']{{1,10}} )?(?:{_ANY_PLACE})(?![a-z])"
)
_FAULT_EN = re.compile(rf"(?<![a-z]){_FAULT}(?![a-z])")
# ... and nothing else said after it that names something (一直流水, 灯也不亮: left to the keywords)
_MORE = re.compile(rf"[,，。.!！?？;；\s]{_NC}")


def unnamed_fault(norm: str) -> tuple[str, str, str] | None:
    """(code, intent, "unnamed_fault") when the message says only that something at a place is
    not working, else None."""
    zh = _UNNAMED_ZH.match(norm)
    if zh:
        if _MORE.search(norm, zh.end()):
            return None
        place = zh.group("place")
    elif _UNNAMED_EN.match(norm) and _FAULT_EN.search(norm):
        place = _UNNAMED_EN.match(norm).group(0)
    else:
        return None
    for pattern, code in _PLACE_TRADE:
        if pattern.search(place):
            return code, "repair", "unnamed_fault"
    return taxonomy.OTHER, "other", "unnamed_fault"
