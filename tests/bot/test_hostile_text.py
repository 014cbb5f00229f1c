"""Texts built to stall a backtracking regex, sent through the real webhook: each is
answered within a budget ~100x a normal turn (the work runs in a forked child that is
killed at the deadline, so a stall fails the test instead of hanging it)."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Message, db
from tests.budget import run_within, timed

# ~100x a turn (10–50 ms; measured ~0.05 s for "嗯"×48+"吗", which took hours before
# issue 16): it stops a stall, it does not time the dialog.
TURN_BUDGET_SECONDS = 5.0

HOSTILE = {
    "嗯×48+吗": "嗯" * 48 + "吗",
    "嗯嗯好×600+吗": "嗯嗯好" * 600 + "吗",
    "unit then spaces": "1栋" + " " * 20_000 + "!",
    "mall unit then spaces": "L2" + "\t" * 20_000 + "x",
    "digits": "1" * 20_000,
    "spaces": "水管" + " " * 20_000 + "漏了",
    "farewells": "谢谢好的收到" * 3_000 + "吗",
}


def _say_in_child(wechat, openid, text):
    def turn(progress):
        db.engine.dispose(close=False)  # the child's own connections, never the test's
        db.session.remove()
        progress(f"posting {len(text)} characters")
        reply, seconds = timed(lambda: wechat.say(openid, text))
        return reply, seconds
    return turn


def test_the_49_character_farewell_stall_is_answered_at_once(wechat, session):
    wechat.say("o-warm", "空调不制冷了")  # loads the classifier's dictionaries, once per process
    reply, seconds = run_within(TURN_BUDGET_SECONDS, _say_in_child(wechat, "o-stall", "嗯" * 48 + "吗"))
    assert reply and seconds < TURN_BUDGET_SECONDS  # measured ~0.05 s; the budget only stops a stall
    session.expire_all()
    stored = session.scalar(sa.select(Message.content).where(Message.openid == "o-stall"))
    assert stored == "嗯" * 48 + "吗"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_long_hostile_texts_are_answered_within_the_budget_and_stored_whole(wechat, session, name):
    wechat.say("o-warm", "空调不制冷了")
    text = HOSTILE[name]
    reply, _seconds = run_within(TURN_BUDGET_SECONDS, _say_in_child(wechat, "o-hostile", text))
    assert reply
    session.expire_all()
    assert session.scalar(sa.select(Message.content).where(Message.openid == "o-hostile")) == text
