"""Structures read after a harm (nlp.harms), each a class of fresh chat the keywords misread:

- A question about the centre's planned checks and drills (消防演练的时候喷淋会不会喷水, 烟感多久
  检测一次) or about how long a renovation's approval takes (装修审批要多久): questions for the
  desk (SVC-INFO, inquiry), not a fault of the equipment or a renovation complained of.
- Staff or the centre slow to answer or act (客服回复比蜗牛还慢): the handling, SVC-SLOW.
- Whether a repair is done yet (门禁修好了吗): its progress, asked (SVC-INFO, inquiry).
- A fault that is over, asked about (上周停了一天电 现在好了 以后还会不会停): why it happened or
  whether it will again is a question for the desk (SVC-INFO, inquiry), not a repair.
- A question about what to do with arrears (电表欠费了怎么办): billing, asked (FEE-BILL, inquiry).
- A place standing in water or seepage at a plumbing fixture (nlp.floods), a renovation at an
  hour it is not allowed and renovation workers' damage to the common parts (nlp.works);
  a car's alarm sounding; weather asked about, a musty smell, a facade's sign coming off, footage kept and a polite
  request (nlp.misread); a building service asked for a stated need (nlp.arranged)."""

import re

from nlp import (
    arranged,
    asked_english,
    ducts,
    floods,
    gated,
    misread,
    owners,
    surfaces,
    taxonomy,
    unnamed,
    wishes,
    works,
)
from nlp.sounds import DISTURBANCE

