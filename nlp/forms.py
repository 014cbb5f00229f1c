"""Forms of a message read before its code: a question between two answers, which needs no
question mark (是整栋停还是几栋), a greeting that only asks whether anyone is there, and an
acknowledgement that only says the tenant will wait."""

import re

# "是X还是Y", "要X还是Y": a question between two answers (是按建筑面积算还是按套内面积算, 要自己
# 拉走还是你们清运), not 还是坏的
_EITHER = re.compile(r"(是|要|能|可以|该|应该|得)[^,.!?;，。！？\s]{1,10}还是(?!(坏|不|没|漏|堵|那样|老样子|一样|黑))")


def asks_either(norm: str) -> bool:
    """A question between two answers, which needs no question mark."""
    return bool(_EITHER.search(norm))


# 「在吗」「亲 在不在呀」「你好 请问有人吗」「客服在吗」: a summons with nothing else in it is a greeting
# (labelled other, like 你好): the bot greets back, and no topic or question is in it to route.
# The words it is made of, the model and the rules read as a question (吗) or a grievance (客服).
_SUMMONS = re.compile(
    r"(?:亲|hi|hello|哈喽|嗨|喂|你好|您好|请问|那个){0,3}"
    r"(?:客服|物业|管家|前台|工作人员|人工|小哥|美女|师傅)?"
    r"(?:在吗|在么|在嘛|在不在|在没|有人吗|有人么|有人没|有人在吗|有人在不|有没有人|在线吗|人在吗)"
    r"(?:呀|啊|哈|呢)?"
)
# 「急急急」「快快快！！」 alone say no place, no one and nothing wrong: a summons too, answered by
# asking what is the matter (with a place, 快快快 五楼, they are a call for help: nlp.situation)
_HURRY_ALONE = re.compile(r"(?:急|快){2,12}(?:啊|呀|啦|了)?")
_FILLERS = re.compile(r"[\s,.!?~…，。！？、]+")


def only_summons(norm: str) -> bool:
    """Whether the message only asks if anyone is there (在吗, 客服在不在), or only hurries
    (急急急): a greeting."""
    bare = _FILLERS.sub("", norm)
    return bool(_SUMMONS.fullmatch(bare) or _HURRY_ALONE.fullmatch(bare))


# 「好的 麻烦了 我等你们电话」「行 那我在店里等师傅」: the tenant agrees and waits, the end of an
# exchange (labelled other, like 好的 谢谢); the model hears 等 and 电话 as a chase.
_WAITING = re.compile(
    r"(?:好的?|行|嗯{1,4}|收到|ok|知道了|可以|明白)[^。！？!?]{0,8}等(?:着)?(?:你们|您|师傅|电话|消息|通知|回复|回电)"
)


def acknowledges(norm: str) -> bool:
    """Whether the message opens by agreeing and says the tenant will wait (好的 等你们电话)."""
    return bool(_WAITING.match(norm))
