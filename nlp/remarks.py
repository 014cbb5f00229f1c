"""Requests and remarks that name a topic without reporting it (issue 17, wrong codes).

- A document or a statement asked of the centre (a tenancy certificate for a licence, the
  electricity bill's details sent by mail, a copy of a notice) is a request for the desk:
  SVC-INFO, or FEE-BILL when the document is about money. The topic inside it (a power cut
  the certificate is to attest) is not the report.
- Asking the centre to open a gate or a door for someone (the courier cannot get in), or to
  renew a paid card, is a request too, not a fault.
- A remark on the price of a paid job, beside praise of who did it (人很好 就是有点贵), is a
  complaint about the charge: FEE-BILL, not the staff's manner, not praise.
- An animal (or anyone) fouling a shared place is dirt: ENV-CLEAN. The lift, the fire
  passage or the neighbour who keeps the dog only say where and whose.
"""

import re

from nlp import gated, taxonomy

_GAP = r"[^,.!?;，。！？\s]"
_DOCUMENT = r"(证明|明细|账单|清单|记录|凭证|发票|收据|截图|复印件|资料|通知|户号)"
_TAIL = r"(吗|么|嘛|呢|[?？]|$|[,，。\s])"
# who asks is the tenant, of the centre: 开/出 … a document, 发我 … a document, a document … 怎么开
_DOCUMENT_ASKED = re.compile(
    rf"(?<![没不])(开|出|出具|打印|打一份|提供|补)(我|我们|给我|给我们)?(一下|一)?(份|张|个|下)?{_GAP}{{0,10}}?{_DOCUMENT}{_GAP}{{0,4}}?{_TAIL}|"
    rf"(发|寄|转发|传)(我|给我|给我们|到我)[^,.!?;，。！？]{{0,10}}?{_DOCUMENT}|"
    rf"{_DOCUMENT}[^。！？!?]{{0,14}}?(怎么|哪里|哪儿|在哪|去哪|找谁|能不能|可以|能否|能)(开|出|出具|办理|提供|发|打印|补)|"
    rf"把{_GAP}{{1,14}}?(发|寄|转|传)(我|给我|给我们|到我|一下|一份)"
)
# searched only in a text holding one of the characters every match needs (most hold none): it
# opens with optional words, which re tries at every position
_DOCUMENT_ASKED_GATED = gated.Gated(_DOCUMENT_ASKED.pattern, "传单印发寄录截户收票细证账资转通")
# ... a document about money is billing's (电费明细, 缴费记录, 发票)
_MONEY_DOCUMENT = re.compile(r"费|账|票|税|收据|押金|租金|月卡|基金|钱")
# open a gate for someone, or renew a paid card, asked of the centre (门禁能不能开一下 外卖进不来)
_OPEN_ASKED = re.compile(
    r"(门|门禁|闸|道闸|栏杆)(能不能|能否|可以|可不可以|麻烦|请)?(帮忙|帮我|帮我们)?(开一下|开下|开个门|打开一下)"
)
_RENEW_ASKED = re.compile(r"(帮我|帮忙|给我|能不能|可以|麻烦)[^,.!?;，。！？\s]{0,4}(续一下|续费|续期|延期|续上|续个)")
_DOOR_FAULT = re.compile(r"坏|刷不|打不开|开不了|失灵|故障|没反应|卡住|关不上|锁不上")
# a price said to be high, with a degree: 有点贵, 价格偏高, 上门费还要另收 … 不太合理, 肉疼 (贵 alone
# is also the formal "your", 贵中心)
_PRICE_HIGH = re.compile(
    r"(有点|有些|稍微|稍|略|偏|太|挺|比较|真|小)(儿)?贵|贵了(点|些|一点|不少)|肉疼|"
    r"(价格|价钱|要价|收费|费用|维修费|上门费|材料费|人工费|工钱|服务费|手工费)"
    r"[^,.!?;，。！？\s]{0,8}?(偏高|高(?![吗么]|不高)|贵(?![吗么]|不贵)|多(?![少久长])|不透明|不合理|离谱|不便宜)|"
    r"收(得|的)(有点|有些|稍微|太|挺)?(多|高)(?![少久长])"
)
# dirt an animal or a person left (撒尿, 拉便便, 随地大小便)
_FOULED = re.compile(r"撒尿|尿尿|小便(?![器池斗])|大小便|拉屎|拉粑粑|粑粑|便便|狗屎|狗尿|猫屎|猫尿|(拉|撒)了(一|一大)?(泡|坨|堆)|尿了")
_PESTS = re.compile(r"老鼠|蟑螂|虫")
# codes a place or an owner named beside the dirt took (电梯, 消防通道, 楼上邻居), and the dirt held
_PLACE_CODES = ("ENV-CLEAN", "SEC-NOISE", "SEC-SAFE", "SEC-PARK", "ENG-LIFT", "ENG-FIRE", "ENG-CIVIL", "ENG-DOOR", taxonomy.OTHER)
_PAID_JOB = ("SVC-ATTI", "FEE-BILL", taxonomy.OTHER)


def price_remark(norm: str) -> bool:
    """Whether the message says a price is high (有点贵, 维修费偏高), not asks whether it is."""
    return bool(_PRICE_HIGH.search(norm))


def asked_or_remarked(norm: str, code: str, intent: str):
    """(code, intent, structure) for a request or remark the keywords misread, else None."""
    if code in _PLACE_CODES and _FOULED.search(norm) and not _PESTS.search(norm):
        return "ENV-CLEAN", "complaint", "fouled"
    if _DOCUMENT_ASKED_GATED.search(norm):
        return ("FEE-BILL" if _MONEY_DOCUMENT.search(norm) else "SVC-INFO"), "inquiry", "document_asked"
    if _OPEN_ASKED.search(norm) and not _DOOR_FAULT.search(norm):
        return "SVC-INFO", "inquiry", "open_asked"
    if _RENEW_ASKED.search(norm) and _MONEY_DOCUMENT.search(norm):
        return "FEE-BILL", "inquiry", "renew_asked"
    if (code in _PAID_JOB or code.startswith("ENG")) and intent != "inquiry" and price_remark(norm):
        return "FEE-BILL", "complaint", "price_remark"
    return None
