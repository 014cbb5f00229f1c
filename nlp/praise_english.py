"""Praise and its undoing, said in English (issue 17, class 3).

The praise itself is read by rules.json's praise_patterns (the cleaner is very nice, shout out
to the night guard, the plumber did a great job). Here: what turns English praise into a
complaint, as 呵呵 or 报修一个月了 do in Chinese (nlp.structure.sarcastic): a wink (lol, yeah
right, /s), a grievance beside it (slept through the break-in, nobody came, broken again);
and whether a message is English only, where the model, fitted on Chinese, hears nothing of
the praise but the staff's name in Chinese (security -> 保安, heard as a complaint)."""

import re

_IRONY = re.compile(
    r"(?<![a-z])(?:lol|lmao|rofl|yeah right|sure sure|thanks for nothing|not!|/s)(?![a-z])|🙄|"
    r"(?<![a-z])(?:nobody|no one|never (?:came|come|answered|answers|shows?|showed|replied|replies|called)|"
    r"ignored|ignores|slept|sleeping|asleep|waited|waiting|stolen|break-in|broke in|"
    r"still (?!(?:the best|as|so|very|smiling|going|working|open|there for)(?![a-z]))[a-z]{2,12}|(?<!thanks )(?<!thank you )again and again|"
    r"(?:broken|leaking|blocked|dirty|not working) again)(?![a-z])"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def ironic(norm: str) -> bool:
    """Whether English praise words are said with a wink or beside a grievance."""
    return bool(_IRONY.search(norm))


ENGLISH_PRAISE = "english_praise"


def praised_in(norm: str) -> str:
    """The structure a praise read by the rules was said in: ENGLISH_PRAISE when the message has
    no Chinese in it (emoji and digits aside), where the model hears only the glossed staff."""
    return "" if _HAN.search(norm) else ENGLISH_PRAISE


def soured(intents: dict, codes: dict, norm: str, s: dict) -> None:
    """Praise said with a wink or beside a grievance, made a complaint in the scan's scores. In
    English the staff praised are its subject (SVC-ATTI): no other word of it names a code the
    rules read, and the model, hearing only the staff's name, would take the praise at its word."""
    intents["complaint"] = intents.get("complaint", 0.0) + intents.pop("praise")
    if not _HAN.search(norm):
        codes[s["praise_code"]] = codes.get(s["praise_code"], 0.0) + s["praise_min"]
