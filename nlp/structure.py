"""Sentence structures that decide the code where a bag of keywords cannot.

- A chase about an earlier report: SVC-SLOW when the tenant has waited too long or asks
  again, SVC-INFO when only asking when someone will come.
- A money question (多少钱, 怎么收费) is FEE-BILL whatever it is about.
- Lost property (落了/丢了 … 有人看到吗) is a question for the desk.
- The source of a noise decides its code: the centre's equipment or pests, not SEC-NOISE.
- A place that only says where the faulty thing is ("停车场的灯", "电梯旁边的厕所") weighs
  less than the thing: in a Chinese noun phrase the last noun is the head.
"""

import re

from nlp import taxonomy

_EARLIER_REPORT = re.compile(r"(报(的|了|过|修)|报修|反映(过|了)?|投诉(过|了)|工单|单号|催(过|了)|上次说)")
_WAITED = re.compile(r"(天|周|礼拜|星期|小时|个月)了|第[二三四五六七八九十几\d]+(次|个|回|天)|还没|还是|一直没|到现在|"
                     r"没人(来|管|理|处理)|没动静|pending|待派单|石沉大海|拖")
_WHEN = re.compile(r"(哪天|什么时候|几点|多久|大概|啥时候).{0,6}(来|到|修|处理)|能来吗|来不来|进度")
_MONEY_QUESTION = re.compile(r"多少钱|怎么收费|如何收费|收费标准|怎么算|按.{1,6}(算|收)|要钱吗|收费吗|免费吗|费用是")
_LOST = re.compile(r"(落|丢|掉|忘)(了|在).{0,20}(有人|谁)?(捡到|看到|交到|见到|拾到)")
_NOISE_WORDS = re.compile(r"响|吵|噪音|声音|轰|嗡|咚|睡不着|震")
# who makes the noise: the centre's equipment and pests have codes of their own
_NOISE_SOURCES = ("ENG-HVAC", "ENG-LIFT", "ENG-PLUMB", "ENG-FIRE", "ENG-ELEC", "ENG-DOOR", "ENV-PEST")


_CODE_KIND = 0  # nlp.rules.CODE
_PROPERTY_CODES = ("SEC-NOISE",)  # "电梯的噪音": a noise belongs to its source


def place_modifiers(tokens: list[str], rules) -> set[int]:
    """Indices of place words followed by 的 and then, in the same clause, a word naming another
    code: the place modifies that word. Noises belong to the place instead, and so do parts
    and what is said of them when the place is an object too (电梯的门打不开)."""
    index, places, parts, possessive, breaks = rules.index, rules.places, rules.parts, rules.possessive, rules.breaks
    out: set[int] = set()
    if possessive not in tokens:
        return out
    n = len(tokens)
    for i in range(n - 2):
        tok = tokens[i]
        if tok not in places or tokens[i + 1] != possessive:
            continue
        own = {target for kind, target, _ in index.get(tok, ()) if kind == _CODE_KIND}
        for j in range(i + 2, n):
            later = tokens[j]
            if later in breaks:
                break
            if later in parts:
                if tok in rules.part_owning_places:
                    break
                continue
            named = {target for kind, target, _ in index.get(later, ()) if kind == _CODE_KIND}
            if named - own - set(_PROPERTY_CODES):
                out.add(i)
                break
    return out


def refine(norm: str, code: str, intent: str, codes: dict) -> tuple[str, str]:
    """The code and intent after the structures above; unchanged when none applies."""
    if code == "SVC-ATTI":  # a grievance about a person's manner stays one
        return code, intent
    if _LOST.search(norm):
        return "SVC-INFO", "inquiry"
    if _MONEY_QUESTION.search(norm) and intent in ("inquiry", "complaint", "repair", "other"):
        return "FEE-BILL", intent if intent != "repair" else "inquiry"
    if _EARLIER_REPORT.search(norm) and taxonomy.category_of(code) in ("ENG", "SVC", "OTHER", "ENV", "SEC"):
        if _WAITED.search(norm):
            return "SVC-SLOW", "complaint"
        if _WHEN.search(norm):
            return "SVC-INFO", "inquiry"
    if code == "SEC-NOISE" and _NOISE_WORDS.search(norm):
        sources = [(codes[c], c) for c in _NOISE_SOURCES if codes.get(c, 0) > 0]
        if sources:
            return max(sources)[1], "repair" if max(sources)[1].startswith("ENG") else "complaint"
    return code, intent
