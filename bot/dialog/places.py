"""Where the report just made is, told in a piece of its own (漏水 / 在卫生间 / 天花板上): the
classifier reads 天花板 as a building leak and would open a second ticket beside the first;
a place and nothing else, right after a report, goes on that report for the engineer."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.dialog.identity import remind_identity
from bot.dialog.tickets import join, keep_with_report, newest_open
from workflow.held_reports import AWAITING_IDENTITY

if TYPE_CHECKING:
    from bot.dialog.turns import Turn

# 在卫生间, 就在门口, 天花板上, 厨房水槽下面, 三楼男厕里面: a place (a few characters) said with 在
# before it or a locative after it, and no other word (漏水, 坏了 make it a report of its own)
_PLACE_ONLY = re.compile(
    r"^(?:就|是|位置|地方)?在[\u4e00-\u9fffA-Za-z0-9-]{1,8}?(?:上面|上|里面|里|里头|下面|底下|旁边|边上|那里|那边|这边)?$|"
    r"^[\u4e00-\u9fffA-Za-z0-9-]{1,8}?(?:上面|上|里面|里|里头|下面|底下|旁边|边上|那里|那边|顶上)$"
)
# ... and no fault word among them (天花板上在滴水 is the fault again, the classifier's to read)
_FAULT_WORD = re.compile(r"漏|滴|渗|坏|堵|裂|掉|响|冒|烧|断|停|不|没|破|松|臭|吵|脏|水")


def where_it_is(turn: Turn, text: str, result) -> bool:
    """The place of the report just made (or held while we ask who), told alone: noted on
    it. Not an emergency's: those have their own handling (where_the_emergency_is)."""
    bare = re.sub(r"[\s，。,.!！?？~～]+", "", text)
    if result.urgent or not _PLACE_ONLY.match(bare) or _FAULT_WORD.search(bare):
        return False
    ticket = newest_open(turn)
    if ticket is not None:
        join(turn, ticket, text)
        return True
    if turn.conv.state == AWAITING_IDENTITY and (turn.conv.data or {}).get("pending"):
        keep_with_report(turn, text)  # with the report we hold while we ask who is writing
        remind_identity(turn)
        return True
    return False
