"""Fresh chat classes (issue 17, codes5): sentences written for this file. Each class has
cases that must fire and a sibling sharing its words that must not."""

import pytest

import nlp

# -- a fix asked about, then thanks (修好了吗 谢谢): a progress question, not praise -----------


@pytest.mark.parametrize("text", ["修好了吗 谢谢", "昨天报的水龙头修好了没 谢谢啦", "厕所修好了么 谢谢"])
def test_a_fix_asked_about_with_thanks_is_a_progress_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize("text", ["修好了 谢谢师傅", "谢谢 已经修好了"])
def test_a_fix_told_with_thanks_stays_praise(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")


# -- an English noun for the faulty thing inside Chinese (power, router, wall): its code --------


@pytest.mark.parametrize(
    "text, code",
    [
        ("房间的power没了", "ENG-ELEC"),
        ("no power in my unit", "ENG-ELEC"),
        ("electricity又没了", "ENG-ELEC"),
        ("outlet没反应", "ENG-ELEC"),
        ("router坏了", "ENG-WEAK"),
        ("卫生间的wall有条缝", "ENG-CIVIL"),
    ],
)
def test_an_english_noun_names_the_fault(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "repair")


@pytest.mark.parametrize(
    "text, code", [("power bank能在前台借吗", "SVC-INFO"), ("我们unit的水费怎么交", "FEE-BILL")]
)
def test_a_question_beside_an_english_noun_stays_a_question(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "inquiry")


# -- a one-character thing glued to its adverb by jieba (电全没了: 电全 没 了): still the thing --


def test_power_all_gone_is_a_power_fault():
    result = nlp.classify("家里电全没了")
    assert (result.code, result.intent) == ("ENG-ELEC", "repair")


@pytest.mark.parametrize("text, code", [("我们的电全没了", "ENG-ELEC"), ("水全没了", "ENG-PLUMB")])
def test_a_thing_all_gone_names_its_code(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "repair")


def test_a_bill_paid_in_full_stays_a_bill():
    assert nlp.classify("电费全交了 怎么还欠费").code == "FEE-BILL"


# -- the centre said to handle nothing (什么都不管), no object named: a grievance about handling --


@pytest.mark.parametrize(
    "text", ["你们这个物业太差劲了!!!什么都不管!!!", "你们物业到底管什么的 啥都不管", "物业就是个摆设 什么事都不管"]
)
def test_the_centre_said_to_handle_nothing_is_slow_handling(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [
        ("楼下垃圾堆了三天 物业什么都不管", "ENV-CLEAN"),  # the object named is the complaint's
        ("不管怎么样 先来看看马桶", "ENG-PLUMB"),  # 不管: whatever happens
    ],
)
def test_nothing_handled_beside_an_object_keeps_the_object(text, code):
    assert nlp.classify(text).code == code


# -- staff acting on a tenant's things (保安把我的车拖走了): their conduct, SVC-ATTI -------------


@pytest.mark.parametrize("text", ["保安把我的车拖走了 凭什么", "保安把我的电动车锁了 凭啥", "门卫把我们的三轮车扣下了"])
def test_staff_acting_on_a_tenants_things_is_their_conduct(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [
        ("有人把我的车堵住了", "SEC-PARK"),  # not staff: parking's
        ("师傅把旧水管拆了 新的还没装", "ENG-PLUMB"),  # not the tenant's things: the repair
    ],
)
def test_others_acting_or_staff_on_the_job_keep_the_topic(text, code):
    assert nlp.classify(text).code == code


# -- a lamp's shade or holder (灯罩, 灯座, 吊灯) loose or fallen: the lamp's code -----------------


def test_a_loose_lamp_shade_is_the_lamp():
    result = nlp.classify("走廊的灯罩松了 晃来晃去")
    assert (result.code, result.intent) == ("ENG-ELEC", "repair")


@pytest.mark.parametrize("text", ["灯罩掉下来了", "吊灯晃得厉害 像要掉下来", "灯座松动了"])
def test_a_lamp_fitting_names_the_lamp(rules, text):
    assert rules.classify(text).code == "ENG-ELEC"


@pytest.mark.parametrize(
    "text, code",
    [("电梯里的灯罩掉了", "ENG-LIFT"), ("卫生间吊顶掉下来一块", "ENG-CIVIL")],  # the lift's part; the ceiling
)
def test_a_fitting_of_another_thing_keeps_that_thing(text, code):
    assert nlp.classify(text).code == code


# -- a fee collector's manner (收费员态度极差 还骂人): staff of any role, SVC-ATTI -----------------


@pytest.mark.parametrize("text", ["投诉！！！你们停车场收费员态度极差 还骂人", "收费的大爷骂人"])
def test_a_fee_collectors_manner_is_their_manner(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "complaint")


@pytest.mark.parametrize("text", ["收费员多收了我停车费", "停车场收费员乱收费 一小时收十块"])
def test_a_fee_collector_overcharging_stays_billing(text):
    assert nlp.classify(text).code == "FEE-BILL"


# -- whose machine is noisy: the owner said after it (是隔壁店的) or the tenant's own (自己店里的) --


def test_a_machine_said_to_be_the_neighbours_is_a_nuisance():
    result = nlp.classify("空调外机太吵了 是隔壁店的 嗡嗡响一整天")
    assert (result.code, result.intent) == ("SEC-NOISE", "complaint")


def test_the_tenants_own_noisy_machine_is_a_fault():
    result = nlp.classify("我们自己店里的空调外机声音特别大 像要散架了")
    assert (result.code, result.intent) == ("ENG-HVAC", "repair")


@pytest.mark.parametrize(
    "text, code, intent",
    [("隔壁商铺的空调外机太吵了", "SEC-NOISE", "complaint"), ("我们店的排风扇响得厉害", "ENG-HVAC", "repair")],
)
def test_the_owner_said_before_the_machine_keeps_its_reading(text, code, intent):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, intent)


# -- someone asked to come and fix a thing (能来修空调吗), no fault word: a repair of the thing ----


@pytest.mark.parametrize(
    "text, code", [("今天下午三点能来修空调吗", "ENG-HVAC"), ("可以派人来修下马桶吗", "ENG-PLUMB")]
)
def test_a_visit_asked_to_fix_a_thing_is_its_repair(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "repair")


@pytest.mark.parametrize(
    "text, code", [("空调维修怎么收费", "FEE-BILL"), ("修空调要预约吗", "SVC-INFO"), ("能来修空调吗 多少钱", "FEE-BILL")]
)
def test_a_question_about_the_fix_stays_a_question(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "inquiry")
