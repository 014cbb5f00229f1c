"""Issue 17, fresh probes of 6 Dec, urgp2 session: people in danger and security trouble now.
Each urgent wording stands beside a calm sibling sharing its words, which must stay calm."""

import pytest

import nlp

# someone shut in a room (a toilet, a bathroom): the door holds them, the room's plumbing is
# only where it happens
SHUT_IN_A_ROOM = [
    ("孩子在卫生间出不来 一直在哭", "卫生间热水出不来 孩子没法洗澡"),
    ("我老婆在浴室出不来了 门把手掉了", "浴室的水出不来了 花洒堵了"),
    ("老人在洗手间里出不来 喊了半天", "洗手间里的水龙头出水很小 老人洗手费劲"),
]


@pytest.mark.parametrize(("urgent", "calm"), SHUT_IN_A_ROOM)
def test_someone_shut_in_a_room_is_the_doors_emergency(rules, urgent, calm):
    for reader in (rules, nlp.default_classifier()):
        result = reader.classify(urgent)
        assert (result.urgent, result.code) == (True, "ENG-DOOR"), result
        assert reader.classify(calm).urgent is False, reader.classify(calm)


# someone fallen from a ladder or scaffold: the guards and a first-aider, whoever they work
# for (the model hears the cleaner's staff, the renovation's scaffold)
FALLEN = [
    ("保洁阿姨从梯子上摔下来了", "上个月保洁阿姨从梯子上摔下来过 现在没事了 梯子该换了"),
    ("装修工人从脚手架上摔下来了 在7栋后面", "装修工人在脚手架上干活 一直敲 吵死了"),
    ("绿化工人修树的时候从树上掉下来了", "绿化工人修树 树叶掉了一地 没人扫"),
]


@pytest.mark.parametrize(("urgent", "calm"), FALLEN)
def test_someone_fallen_stays_the_guards_after_the_blend(rules, urgent, calm):
    assert rules.classify(urgent).code == "SEC-SAFE", rules.classify(urgent)
    result = nlp.classify(urgent)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result
    assert nlp.classify(calm).urgent is False, nlp.classify(calm)