# a drill or check coming, asked about (演练的时候…会不会, 检测要不要), or how often one is done
_UPKEEP_ASKED = re.compile(
    r"(演练|演习|检测|测试|巡检|年检|维保|保养)[^。！？!?]{0,12}(会不会|要不要|需不需要|用不用|哪天|几号|几点|什么时候|吗|\?)|"
    r"多久[^。！？!?]{0,6}(检测|检查|保养|维保|年检|清洗|消杀|巡检|测试)一次"
)
# how long a renovation's paperwork takes (装修审批要多久, 报备几天能批下来)
_PAPERWORK_ASKED = re.compile(
    r"(审批|许可|报备|备案|申请)[^。！？!?]{0,6}(要多久|多久|几天|几个工作日|什么时候(能|可以)?(批|下来|办好))"
)
# what to do about money owed (欠费了怎么办, 没钱了怎么充): asked, unless it says the charge is wrong
_ARREARS_ASKED = re.compile(
    r"(欠费|欠缴|余额不足|没钱了|没余额)[^。！？!?]{0,6}(怎么办|咋办|怎么弄|怎么处理|怎么充|怎么交)"
)
# whether a repair is done yet, asked (门禁修好了吗, 什么时候能修好): its progress, for the desk
# (SVC-INFO), unless it says the wait is too long or the fault is back (怎么还是漏: nlp.structure);
# 空调修得怎么样了 keeps the fault's code (tests/nlp/test_codes_fresh_dec6.py)
_PROGRESS_ASKED = re.compile(
    r"修好了(吗|没|么|嘛|不)|修好没|修完了(吗|没)|(什么时候|啥时候|哪天|几号|多久)(能|可以|才能)?修好"
)
# a fault over (现在好了, 已经恢复了, 后来来电了) ...
_OVER = re.compile(
    r"(现在|已经|后来|今天|目前|早就|都)[^,.!?;，。！？\s]{0,2}(好了|恢复|正常了|修好了|没事了|来电了|来水了|有水了|通了|能用了)|"
    r"(恢复|正常)了|(?<!没)(?<!没有)修好了(?![吗没么嘛不])"
)
# ... then why it happened or whether it will again, asked
_WHY_OR_AGAIN = re.compile(
    r"原因|为什么|为啥|怎么回事|咋回事|(什么|啥)(问题|情况)|出(了)?(啥|什么)(事|问题)|问题(吗|么|嘛)|是不是|是[^,.!?;，。！？\s]{1,8}(吗|么|嘛)|以后|下次|会不会|还会|再(坏|停|断|出)|提前通知"
)
# ... unless the fault is back or someone is asked to come (又断了, 麻烦来看看, 派人检查下)
_COME_AND_SEE = re.compile(r"麻烦|派|来看|过来|上门|检查|修一下|处理一下|帮忙|能不能|可不可以")
_NOT_YET = re.compile(r"还是|又|还在|一直|怎么还|依然|仍然|还没|到现在|都[^,.!?;，。！？\s]{0,4}(天|周|星期|礼拜|月)了")
_BROKEN = re.compile(r"坏|漏|故障|不亮|没反应|不响|失灵|过期")
# staff or the centre slow to answer or act (客服回复太慢, 办事跟蜗牛一样, 磨磨蹭蹭): the handling's
# efficiency (SVC-SLOW), not their manner, which 态度 names (态度差 还慢 stays SVC-ATTI)
_SLOW_HANDLING = re.compile(
    r"(回复|回消息|回信息|回得|回的|办事|办得|做事|处理|效率|反应|响应|动作)[^,.!?;，。！？\s]{0,6}(慢|低|磨蹭|拖拉)|"
    r"磨磨蹭蹭|慢吞吞|慢悠悠|拖拖拉拉|(比|跟|像)(蜗牛|乌龟|树懒)|"
    # ... or do not answer at all (管家从来不回消息, 发了微信也没人回)
    r"(从来|一直|都|根本|也|就是)不回|(消息|信息|微信|私信)[^,.!?;，。！？\s]{0,4}(不回|没回|没人回)|(不回|没回)(消息|信息|微信|我)"
)
# water from a neighbour (楼上漏水, 隔壁渗水到我家): the water is the report, the neighbour
# only where it comes from (楼上 alone is a noise cue, and tied with the leak it read nothing);
# public: 楼上漏下来的水正好滴在我们的服务器上 is ENG-LEAK
_NEIGHBOUR_WATER = re.compile(
    r"(楼上|楼下|隔壁|对门|邻居)[^。！？!?，,\s]{0,6}(漏水|渗水|滴水|漏下来|渗下来|漏到|渗到|往下滴|往下漏|返水|冒水)"
)
# what renovation workers damage: the fabric, the lift's car, a door, or a scratch read as harm
_DAMAGED_PARTS = ("ENG-CIVIL", "ENG-LIFT", "ENG-DOOR", "ENV-CLEAN", "SEC-SAFE", "SEC-DECOR", taxonomy.OTHER)
_NOISY = re.compile(r"吵|噪|声音|响|咚|敲|砸|装修")
# a neighbour away or out of reach (楼上没人在家 联系不上, 隔壁店今天没开门, 楼下那家人去旅游了) with no
# disturbance said: no nuisance, and nothing else to route (the report it follows has its code)
_NEIGHBOUR = re.compile(r"楼上|楼下|隔壁|对门|对面|邻居|那户|那家")
_AWAY = re.compile(
    r"不在家|没人在家|家里没人|没人住|(?<![有])没人(了|啊|呀)?($|(?=[\s,，。!！]))|联系不上|联系不到|找不到人|打不通|"
    r"没(开|有开)门|敲门没人|搬走|出差|旅游|出去玩|回老家|没回来|不在(这|本地)"
)
_CENTRE_ASKED = re.compile(r"你们|物业|报修|反映|投诉|客服|管家|师傅|催|没人(管|理|来|处理)")
_DISPUTED = re.compile(r"凭什么|不合理|乱收|多收|多扣|算错|搞错|离谱|不可能")
# one's own thing left somewhere (我的手机落在你们电梯里了, 我把钥匙忘在大堂了): lost property, a desk
# question (taxonomy: SVC-INFO), not a fault of the place it was left in; 白灰落在沙发上 falls
_LOST_MINE = re.compile(r"(我的?|我把|把我的?)(手机|钱包|车?钥匙|包|雨?伞|门禁卡|银行卡|卡|身份证|证件|耳机|眼镜|外套|衣服|"
                        r"电脑|笔记本|平板|充电宝|手表|戒指|项链|帽子|水杯|文件)[^。！？!?]{0,4}(落|丢|忘)(在|到)")

_LOST_MINE_GATED = gated.Gated(_LOST_MINE.pattern, "丢忘落")  # most messages lose nothing: no search


