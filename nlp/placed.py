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
    """Whether `code` is named only in a place phrase before 旁边的/下面的/门口那个 …, whose head
    object names `object_code`."""
    rules = _rules()
    index, possessive = rules.index, rules.possessive
    named_at = [codes_named(index.get(t, ())) for t in tokens]
    placed = set()
    for j, token in enumerate(tokens[1:-1], start=1):
        if token not in _BESIDE or tokens[j + 1] not in (possessive, *_DEMONSTRATIVES):
            continue
        head = next((named_at[k] for k in range(j + 2, min(j + 5, len(tokens))) if named_at[k]), set())
        if object_code not in head:
            continue
        # the place phrase: back from the locative to a break or an earlier 的
        for k in range(j - 1, -1, -1):
            if tokens[k] in rules.breaks or tokens[k] == possessive:
                break
            if code in named_at[k]:
                placed.add(k)
    return bool(placed) and all(i in placed for i, named in enumerate(named_at) if code in named)
