"""Issue 17, item 1 (task urg5): classes of urgency found with fresh chat probes. Each list
names the class; the wordings are new, written before they were run. Judged with the rules
alone and with the model."""

import pytest

import nlp

# belongings, not a person, locked in a car (锁车里 with no 在): nobody is shut in
THINGS_IN_A_CAR = ["我把手机锁车里了 哪里能找人开一下", "我的钥匙锁车里了 备用钥匙在家"]
# ... while a child in there with them still is
CHILD_WITH_THE_KEYS = ["钥匙锁车里了 孩子还在里面"]


@pytest.mark.parametrize("text", THINGS_IN_A_CAR)
def test_belongings_locked_in_a_car_trap_nobody(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", CHILD_WITH_THE_KEYS)
def test_a_child_locked_in_with_the_keys_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# 漏电 in a breaker's name, or guessed from a bill or a fast meter: nobody is shocked
LEAKAGE_NAMED_NOT_FELT = [
    "物业能帮忙换个漏电保护器吗 旧的有点老了",
    "这两个月电费翻倍了 是不是线路漏电",
    "电表走得特别快 怀疑漏电 能派人来查查吗",
]
# ... while a shock felt beside the bill is one
SHOCK_BESIDE_THE_BILL = ["电费好贵 刚才摸冰箱门被电了一下"]


@pytest.mark.parametrize("text", LEAKAGE_NAMED_NOT_FELT)
def test_leakage_named_or_guessed_is_no_shock(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", SHOCK_BESIDE_THE_BILL)
def test_a_shock_felt_beside_a_bill_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# a door that will not close as the mall is about to close (马上关门了): leaving for the night
CLOSING_TIME = ["玻璃推拉门合不上 商场马上关门了", "后门关不上了 超市快关门了"]
# a window that will not close at night keeps no shop open
WINDOW_AT_NIGHT = ["会议室窗户关不上 晚上风挺大的", "卧室纱窗合不上 晚上蚊子进来"]


@pytest.mark.parametrize("text", CLOSING_TIME)
def test_a_door_that_will_not_close_at_closing_time_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", WINDOW_AT_NIGHT)
def test_a_window_that_will_not_close_at_night_is_a_repair(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False

# a danger past that works again today (今早又能用了): 又 brings nothing back
FINE_AGAIN = ["昨晚仓库卷帘门落不下来 今早又能用了", "昨天电梯卡在两层中间 今天又正常了"]
# ... while one that came back (今天又卡住了) is back
BACK_AGAIN = ["昨天电梯卡在两层中间 今天又卡住了"]
# how long a danger usually takes, asked in general
ASKED_IN_GENERAL = ["电梯困人的话一般多长时间能到"]


@pytest.mark.parametrize("text", FINE_AGAIN + ASKED_IN_GENERAL)
def test_a_danger_past_or_asked_about_in_general_is_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", BACK_AGAIN)
def test_a_danger_back_today_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# a leak said to be heavy (taxonomy: 大量漏水): by amount, force or a simile of rain
HEAVY_LEAK = ["洗手间水管漏得好厉害 拖都拖不过来", "储藏室顶上漏得跟瀑布一样", "楼道消防管大量漏水"]
# ... while one said to be slight is not
SLIGHT_LEAK = ["卫生间水龙头有点漏 不严重"]
# this floor all without power (taxonomy: 整层停电)
THIS_FLOOR_OUT = ["我们这一层都断电了 电脑全关机"]


@pytest.mark.parametrize("text", HEAVY_LEAK + THIS_FLOOR_OUT)
def test_a_heavy_leak_or_a_floor_out_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", SLIGHT_LEAK)
def test_a_slight_leak_stays_a_repair(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False

# knives out said on its own (已经动刀了, 都动刀了), with no quarrel named just before
KNIVES_OUT = ["门口那伙人已经动刀了", "有人打价了 停车场那边 都动刀了"]


@pytest.mark.parametrize("text", KNIVES_OUT)
def test_knives_out_is_violence(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# someone called by name who does not answer (叫他没反应), said without 也/都
NO_ANSWER = ["老公洗澡洗了一个多小时 叫他没反应", "我妈午睡到现在 喊她好几声没反应"]
# ... while staff who do not react to a request are no one taken ill
STAFF_NO_REACTION = ["我叫他过来修 他没反应"]


@pytest.mark.parametrize("text", NO_ANSWER)
def test_someone_called_who_does_not_answer_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", STAFF_NO_REACTION)
def test_staff_who_do_not_react_are_no_one_taken_ill(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False

# a hand or a finger that will not come out (拿不出来, 拔不出来) of where it went in
LIMB_STUCK = ["小孩手指伸到风扇罩里面 拿不出来了", "小朋友的手伸进售货机出货口 卡着拿不出来"]
# ... while a phone that will not come out is a lost thing
THING_STUCK = ["手机掉进电梯缝里拿不出来"]


@pytest.mark.parametrize("text", LIMB_STUCK)
def test_a_limb_that_will_not_come_out_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", THING_STUCK)
def test_a_thing_that_will_not_come_out_is_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False

# wires pulled or torn out (电线都拉出来了) by a car, the wind or a worker
WIRES_TORN_OUT = ["地库坡道的路灯杆被撞了 电线都拉出来了"]
# ... while a network cable torn is no live wire
NETWORK_CABLE_TORN = ["网线被扯断了 没网"]


@pytest.mark.parametrize("text", WIRES_TORN_OUT)
def test_wires_torn_out_are_live(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", NETWORK_CABLE_TORN)
def test_a_network_cable_torn_is_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False

# falls counted in times (绊倒好几回了, 摔了三次): a hazard's history, no one down now
FALLS_COUNTED = ["门口的地砖翘起来了 已经绊倒好几回了", "电梯口那块地砖松了 老人已经滑倒两次了"]
# ... while several people down now are down
PEOPLE_DOWN_NOW = ["扶梯上摔倒了三个人 都在流血"]


@pytest.mark.parametrize("text", FALLS_COUNTED)
def test_falls_counted_in_times_are_a_hazard_not_an_emergency(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", PEOPLE_DOWN_NOW)
def test_several_people_down_now_stay_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# the one shut in is out already (已经放出来了, 人已经出来了): settled
OUT_ALREADY = ["早上货梯关了个人 已经放出来了 想问下原因", "电梯困人 人已经出来了 电梯还停着"]
# ... unless another is still inside
ONE_STILL_INSIDE = ["电梯困了两个人 一个已经出来了 还有一个在里面"]


@pytest.mark.parametrize("text", OUT_ALREADY)
def test_someone_already_out_is_settled(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", ONE_STILL_INSIDE)
def test_one_still_inside_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# a gas detector named (燃气泄漏报警器) is a device, not a leak
GAS_DETECTOR_NAMED = ["请问燃气泄漏报警器去哪里买", "想给店里装个煤气泄漏探测器 找谁"]
# ... while the detector sounding is the alarm of a leak
GAS_DETECTOR_SOUNDING = ["燃气泄漏报警器一直在响 有味道"]


@pytest.mark.parametrize("text", GAS_DETECTOR_NAMED)
def test_a_gas_detector_named_is_no_leak(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", GAS_DETECTOR_SOUNDING)
def test_a_gas_detector_sounding_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# the writer says tomorrow is fine (明天来修就行, 明早来电就可以): nothing presses
TOMORROW_IS_FINE = ["停电了 反正我们已经下班了 明早来电就可以", "店里没电了 我们今天休息 明天弄好也行"]
# ... while asking whether it will be fixed by tomorrow (明天就好了吗) is no such word
ASKS_ABOUT_TOMORROW = ["整层停电了 明天就好了吗"]


@pytest.mark.parametrize("text", TOMORROW_IS_FINE)
def test_tomorrow_said_to_be_fine_presses_nothing(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", ASKS_ABOUT_TOMORROW)
def test_asking_about_tomorrow_stays_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True

# someone lying there motionless, said without 在 (躺地上) or with the person after the verb
# (门口倒着个人): the lead's 「店门口有个人躺地上 一动不动」 and new wordings
LYING_MOTIONLESS = [
    "店门口有个人躺地上 一动不动",
    "门口倒着个人 没动静",
    "大堂地上躺着个阿姨 叫了没反应",
    "女厕里有人躺地上",
]
# ... while someone resting or asleep there is a complaint at most
LYING_AT_EASE = ["有人躺在长椅上睡觉", "流浪汉睡在门口", "地上躺着一个人 在玩手机"]


@pytest.mark.parametrize("text", LYING_MOTIONLESS)
def test_someone_lying_motionless_is_urgent_and_the_guards(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    found = nlp.classify(text)
    assert (found.urgent, found.code) == (True, "SEC-SAFE"), found


@pytest.mark.parametrize("text", LYING_AT_EASE)
def test_someone_resting_stays_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False

# water into a room that holds equipment (弱电间, 泵房, 设备间), or all over under its floor
EQUIPMENT_ROOM_WATER = ["五楼弱电间进水了 交换机都在下面", "机房地板下面全是水 服务器还开着"]


@pytest.mark.parametrize("text", EQUIPMENT_ROOM_WATER)
def test_water_into_an_equipment_room_is_damage_in_progress(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True
