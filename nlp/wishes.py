"""Wishes the keywords misread by the words they use:

- "If only" (要是地库能多装几盏灯就好了, 如果垃圾桶能多摆几个就方便多了): a wish for something
  new, a suggestion on its topic, which the model hears as a complaint; "if it is not fixed"
  (要是明天还不修好) is a grievance, not a wish.
- A wish for staff at a post (希望多安排个保安, 要是前台中午也留个人就好了): a suggestion on the
  post's topic (security, cleaning, the desk), not about anyone's manner (SVC-ATTI), which the
  post's name alone reads; a wish about manner (希望保安说话客气点) stays SVC-ATTI.
- A wish about when a service runs (希望空调能早点开, 希望服务中心周日也能开门): a suggestion on the
  service's topic, which the keywords read as the service's fault; a fault wished fixed soon
  (希望早点修好) stays a repair.
"""

import re

from nlp.normalize import IN_CLAUSE as _NC

_IF_ONLY = re.compile(
    rf"(要是|如果|假如|若是|若|要)(能|可以)?{_NC}{{1,20}}?(就好了|就更好了|就好啦|就好咯|就方便(多)?了|就省事了|该多好|多好啊)"
)
# ... not a fault wished fixed, nor a threat (要是再不修就投诉)
_NOT_A_WISH = re.compile(r"尽快|赶紧|马上|快点|(?<!装)修|处理|解决|坏|漏|堵|不亮|投诉|12345|曝光|再不|还不")

# a wish, said by its intent or its form
_WISHED = re.compile(r"希望|盼望|期望|最好|建议|要是能|如果能|能不能多|可不可以多")
# who is wished for, by post, and the topic each serves; 阿姨 alone is a cleaner (保洁阿姨)
_POSTS = (
    (re.compile(r"保安|安保|巡逻|门岗|岗亭|保安亭|值守"), "SEC-SAFE"),
    (re.compile(r"保洁|清洁工|阿姨"), "ENV-CLEAN"),
    (re.compile(r"前台|客服|服务中心|物业中心|管家|值班"), "SVC-INFO"),
)
# a time wished earlier or later (早点开, 提前半小时开, 晚一点关, 九点前打扫完, 上班前收走)
_WISHED_TIME = re.compile(
    rf"(希望|最好|期望|盼望|建议)(能|可以)?{_NC}{{0,10}}?(早(点|一点|些|一些)|提前|晚(点|一点|些|一些)|推迟|延后|错开|"
    rf"[0-9一二三四五六七八九十]点(以|之)?前|(上班|营业|开门|开业)(以|之)?前|"
    # ... or on days and hours it does not run now (希望服务中心周日也能开门, 最好晚上也有人值班)
    r"(周末|周六|周日|周天|星期六|星期天|星期日|礼拜六|礼拜天|节假日|假日|节日|晚上|夜里|中午|午休|全天|24小时|二十四小时)"
    r"(也|都)(能|可以|会|要|有人)?(开门|开|营业|上班|办公|有人|值班|开放|办理|办|服务))"
)
_MANNER = re.compile(r"态度|说话|语气|客气|礼貌|耐心|热情|微笑|笑脸|培训|素质|凶|骂|冷淡|敷衍|脸色|白眼")


def if_only(norm: str) -> bool:
    """Whether the message wishes for something new with "if only" (要是…就好了)."""
    return bool(_IF_ONLY.search(norm)) and not _NOT_A_WISH.search(norm)


def about_timing(norm: str) -> bool:
    """Whether the message wishes a service ran earlier or later, naming no fault."""
    return bool(_WISHED_TIME.search(norm)) and not _NOT_A_WISH.search(norm)


def staffing(norm: str, code: str, intent: str, codes: dict) -> tuple[str, str, str] | None:
    """(code, "suggestion", "staffing_wish") when the message wishes for staff at a post, else None.
    The post's name read as staff (SVC-ATTI) or, too weak to route on, nothing (OTHER)."""
    if code not in ("SVC-ATTI", "OTHER") or not codes.get("SVC-ATTI"):
        return None
    if intent == "praise" or _MANNER.search(norm) or _NOT_A_WISH.search(norm):
        return None
    if intent != "suggestion" and not _WISHED.search(norm) and not _IF_ONLY.search(norm):
        return None
    return next(((topic, "suggestion", "staffing_wish") for post, topic in _POSTS if post.search(norm)), None)
