"""Fresh chat probes (issue 17, codes, categories and intents), Dec 6. Sentences written for
this file; each class has cases that must fire and a sibling sharing its words that must not."""

import pytest

import nlp

# -- English weather and envelope words (roof, rain, seeping): a leak through the building -----


@pytest.mark.parametrize(
    "text", ["roof leaking again after the rain", "water seeping in by the window when it rains"]
)
def test_english_rain_and_roof_words_are_a_building_leak(rules, text):
    assert rules.classify(text).code == "ENG-LEAK"


def test_english_leak_from_a_named_pipe_stays_plumbing(rules):
    assert rules.classify("the pipe under the sink is leaking").code == "ENG-PLUMB"


# -- a question about a cut in the coming days (这周会不会停电) is for the desk ---------------


@pytest.mark.parametrize("text", ["这周会不会停电啊", "这几天会停水吗", "月底要不要停水 提前说一声"])
def test_a_cut_asked_about_in_the_coming_days_is_a_desk_question(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_cut_happening_now_stays_the_fault(rules):
    assert rules.classify("家里没电了 会不会是跳闸了").code == "ENG-ELEC"


# -- the cameras' recordings asked for after an incident (监控能调一下吗) are security's ----------


@pytest.mark.parametrize("text", ["我车被刮了 监控能调一下吗", "想调一下监控 我的快递不见了"])
def test_footage_asked_after_an_incident_is_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


def test_a_camera_that_is_down_stays_a_camera_fault(rules):
    assert rules.classify("车库的监控黑屏了 车被划了也查不到").code == "ENG-WEAK"


# -- a proposal opened with 要不 / 不如 / 可以考虑 is a suggestion of its topic -------------------


@pytest.mark.parametrize(
    "text, code", [("要不在电梯口放个垃圾桶吧", "ENV-CLEAN"), ("不如在花园里多种几棵树", "ENV-GREEN")]
)
def test_a_proposal_opened_with_why_not_is_a_suggestion(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "suggestion")


def test_why_not_come_and_fix_it_is_no_suggestion(rules):
    assert rules.classify("要不然我自己装个灯吧 你们都不来").intent != "suggestion"


# -- a fault back after its repair (修了又坏) is the handling's -----------------------------------


@pytest.mark.parametrize("text", ["灯修了又坏了", "这都第几次了 楼道灯修了又坏"])
def test_a_fault_back_after_its_repair_is_the_handling(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


def test_a_fault_reported_once_stays_the_fault(rules):
    assert rules.classify("楼道灯坏了").code == "ENG-ELEC"


# -- how long something takes (要多久) is asked ---------------------------------------------------


def test_how_long_a_procedure_takes_is_a_desk_question(rules):
    result = rules.classify("装修审批要多久")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_works_begun_without_approval_stay_renovation(rules):
    assert rules.classify("装修审批没通过就开工了").code == "SEC-DECOR"


# -- which charge applies (要交什么费) is a money question ----------------------------------------


def test_which_charge_applies_is_billing(rules):
    result = rules.classify("我想把车位转租出去 要交什么费吗")
    assert (result.code, result.intent) == ("FEE-BILL", "inquiry")


def test_which_papers_to_hand_in_is_no_charge(rules):
    assert rules.classify("办出入证要交什么材料").code != "FEE-BILL"


# -- words for a drying rail (晾衣杆), caterpillars (毛毛虫), a move (搬家) ------------------------


@pytest.mark.parametrize(
    "text, code, intent",
    [
        ("我家阳台的晾衣杆掉下来了", "ENG-CIVIL", "repair"),
        ("树上好多毛毛虫", "ENV-PEST", "complaint"),
        ("搬家公司的车能开进小区吗", "SVC-INFO", "inquiry"),
    ],
)
def test_words_fresh_chat_uses_for_their_objects(rules, text, code, intent):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, intent)


@pytest.mark.parametrize(
    "text, code", [("树枝太长了 挡住窗户", "ENV-GREEN"), ("楼上搬家到半夜 吵得睡不着", "SEC-NOISE")]
)
def test_siblings_of_those_words_keep_their_codes(rules, text, code):
    assert rules.classify(text).code == code


# -- a neighbour's belongings in a shared passage (鞋柜放楼道里) are order and safety ------------


@pytest.mark.parametrize("text", ["邻居把鞋柜放楼道里 占了一大块", "对门把杂物堆在楼梯间", "邻居在公共走廊放了个柜子"])
def test_belongings_left_in_a_shared_passage_are_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [("楼道里堆的垃圾好几天没人收了", "ENV-CLEAN"), ("隔壁装修把垃圾全堆在楼梯间", "SEC-DECOR"), ("楼上在走廊放音乐 吵死了", "SEC-NOISE")],
)
def test_rubbish_debris_or_music_in_the_passage_keep_their_codes(rules, text, code):
    assert rules.classify(text).code == code


# -- the lift car's fan (电梯里的风扇) is the lift's, and the blend keeps it ------------------------


def test_the_lift_cars_fan_is_the_lift():
    result = nlp.classify("电梯里的风扇不转 闷死了")
    assert (result.code, result.intent) == ("ENG-LIFT", "repair")


def test_a_fan_elsewhere_stays_ventilation():
    assert nlp.classify("卫生间排风扇不转了").code == "ENG-HVAC"


# -- words fresh chat uses for a manner (甩脸色), a progress chase (咋样了), the owners' group ------


@pytest.mark.parametrize(
    "text, code, intent",
    [
        ("收银的小姐姐给我甩脸色", "SVC-ATTI", "complaint"),
        ("我报的修咋样了", "SVC-INFO", "inquiry"),
        ("上回说的那个事怎么样了", "SVC-INFO", "inquiry"),
        ("业主群怎么进", "SVC-INFO", "inquiry"),
    ],
)
def test_manner_progress_and_group_words(rules, text, code, intent):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, intent)


@pytest.mark.parametrize("text, code", [("空调修得怎么样了", "ENG-HVAC"), ("谢谢你们 空调还是不制冷", "ENG-HVAC")])
def test_a_fault_named_with_those_words_keeps_its_code(rules, text, code):
    assert rules.classify(text).code == code


# -- a meter that shows arrears or a balance (电表显示欠费) is a billing matter --------------------


@pytest.mark.parametrize("text", ["家里电表显示欠费了但我刚交过", "水表显示欠费了", "电表余额不足 在哪充值"])
def test_a_meter_showing_arrears_or_a_balance_is_billing(rules, text):
    assert rules.classify(text).code == "FEE-BILL"


@pytest.mark.parametrize("text", ["电表不转了", "充电桩充不进电"])
def test_a_meter_or_charger_that_fails_stays_electrical(rules, text):
    assert rules.classify(text).code == "ENG-ELEC"


# -- the blend keeps those two structures' code: the model hears only 监控 or the neighbour -------


@pytest.mark.parametrize("text", ["我车被刮了 监控能调一下吗", "邻居把鞋柜放楼道里 占了一大块"])
def test_footage_and_clutter_keep_security_after_the_blend(text):
    assert nlp.classify(text).code == "SEC-SAFE"


def test_a_camera_down_stays_a_camera_fault_after_the_blend():
    assert nlp.classify("车库的监控黑屏了 车被划了也查不到").code == "ENG-WEAK"
