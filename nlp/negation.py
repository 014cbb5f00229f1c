"""Negation by state or by relevance: an object the tenant says is fine (电梯没坏, 灯是好的) or
has nothing to do with the problem (跟空调没关系, 不关水管的事) is not the subject."""

import re

from nlp.rules import CODE

# "电梯没坏 是灯不亮": the object said to be fine is not the subject
_FINE_WORDS = "没坏|没有坏|没问题|没有问题|是好的|是正常的|正常的|没事|好好的|能用|能走"
FINE = re.compile(rf"本身(?:{_FINE_WORDS})|{_FINE_WORDS}")  # as (本身)?(…), opening with characters
# "跟空调没关系 是窗户关不上", "与电梯无关", "不关水管的事": the object named between is ruled out
_UNRELATED = re.compile(
    r"(?:跟|和|与)([^,.!?;，。！？\s]{1,6}?)(?:都|也)?(?:没有?(?:什么|啥)?关系|无关)|不关([^,.!?;，。！？\s]{1,6}?)的事"
)


def _codes_at_end(text: str, index: dict) -> set[str]:
    """The codes of the longest keyword that ends the text."""
    for size in range(len(text), 0, -1):
        hits = index.get(text[-size:])
        if hits:
            return {target for kind, target, _ in hits if kind == CODE}
    return set()


def cleared_codes(norm: str, index: dict) -> set[str]:
    """Codes of objects the tenant says are fine (the keyword right before 没坏, 是好的 ...) or
    unrelated (the keyword between 跟 and 没关系)."""
    out: set[str] = set()
    for match in FINE.finditer(norm):
        out |= _codes_at_end(norm[max(0, match.start() - 4) : match.start()], index)
    if "关" in norm:  # 没关系, 无关, 不关: most messages have no 关 and skip the search
        for match in _UNRELATED.finditer(norm):
            out |= _codes_at_end(match.group(1) or match.group(2), index)
    return out
