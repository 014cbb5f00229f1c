"""A shop's opening hours (我们店十点才开门) are no works out of hours: 开门 alone is the
desk's (几点开门) or a door's; only a door cut into a wall (破墙开门, 违规开门) is SEC-DECOR."""
from __future__ import annotations

import pytest

import nlp


@pytest.mark.parametrize("text", ["明天上午十点能来修吗 我们店十点才开门", "我们店十点才开门 师傅早点来也进不去",
                                  "下午再来吧 我们店两点才开门"])
def test_a_shops_opening_hours_are_no_renovation(text):
    assert nlp.classify(text).code != "SEC-DECOR"


@pytest.mark.parametrize("text", ["一楼有人私自破墙开门做生意", "隔壁违规开门 把外墙打通了"])
def test_a_door_cut_into_a_wall_is_still_renovation(text):
    assert nlp.classify(text).code == "SEC-DECOR"
