"""The place a thing is in, heard as the thing: 「空调外机下面的地漏堵了」 names the air
conditioner only to say where the drain is, 「收费亭旁边的消防栓漏水」 the fee only in the
booth's name. In 「place + locative + 的 + object」 the object is the head; the model's n-grams
hear every word alike."""

from functools import lru_cache

from nlp.rules import codes_named, compile_rules, default_rules

# beside, under, in front of: another thing than the place (上, 里, 内 may be its own part:
# 电梯里的灯 is the lift's, 草坪上的喷头 waters the lawn)
_BESIDE = frozenset(("底下", "门前", "下", "下面", "旁边", "附近", "那边", "这边", "门口", "边上", "口", "前", "后面",
                     "周围", "对面", "外面", "那里", "这里", "那儿", "这儿"))
_DEMONSTRATIVES = frozenset(d + m for d in "那这" for m in "个盏台根部只块扇排条间套组处把张")


@lru_cache(maxsize=1)
def _rules():
    # the shipped locatives: staff overrides add keywords, not locatives
    return compile_rules(default_rules())


def place_heard(tokens: list[str], code: str, object_code: str) -> bool:
    """Whether the object after a place phrase and 旁边的/下面的/门口那个 … names `object_code`,
    and `code` is named by no word but the place phrase's."""
    rules = _rules()
    index, possessive = rules.index, rules.possessive
    named_at = [codes_named(index.get(t, ())) for t in tokens]
    placed, found = set(), False
    for j, token in enumerate(tokens[1:-1], start=1):
        if token not in _BESIDE or tokens[j + 1] not in (possessive, *_DEMONSTRATIVES):
            continue
        # the object and what is said of it (旁边的墙渗水: the wall and its seepage), to the clause's end
        head = set()
        for k in range(j + 2, min(j + 6, len(tokens))):
            if tokens[k] in rules.breaks:
                break
            head |= named_at[k]
        if object_code not in head:
            continue
        found = True
        # the place phrase: back from the locative to a break or an earlier 的
        for k in range(j - 1, -1, -1):
            if tokens[k] in rules.breaks or tokens[k] == possessive:
                break
            if code in named_at[k]:
                placed.add(k)
    # a place the keywords do not know (收费处, 前台) may be what the model heard, where no other word
    # names its code; between two faults (墙 潮潮的: a wall or seepage) the model's ear stays
    unnamed = not placed and not code.startswith("ENG")
    return found and (bool(placed) or unnamed) and all(i in placed for i, named in enumerate(named_at) if code in named)
