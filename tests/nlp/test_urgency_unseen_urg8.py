"""Issue 17 (task urg8): urgency judged from the situation. Someone shut in who tells of
themselves and not the fault, a loose structure with people beside or under it, things
thrown down while the throwing goes on; each beside the sibling that must stay calm.
Judged with the rules alone and with the model."""

import pytest

import nlp


def _both(rules, text):
    return rules.classify(text), nlp.classify(text)


# the caller is the one inside and says what it is like there (a phone dying, no air, nobody
# answering the knocks), naming no door, lift or fault: the desk finds out where, urgently
SELF_INSIDE = [
    "我是里面的人 手机快没电了",
    "手机就剩3%了 我们还在里面",
    "我在里面敲了好久的门 一直没人应",
    "我们几个还在里面 叫了半天外面没反应",
]
# ... while someone inside doing something, or asking to charge a phone, is no one shut in
INSIDE_CALM = [
    "我在里面办事 手机没电了 哪里可以充电",
    "我们在里面开会 闷得透不过气 空调能开大点吗",
    "我在里面排队 手机快没电了",
]


@pytest.mark.parametrize("text", SELF_INSIDE)
def test_someone_inside_telling_their_plight_is_urgent(rules, text):
    for result in _both(rules, text):
        assert result.urgent is True, result
        assert result.code not in ("ENG-ELEC", "SVC-SLOW"), result  # the phone's battery, knocks unanswered


@pytest.mark.parametrize("text", INSIDE_CALM)
def test_someone_inside_about_their_business_is_calm(rules, text):
    for result in _both(rules, text):
        assert result.urgent is False, result


# a loose or tilted structure with people leaning on it or passing under it
STRUCTURE_OVER_PEOPLE = [
    "平台的玻璃栏板松了 家长都倚在上面聊天",
    "天花板有块铝扣板翘起来一半 底下就是等候区",
    "大厅吊顶的铝扣板斜着挂下来 底下就是前台",
    "商场天花板的石膏板松动了 好多人站在下面排队",
]
# ... and the same fault where nobody is, or said not pressing, is a repair
STRUCTURE_ALONE = [
    "杂物间的吊顶扣板松了一块",
    "走廊护栏有一根松了 有空来看看",
    "楼梯扶手松了 老人都不敢扶",
    "储藏室天花板有块板子歪了 不着急",
    "店门口的招牌松了",
]


@pytest.mark.parametrize("text", STRUCTURE_OVER_PEOPLE)
def test_a_loose_structure_over_people_is_urgent(rules, text):
    for result in _both(rules, text):
        assert result.urgent is True, result


@pytest.mark.parametrize("text", STRUCTURE_ALONE)
def test_a_loose_structure_alone_is_a_repair(rules, text):
    for result in _both(rules, text):
        assert result.urgent is False, result


# things thrown down from above while it goes on: the guards, at once
THROWN_NOW = [
    "有人不停地从阳台往下扔衣服鞋子",
    "从高层接连丢下来好几个易拉罐 还在丢",
    "高空抛物 现在还在扔 快派人上去看看",
]
# ... a throw that is over, a habit, or litter thrown, is a complaint
THROWN_CALM = [
    "昨天有人从楼上扔了个拖鞋下来",
    "楼上一直往下扔瓜子壳 阳台上全是",
    "墙上的灰一直往下掉",
    "经常有人高空抛物 能不能装个摄像头",
]


@pytest.mark.parametrize("text", THROWN_NOW)
def test_things_thrown_down_now_are_urgent_and_the_guards(rules, text):
    for result in _both(rules, text):
        assert result.urgent is True, result
        assert result.code == "SEC-SAFE", result


@pytest.mark.parametrize("text", THROWN_CALM)
def test_a_throw_over_or_litter_is_no_emergency(rules, text):
    for result in _both(rules, text):
        assert result.urgent is False, result


# the calm side stays calm: an old stain, a slow seep, a dirty toilet, a full bin
STILL_CALM = [
    "卧室墙上有块旧的水渍 一直都在",
    "厨房窗边慢慢渗水 一天也就湿一点",
    "二楼女厕所地上很脏 好几天没人拖",
    "小区门口的垃圾桶满了 都溢到地上了",
]


@pytest.mark.parametrize("text", STILL_CALM)
def test_old_slow_or_dirty_stays_calm(rules, text):
    for result in _both(rules, text):
        assert result.urgent is False, result
