"""Where the emergency just reported is, said as a place alone (B2层靠近电梯那, 负二楼电梯旁边,
3楼厕所门口): the classifier reads the landmark (电梯, 车库) as a fault of its own, which
opened a second ticket (or held one while we asked who is writing) instead of telling the
responders already sent where to go."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.dialog import intents
from bot.dialog.tickets import join, newest_open

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

# Matched against bare() text: a floor (B2层, B1, 负二楼, 3f; not a unit's L2-015), or a word that says near what
_FLOOR = re.compile(r"[a-z]\d{1,2}(?:层|楼(?!梯)|f)?(?![\d-])|(?:\d{1,2}|负[一二三四五]|[一二三四五六七八九十]{1,2})(?:层|楼(?!梯)|f)")
_NEAR = re.compile(r"靠近|旁边|附近|边上|对面|门口|出口|入口|那边|那里|这边|这里|那儿|这儿|那$")
# Landmarks and the words around a place: what is left once they go is what the message reports
_LANDMARK = re.compile(r"就在|在|就是|是|车库|停车场|大厅|走廊|过道|通道|楼梯间?|厕所|卫生间|洗手间|广场|中庭|"
                       r"[东南西北]门|[东南西北]侧|电梯口|扶梯口|超市|商场|店|铺")


_PARTICLES = re.compile(r"[的了啊呀吧呢哦嘛哈那这边儿个一下]")


def place_only(text: str) -> bool:
    """The message says a place and nothing that happened there: nothing is left once its
    floor, its landmarks and the things named as landmarks (电梯 in 靠近电梯那) go;
    「门口的灯不亮了」 leaves 不亮."""
    bare = intents.bare(text)
    if not (_FLOOR.search(bare) or _NEAR.search(bare)):
        return False
    rest = _LANDMARK.sub("", intents.FAULT_OBJECT.sub("", _NEAR.sub("", _FLOOR.sub("", bare))))
    return not _PARTICLES.sub("", rest)


def where_it_is(turn: Turn, text: str, result) -> bool:
    """A place alone, right after an emergency: on its ticket, for the responders on their way."""
    if result.urgent or not place_only(text):  # the words first: most messages need no query
        return False
    ticket = newest_open(turn)
    if ticket is None or not ticket.urgent:
        return False
    turn.say("help_coming")
    join(turn, ticket, text)
    return True
