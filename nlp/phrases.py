"""Noun phrases of place: a place that only says where the faulty thing is ("停车场的灯",
"电梯旁边的厕所", "地库出口那盏路灯") weighs less than the thing, since in a Chinese noun
phrase the last noun is the head.
"""

from nlp.rules import codes_named

_PROPERTY_CODES = frozenset(("SEC-NOISE",))  # "电梯的噪音": a noise belongs to its source


def _codes(index, token: str) -> set[str]:
    """The codes a word names (not the intents or urgency it signals)."""
    return codes_named(index.get(token, ()))


def _head_codes(tokens: list[str], start: int, rules) -> set[str]:
    """The codes of the first word from `start` that names any, within the clause: the head
    of the noun phrase a place before it modifies."""
    for later in tokens[start:]:
        if later in rules.breaks:
            break
        head = _codes(rules.index, later)
        if head:
            return head
    return set()


def place_modifiers(tokens: list[str], rules) -> set[int]:
    """Indices of place words followed by 的 and then, in the same clause, a word naming another
    code: the place modifies that word. Noises belong to the place instead, and so do parts
    and what is said of them when the place is an object too (电梯的门打不开)."""
    index, places, parts, possessive, breaks = rules.index, rules.places, rules.parts, rules.possessive, rules.breaks
    out = _place_before_demonstrative(tokens, rules) | _place_before_object(tokens, rules)
    if possessive not in tokens:
        return out
    n = len(tokens)
    for i in range(n - 2):
        tok = tokens[i]
        if tok not in places or tokens[i + 1] != possessive:
            continue
        own = _codes(index, tok)
        for j in range(i + 2, n):
            later = tokens[j]
            if later in breaks:
                break
            if later in parts:
                if tok in rules.part_owning_places:
                    break
                continue
            if _codes(index, later) - own - _PROPERTY_CODES:
                out.add(i)
                break
    out |= _phrase_before_locative(tokens, rules)
    return out


# 那个, 这盏, 那台 ...: a demonstrative with its measure word opens the head noun of the phrase
# (a set of the two-character words: a look-up per token, where a regex call cost 10 µs a text)
_DEMONSTRATIVES = frozenset(d + m for d in "那这" for m in "个盏台根部只块扇排条间套组处把张")


def _place_before_demonstrative(tokens: list[str], rules) -> set[int]:
    """「地库出口那盏路灯」, 「道闸旁边那个灯」: the places before 那个/这盏 say where the thing
    after it is, when that thing names a code of its own (车库那个道闸 stays parking)."""
    index, possessive, locatives, places = rules.index, rules.possessive, rules.locatives, rules.places
    out: set[int] = set()
    if _DEMONSTRATIVES.isdisjoint(tokens):  # most messages: one set test instead of a loop
        return out
    n = len(tokens)
    for j in range(1, n - 1):
        if tokens[j] not in _DEMONSTRATIVES:
            continue
        head = _head_codes(tokens, j + 1, rules)
        if not head:
            continue
        for k in range(j - 1, -1, -1):
            tok = tokens[k]
            # walk back over the place phrase: places, locatives, 的, and what a locative follows
            if not (tok in places or tok in locatives or tok == possessive
                    or (k + 1 < n and tokens[k + 1] in locatives)):
                break
            if tok in places and _codes(index, tok) - head - _PROPERTY_CODES:
                out.add(k)
    return out


def _phrase_before_locative(tokens: list[str], rules) -> set[int]:
    """「楼顶水箱旁边的消防栓」: every word of the place phrase before a locative and 的
    says where, when the head after 的 names a code of its own (the word right before the
    locative weighs less already)."""
    index, possessive, breaks, locatives = rules.index, rules.possessive, rules.breaks, rules.locatives
    out: set[int] = set()
    n = len(tokens)
    for j in range(1, n - 2):
        if tokens[j] not in locatives or tokens[j + 1] != possessive:
            continue
        head = _head_codes(tokens, j + 2, rules)
        if not head:
            continue
        for k in range(j - 2, -1, -1):
            if tokens[k] in breaks or tokens[k] == possessive:
                break
            if _codes(index, tokens[k]) - head - _PROPERTY_CODES:
                out.add(k)
    return out


def _place_before_object(tokens: list[str], rules) -> set[int]:
    """「车库出入口坡道」, 「停车场路灯」: places said right before a word that names another
    code, with no 的 between, are a compound noun whose head is that last word. A place that
    is an object itself (电梯, 天花板) is left alone: what follows it is mostly what it does
    (电梯卡住, 天花板漏水)."""
    index, places, parts, breaks = rules.index, rules.places, rules.parts, rules.breaks
    objects = rules.part_owning_places
    out: set[int] = set()
    if places.isdisjoint(tokens):
        return out
    n = len(tokens)
    for i in range(n - 1):
        tok = tokens[i]
        if tok not in places or tok in objects:
            continue
        own = _codes(index, tok)
        j = i + 1
        # 车库 出入口 坡道: the head comes after every place and every word of the place's own code
        while j < n and tokens[j] not in breaks and (tokens[j] in places or _names_only(index, tokens[j], own)):
            j += 1
        if j >= n or tokens[j] in parts:
            continue
        head = _codes(index, tokens[j])
        if head - own - _PROPERTY_CODES:
            out.update(k for k in range(i, j) if _codes(index, tokens[k]) - head)
    return out


def _names_only(index, token: str, codes: set[str]) -> bool:
    """Whether the word names a code, and only codes among these."""
    named = _codes(index, token)
    return bool(named) and named <= codes
