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


# someone fallen, collapsed or at an edge where a machine or a structure names only the
# place (电梯厅, 台阶, 栏杆, 坡道), or shut in a car: the person outranks the place word
# (SEC-SAFE, complaint); the calm sibling names the same place with a fault or nobody in danger
PERSON_AT_A_PLACE = [
    ("老人在电梯厅摔倒了 头上流血", "电梯厅地砖翘起来了 老太太差点跌倒"),
    ("电梯厅那边一个老太太跌倒了 爬不起来", "上周有个老太太在电梯厅跌倒了 建议铺防滑垫"),
    ("快递小哥在台阶上摔倒了 腿在流血", "快递小哥把快递放在台阶上就走了 也不打电话"),
    ("有个大爷在车库坡道上摔倒了 起不来", "车库坡道上的减速带松了 开过去哐哐响"),
    ("宝宝爬到阳台栏杆上了 我在楼下看到的 11楼 快上去", "阳台栏杆间距有点大 宝宝大了想装个防护网 谁家能装"),
    ("连廊栏杆上站着个小男孩 家长不在", "连廊栏杆上挂着个小男孩的外套 谁家的"),
    ("我家三岁的儿子被锁在车里了 在地库", "上次孩子被锁在车里 后来消防来开的 想问下物业能开车门吗"),
    ("车里锁着个两岁的娃 车主联系不上 在地面停车场", "车钥匙锁在车里了 怎么办"),
    ("my son is locked in our car in B2", "my car is stuck in the car park exit queue"),
]


@pytest.mark.parametrize(("urgent", "calm"), PERSON_AT_A_PLACE)
def test_the_person_outranks_the_place_word(rules, urgent, calm):
    for reader in (rules, nlp.default_classifier()):
        result = reader.classify(urgent)
        assert (result.urgent, result.code, result.intent) == (True, "SEC-SAFE", "complaint"), result
        assert reader.classify(calm).urgent is False, reader.classify(calm)


# ... while a machine that caught them, moved under them or failed keeps its code (as labelled)
THE_MACHINE_STILL = [
    ("扶梯把小孩的鞋带卷进去了 脚拔不出来", "ENG-LIFT"),
    ("二楼往三楼的扶梯突然停了 有个小孩摔倒了 你们赶紧过来", "ENG-LIFT"),
    ("电动卷帘门往下落 压到一个小孩的腿", "ENG-DOOR"),
    ("孩子在电梯里出不来 门打不开", "ENG-LIFT"),
]


@pytest.mark.parametrize(("text", "code"), THE_MACHINE_STILL)
def test_a_machine_that_caught_someone_keeps_its_code(text, code):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, code), result


# someone thrashing in the water or who cannot swim; the calm sibling plays or asks
IN_THE_WATER = [
    ("一个人在泳池里扑腾 好像不会游", "小孩在泳池里扑腾着玩 笑得可开心了"),
    ("游泳池那边有人在水里乱扑 喊不出声", "游泳池那边的水有点浑 什么时候换水"),
    ("深水区有个小伙子好像不会游泳 一直往下沉", "深水区不会游泳的小孩能进吗"),
]

# a child led away by someone they do not know
LED_AWAY = [
    ("我女儿被一个男的拉着往外走 她不认识那个人", "我女儿被她同学拉着去玩滑板了 晚饭前回来"),
    ("有个不认识的女的抱着我家孩子往门口走", "邻居阿姨抱着我家孩子在门口晒太阳"),
]


@pytest.mark.parametrize(("urgent", "calm"), IN_THE_WATER + LED_AWAY)
def test_water_and_a_child_led_away_are_urgent(rules, urgent, calm):
    for reader in (rules, nlp.default_classifier()):
        result = reader.classify(urgent)
        assert (result.urgent, result.code) == (True, "SEC-SAFE"), result
        assert reader.classify(calm).urgent is False, reader.classify(calm)


# a locksmith opening a door and guards carrying batons on patrol are no break-in, no fight;
# a door forced and guards hitting someone still are
NOT_A_CRIME = [
    ("隔壁请了开锁师傅在撬门 声音好大", "有人在撬隔壁的门 现在还在撬"),
    ("钥匙丢了 找了个锁匠在撬锁 有点吵 不好意思", "有个男的在撬单元门的锁 鬼鬼祟祟的"),
    ("南门保安拿着棍子巡逻 看着挺吓人的 有必要吗", "南门保安拿着棍子打人 好吓人"),
]


@pytest.mark.parametrize(("calm", "urgent"), NOT_A_CRIME)
def test_a_locksmith_and_a_patrol_are_calm(rules, calm, urgent):
    assert rules.classify(calm).urgent is False, rules.classify(calm)
    assert nlp.classify(calm).urgent is False
    assert rules.classify(urgent).urgent is True, rules.classify(urgent)
    assert nlp.classify(urgent).urgent is True