def reading(norm: str, code: str, intent: str, codes: dict | None = None) -> tuple[str, str, str] | None:
    """(code, intent, structure) when one of these structures applies, else None."""
    if asked := asked_english.question(norm):  # what time does the car park close: the desk's
        return asked
    if _LOST_MINE_GATED.search(norm):
        return "SVC-INFO", "inquiry", "lost_mine"
    if on_surface := surfaces.reading(norm, code, intent):  # 坡道太滑了, 贴满了小广告: the surface's
        return on_surface
    if codes is not None and (owned := owners.centre_owned(norm, code, codes)):  # 外机是你们物业装的
        return owned
    if unnamed_at := unnamed.unnamed_fault(norm):  # 卫生间里那个又坏了: the place is all there is
        return unnamed_at
    if code in ("ENG-HVAC", "ENG-PLUMB", taxonomy.OTHER) and ducts.duct_burning(norm):  # 排烟管道冒火星
        return "SEC-SAFE", "complaint", "duct_fire"
    if arranged.service_asked(norm):  # 周日加班 能开下空调吗: the desk arranges it, nothing is broken
        return "SVC-INFO", "inquiry", "service_asked"
    if code in ("ENG-FIRE", "SEC-NOISE", "SEC-PARK", taxonomy.OTHER) and misread.car_alarm(norm):  # 车一直在报警
        return "SEC-NOISE", "complaint", "car_alarm"
    if wishes.about_timing(norm) and code != taxonomy.OTHER:  # 希望空调能早点开: no fault, a wish
        return code, "suggestion", "timing_wish"
    if codes is not None and misread.lift_as_place(norm, code):
        others = [(score, other) for other, score in codes.items() if other != code and score > 0]
        act = max(others)[1] if others else taxonomy.OTHER  # nothing else read: the model fills in
        if act == taxonomy.OTHER:
            return act, "complaint", "lift_as_place"
        asks = intent in ("inquiry", "suggestion")
        return act, intent if asks else "repair" if act.startswith("ENG") else "complaint", "lift_as_place"
    asked = code.startswith("ENG") or code in ("SVC-INFO", "SEC-DECOR", taxonomy.OTHER)
    if asked and (_UPKEEP_ASKED.search(norm) or _PAPERWORK_ASKED.search(norm)) and not _BROKEN.search(norm):
        return "SVC-INFO", "inquiry", "upkeep_asked"
    progress = code != "FEE-BILL"  # a bill put right is billing's
    if progress and _PROGRESS_ASKED.search(norm) and not _NOT_YET.search(norm):
        return "SVC-INFO", "inquiry", "progress_asked"
    # ... a fault the keywords named, whatever code the question already took
    faulted = any(c.startswith("ENG") and score > 0 for c, score in (codes or {}).items())
    over = code.startswith("ENG") or code == taxonomy.OTHER or (code == "SVC-INFO" and faulted)
    if over and _OVER.search(norm) and _WHY_OR_AGAIN.search(norm[_OVER.search(norm).end() :]):
        if not _NOT_YET.search(norm) and not _COME_AND_SEE.search(norm):
            return "SVC-INFO", "inquiry", "fault_over_asked"
    owed = code == "FEE-BILL" or code.startswith("ENG")  # the meter or card owed on names its own code
    if owed and intent != "inquiry" and _ARREARS_ASKED.search(norm) and not _DISPUTED.search(norm):
        return "FEE-BILL", "inquiry", "arrears_asked"
    if code in (taxonomy.OTHER, "SEC-NOISE") and _NEIGHBOUR_WATER.search(norm) and not _NOISY.search(norm):
        return "ENG-LEAK", "repair", "neighbour_water"
    # ... read as a noise, or as a wait (一直没人住, 电话打不通) where no report to the centre is said
    waited = code == "SVC-SLOW" and not _CENTRE_ASKED.search(norm)
    away = (code == "SEC-NOISE" or waited) and _NEIGHBOUR.search(norm) and _AWAY.search(norm)
    if away and not DISTURBANCE.search(norm):
        return taxonomy.OTHER, "other", "neighbour_away"
    if misread.critter(norm, code):  # 上面好像有东西在爬: pests, not a neighbour's noise
        return "ENV-PEST", "complaint", "critter"
    if misread.ready_asked(norm, code):  # 暴雨要来了 地库会不会淹: feared, not yet flooded
        return "SVC-INFO", "inquiry", "ready_asked"
    if floods.flooded(norm, code):
        return "ENG-PLUMB", "repair", "flooded"
    if floods.fixture_seeps(norm, code):
        return "ENG-PLUMB", "repair", "fixture_seeps"
    rules_broken = works.renovating_off_hours(norm) or works.renovating_unapproved(norm)
    if code in ("SEC-NOISE", "ENG-CIVIL", taxonomy.OTHER) and rules_broken:
        return "SEC-DECOR", "complaint", "off_hours"
    if code in _DAMAGED_PARTS and works.workers_damage(norm):  # 装修工人把地砖砸裂了
        return "SEC-DECOR", "complaint", "workers_damage"
    if misread.footage_asked(norm):
        return "SVC-INFO", "inquiry", "footage_kept"
    if misread.musty_smell(norm, code):
        return "ENV-CLEAN", "complaint", "musty_smell"
    if misread.facade_piece(norm, code):
        return "ENG-CIVIL", "repair", "facade_piece"
    if misread.appliance_at_water(norm, code) and intent in ("repair", "complaint", "other"):
        return code, "repair", "appliance_at_water"
    if misread.proposal(norm, intent):
        return code, "suggestion", "proposal"
    if misread.polite_request(norm, code, intent):
        return code, "repair", "polite_request"
    return None


def slow_handling(norm: str) -> bool:
    """Whether the message complains that staff or the centre are slow, and not of their manner."""
    return bool(_SLOW_HANDLING.search(norm)) and "态度" not in norm
