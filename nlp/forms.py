"""A form of a message read before its code: a question between two answers, which needs no
question mark (是整栋停还是几栋)."""

import re

# "是X还是Y", "要X还是Y": a question between two answers (是按建筑面积算还是按套内面积算, 要自己
# 拉走还是你们清运), not 还是坏的
_EITHER = re.compile(r"(是|要|能|可以|该|应该|得)[^,.!?;，。！？\s]{1,10}还是(?!(坏|不|没|漏|堵|那样|老样子|一样|黑))")


def asks_either(norm: str) -> bool:
    """A question between two answers, which needs no question mark."""
    return bool(_EITHER.search(norm))
