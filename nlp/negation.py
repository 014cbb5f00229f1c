"""Negation by state or by relevance: an object the tenant says is fine (电梯没坏, 灯是好的) or
has nothing to do with the problem (跟空调没关系, 不关水管的事) is not the subject."""

import re

from nlp.rules import codes_named

# "电梯没坏 是灯不亮": the object said to be fine is not the subject
_FINE_WORDS = "没坏|没有坏|没问题|没有问题|是好的|是正常的|正常的|没事|好好的|能用|能走"
FINE = re.compile(rf"本身(?:{_FINE_WORDS})|{_FINE_WORDS}")  # as (本身)?(…), opening with characters
# "跟空调没关系 是窗户关不上", "与电梯无关", "不关水管的事": the object named between is ruled out
_UNRELATED = re.compile(
    r"(?:跟|和|与)([^,.!?;，。！？\s]{1,6}?)(?:都|也)?(?:没有?(?:什么|啥)?关系|无关)|不关([^,.!?;，。！？\s]{1,6}?)的事"
)


# an object named only as a likeness (臭得像死老鼠, 像下雨一样, 跟蚊子尿尿似的) is not the subject either
_SIMILE = re.compile(
    r"(?:像|跟|如同|犹如|好比)([^,.!?;，。！？\s]{1,6}?)(?:一样|似的|一般|似地)|得像([^,.!?;，。！？\s]{1,5})"
)
_LONGEST = 6  # keywords looked up in a likeness are this long at most

# a personal device's battery (手机快没电了, 电动车没电了, 充电宝没电): no power cut, whatever 没电 names
_DEVICE_BATTERY = re.compile(
    r"(手机|电话|电动车|电瓶车|电单车|平衡车|滑板车|充电宝|手表|耳机|对讲机)[^,.!?;，。！？\s]{0,3}(快|都|也)?没电"
)


def device_battery(norm: str) -> bool:
    """The message says a personal device's battery is dying (手机快没电了)."""
    return "没电" in norm and bool(_DEVICE_BATTERY.search(norm))


def _codes_within(text: str, index: dict) -> set[str]:
    """The codes of every keyword inside the text."""
    out: set[str] = set()
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + _LONGEST) + 1):
            hits = index.get(text[start:end])
            if hits:
                out |= codes_named(hits)
    return out


def _likened_codes(norm: str, index: dict) -> set[str]:
    """Codes named only inside a likeness, and nowhere else in the message."""
    spans = [m for m in _SIMILE.finditer(norm)]
    if not spans:
        return set()
    likened: set[str] = set()
    rest, last = [], 0
    for m in spans:
        likened |= _codes_within(m.group(1) or m.group(2), index)
        rest.append(norm[last : m.start()])
        last = m.end()
    rest.append(norm[last:])
    return likened - set().union(*(_codes_within(part, index) for part in rest))


def _codes_at_end(text: str, index: dict) -> set[str]:
    """The codes of the longest keyword that ends the text."""
    for size in range(len(text), 0, -1):
        hits = index.get(text[-size:])
        if hits:
            return codes_named(hits)
    return set()


def cleared_codes(norm: str, index: dict) -> set[str]:
    """Codes of objects the tenant says are fine (the keyword right before 没坏, 是好的 ...),
    unrelated (the keyword between 跟 and 没关系) or named only as a likeness (像死老鼠一样)."""
    out: set[str] = _likened_codes(norm, index) if ("像" in norm or "似" in norm or "般" in norm) else set()
    battery = _DEVICE_BATTERY.search(norm) if "没电" in norm else None
    if battery:  # the device's, not the unit's power, unless the rest names the power too
        rest = norm[: battery.start()] + " " + norm[battery.end() :]
        out |= codes_named(index.get("没电", ())) - _codes_within(rest, index)
    for match in FINE.finditer(norm):
        out |= _codes_at_end(norm[max(0, match.start() - 4) : match.start()], index)
    if "关" in norm:  # 没关系, 无关, 不关: most messages have no 关 and skip the search
        for match in _UNRELATED.finditer(norm):
            out |= _codes_at_end(match.group(1) or match.group(2), index)
    return out


# negators that deny what follows is the subject (不是垃圾的味 是下水道), unlike 没 (没热水 is a fault)
CONTRAST = frozenset(("不是", "并不是", "并非"))


def main_subject(tokens: list[str], denied, cleared, index: dict, keep: str) -> list[str]:
    """The tokens the model's second opinion hears: not a keyword said not to be it (`denied`:
    indexes after 不是) unless it names `keep`, the code chosen, nor an object said to be fine (a
    keyword naming only `cleared` codes)."""
    if denied and not cleared:  # ... unless it names the code chosen (空调不是不制冷 是噪音太大)
        skip = {i for i in denied if i < len(tokens) and keep not in codes_named(index.get(tokens[i], ()))}
        tokens = [t for i, t in enumerate(tokens) if i not in skip]
    if cleared:
        tokens = [t for t in tokens if not _names_only(index.get(t, ()), cleared)]
    return tokens


def _names_only(found, cleared) -> bool:
    """Whether a token's keyword names only codes among those cleared."""
    named = codes_named(found)
    return bool(named) and named <= cleared
