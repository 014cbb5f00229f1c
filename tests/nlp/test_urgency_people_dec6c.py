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


# "where are the guards" beside trouble is a call for them now; alone, or beside a question,
# it only asks where they are
GUARDS_WANTED = [
    ("有陌生人在楼道里转来转去 保安在哪", "保安在哪 想问下快递放哪里"),
    ("有可疑的人在单元门口晃悠 保安去哪了", "昨天有可疑的人在单元门口晃悠 保安去哪了"),
    ("车库有人在一辆一辆拉车门 保安人呢", "有人在翻垃圾桶 保安在哪"),
]


@pytest.mark.parametrize(("urgent", "calm"), GUARDS_WANTED)
def test_the_guards_wanted_beside_trouble_is_urgent(rules, urgent, calm):
    assert rules.classify(urgent).urgent is True, rules.classify(urgent)
    assert nlp.classify(urgent).urgent is True
    assert rules.classify(calm).urgent is False, rules.classify(calm)
    assert nlp.classify(calm).urgent is False
