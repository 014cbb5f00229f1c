"""A tenant's temper, read from what they say beside the report, which keywords alone miss:

- Contempt of the company or its service (你们物业太差劲了, 这服务也太烂了, 这什么物业), a demand
  for someone above the desk (我要找你们经理, 叫你们领导出来, 你们老板呢), a threat to take it
  further (我去住建局投诉你们, 打市长热线), the end of their patience (这地方没法待了): upset.
  A polite request (麻烦你们管一下) or a calm question for a manager (你们经理今天在吗) is not.
- A threat to leave or stop paying (下个月我就退租, 物业费我不交了): said beside a fault, the fault
  is the report (a complaint) and its writer upset; the rent and the fee words are no billing
  question. Said beside a question (我要退租 押金怎么退) it is the question.
- A member of staff said to take money (保安是不是收了钱): their integrity, not a charge to the
  tenant; the rest of the message decides the code, and staff conduct (SVC-ATTI) when it names none.
"""

import re
from dataclasses import replace

from nlp import gated, taxonomy

_NC = r"[^,.!?;，。！？\s]"  # a character inside the clause
_HIGHER = r"(经理|领导|老板|负责人|主管|上级|老总)"
# ... to stop paying is said in anger whatever it is said beside; to leave may be a plain fact
_STOP_PAYING = (
    r"(物业费|管理费|这钱)" + _NC + r"{0,4}不(会|再|想)?(再)?交了|(就|再也|以后)?不(再)?交(物业费|管理费)了|"
    r"(我|我们)(就|也)?不交了"
)
# each its own pattern, by its own name: one with every alternative is slow to prove linear
# (tests/security/test_regex_safety.py, which tests each module-level name)
_CONTEMPT = re.compile(  # contempt of the company or its service
    r"(物业|你们|服务|管理|公司|客服)" + _NC + r"{0,4}(太差劲|差劲|太烂|真烂|好烂|烂透|太垃圾|太不负责|太差了|真差|差得要命)|"
    r"差劲|这么差的(物业|服务|管理)|这(是|叫)?什么(破|烂)?(物业|服务|管理)|什么(破|烂)(物业|服务|管理)|烂物业"
)
_ABOVE_THE_DESK = re.compile(  # a demand for someone above the desk
    r"(我要|我就|我去|我得|我现在就|要)(找|见)(你们|物业)?的?" + _HIGHER + r"|"
    r"(叫|让|喊)(你们|物业)的?" + _HIGHER + r"|(你们|物业)的?" + _HIGHER + r"(呢|出来|过来|来)(?!吗)"
)
_FURTHER = re.compile(  # a threat to take it further
    r"(我要|我就|我去|我会|就去|就要|要去|就打|我要打)" + _NC + r"{0,4}"
    r"(市长热线|市民热线|政府热线|住建局|房管局|消协|消费者协会|电视台|报社|法院|起诉|律师|网上曝光|发到网上|发抖音|发微博)"
)
# the end of their patience, or of paying
_PATIENCE = re.compile(r"没法待|待不下去|住不下去|没法住了|干不下去|忍不下去|受不了了|" + _STOP_PAYING)
# each searched only in a text holding one of the characters every match needs (most texts hold
# none): these open with optional or common words, which re tries at every position of the text
_PROVOKED = (
    gated.Gated(_CONTEMPT.pattern, "什劲垃差烂责"),
    gated.Gated(_ABOVE_THE_DESK.pattern, "业们导总板理管级责"),
    gated.Gated(_FURTHER.pattern, "协博局律抖政曝民社线网视诉院"),
    gated.Gated(_PATIENCE.pattern, "交住受干待忍法费"),
)
# a threat to leave or to stop paying, said as one (下个月我就退租, 我要退租, 物业费我不交了)
THREAT = re.compile(
    r"(我|我们)?(就|要|直接|马上)(退租|搬走|搬出去|不租了|不续租|不续约|不续了)|"
    r"(到期|合同到期|租约到期)(了)?(我|我们)?(就)?(不租|不续)了|不(想|会)?(再)?(租|续)了|" + _STOP_PAYING
)
# a member of staff said to take money (你们保安是不是收了钱, 门岗收了人家好处)
_STAFF = r"(保安|门岗|门卫|岗亭|保洁|前台|客服|管家|经理|管理员|物业的人|你们的人|工作人员|他们)"
BRIBE = re.compile(
    _STAFF + _NC + r"{0,6}(收了|拿了|收|拿|吃了)(人家|别人|外面|商家|他们|老板)?的?(钱|好处|红包|黑钱|回扣|好处费)"
)
# ... gated as _PROVOKED: most messages name no rent, fee or money
_THREAT = gated.Gated(THREAT.pattern, "交搬租续费")
_BRIBE = gated.Gated(BRIBE.pattern, "包处扣费钱黑")


def provoked(norm: str) -> bool:
    """Whether the message shows its writer upset in a way the emotion keywords do not read."""
    return any(pattern.search(norm) for pattern in _PROVOKED)


def read_beside(classify, norm: str, staff_conduct):
    """The classification with a threat or a bribe set apart, or None to classify as usual.
    classify: the classifier's own method, for the rest; staff_conduct: the Classification of
    a grievance about staff (SVC-ATTI), for a bribe said beside nothing else."""
    threat = _THREAT.search(norm)
    found = threat or _BRIBE.search(norm)
    if not found:
        return None
    rest = (norm[: found.start()] + " " + norm[found.end() :]).strip()
    about = classify(rest) if rest else None
    fault = (
        about is not None
        and about.category not in (taxonomy.OTHER, "FEE")
        and about.code != "SVC-INFO"  # a question for the desk, not a fault
        and about.intent != "inquiry"
    )
    if threat:
        if not fault:
            return None  # 我要退租 押金怎么退: the question
        intent = "complaint" if about.intent in ("repair", "other") else about.intent
        return replace(about, intent=intent, emotion="upset", evidence=[*about.evidence, found.group(0)])
    if not fault:
        return replace(staff_conduct, emotion=about.emotion if about is not None else "calm", evidence=[found.group(0)])
    intent = "complaint" if about.intent in ("repair", "other") else about.intent
    return replace(about, intent=intent, evidence=[*about.evidence, found.group(0)])