# someone beaten or a child hit: the noise it makes is not the report (the model hears 哭, 吵)
@pytest.mark.parametrize("text", ["楼下有人在打小孩 打得好狠 孩子一直哭", "隔壁男的在打老婆 女的一直在哭喊"])
def test_a_beating_is_no_noise(text):
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result


# English: a shutter on someone's leg, a fall from a ladder, a child on a window ledge, a drunk
# hitting people, someone trying car doors now; the calm sibling is habitual, past or a fault
ENGLISH = [
    ("the shutter came down on a guy's leg at L2 he is screaming", "the shutter at L2 is very noisy when it comes down"),
    ("a man fell off the ladder in the lobby, he's not moving", "my phone fell off the balcony, can someone check the garden"),
    ("kid sitting on the window ledge 6th floor no adult around", "kids keep sitting on the railing, please add a sign"),
    ("there's a drunk guy hitting people at the gate", "there's a drunk guy sleeping at the gate"),
    ("someone is trying every car door in B2 right now", "someone tried my car door last week, can I see cctv"),
]


@pytest.mark.parametrize(("urgent", "calm"), ENGLISH)
def test_english_people_in_danger(rules, urgent, calm):
    assert rules.classify(urgent).urgent is True, rules.classify(urgent)
    assert nlp.classify(urgent).urgent is True
    assert rules.classify(calm).urgent is False, rules.classify(calm)
    assert nlp.classify(calm).urgent is False


@pytest.mark.parametrize("text", ["someone is trying every car door in B2 right now", "有个人在地库一个一个拉车门 现在还在"])
def test_someone_trying_car_doors_is_the_guards(text):
    assert nlp.classify(text).code == "SEC-SAFE", nlp.classify(text)


# someone alone at home who does not answer, a madman chasing people, half a body out of a window
MORE_PAIRS = [
    ("我妈一个人在家 电话打不通 敲门也没人应 她有心脏病", "我妈一个人在家 电话打不通 应该是静音了 不用管"),
    ("有个疯子在小区里追着人跑 手里拿着东西", "推销的追着人发传单 烦死了"),
    ("楼上的阿姨在窗户外面擦玻璃 半个身子都在外面", "晾衣服的时候半个身子探出窗外 好危险 建议装升降衣架"),
]


@pytest.mark.parametrize(("urgent", "calm"), MORE_PAIRS)
def test_alone_unanswered_chased_or_half_out_of_a_window(rules, urgent, calm):
    assert rules.classify(urgent).urgent is True, rules.classify(urgent)
    assert nlp.classify(urgent).urgent is True
    assert rules.classify(calm).urgent is False, rules.classify(calm)
    assert nlp.classify(calm).urgent is False


# second-hand and Cantonese: a child not home yet (not the handling's wait), a child alone at
# the water's edge, a knife held (拎住), a son who cannot get out of the toilet (出唔到嚟)
SECOND_HAND = [
    ("儿子放学到现在还没到家 电话也关机", "快递到现在还没到 电话也打不通"),
    ("我闺女中午出去玩到现在还没回来 八岁 平时不会这样", "孩子到现在还没回我消息 是不是生气了"),
    ("我看到一个小孩在小区泳池边上 没大人 已经在往水里走了", "小孩在泳池边上玩 大人都在旁边"),
    ("有条友拎住把刀喺停车场度 好恐怖", "有条友拎住个袋喺停车场度 等紧人"),
    ("我个仔喺厕所出唔到嚟 门锁坏咗", "水喺水喉度出唔到"),
]


@pytest.mark.parametrize(("urgent", "calm"), SECOND_HAND)
def test_second_hand_and_cantonese_people_in_danger(rules, urgent, calm):
    assert rules.classify(urgent).urgent is True, rules.classify(urgent)
    assert nlp.classify(urgent).urgent is True
    assert rules.classify(calm).urgent is False, rules.classify(calm)
    assert nlp.classify(calm).urgent is False


@pytest.mark.parametrize("text", ["儿子放学到现在还没到家 电话也关机"])
def test_a_child_not_home_is_the_guards_not_a_slow_handling(text):
    assert nlp.classify(text).code == "SEC-SAFE", nlp.classify(text)


@pytest.mark.parametrize("text", ["物业 我听邻居说隔壁小孩被锁在阳台上了 一直在哭"])
def test_a_child_crying_where_shut_in_is_no_noise(text):
    result = nlp.classify(text)
    assert result.urgent is True and result.code != "SEC-NOISE", result


@pytest.mark.parametrize(("urgent", "calm"), [("深水区一个小孩好像在往下沉", "深水区一个小孩在扑腾着玩 家长在旁边")])
def test_someone_sinking_in_the_deep_end(rules, urgent, calm):
    assert rules.classify(urgent).urgent is True, rules.classify(urgent)
    assert nlp.classify(calm).urgent is False, nlp.classify(calm)
