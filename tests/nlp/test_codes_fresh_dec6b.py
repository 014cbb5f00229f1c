"""Fresh chat probes (issue 17, codes and intents), Dec 6, second pass. Sentences written for
this file; each class has cases that must fire beside a sibling sharing its words that must not."""

import pytest

import nlp

# -- a place standing in water: the water decides, not the car park ----------------------------


@pytest.mark.parametrize("text", ["地库的水已经到膝盖了 出不去", "停车场淹了 几辆车泡在水里", "车库负一层积水没过轮胎"])
def test_a_flooded_car_park_is_drainage(rules, text):
    assert rules.classify(text).code == "ENG-PLUMB"


@pytest.mark.parametrize("text", ["车库里有辆车一直占着我的车位", "地库有人乱停 把出口堵住了 地上还有积水"])
def test_a_parking_matter_in_the_car_park_stays_parking(rules, text):
    assert rules.classify(text).code == "SEC-PARK"


# -- a renovation at an hour it is not allowed is decoration management -------------------------


@pytest.mark.parametrize("text", ["都晚上11点了楼上还在电钻 吵得没法睡", "凌晨一点隔壁还在敲墙 装修也不看时间", "午休时间隔壁装修在砸墙"])
def test_renovation_off_hours_is_decoration_management(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SEC-DECOR", "complaint")


@pytest.mark.parametrize("text", ["隔壁装修电钻一响就是一天 太吵了", "晚上11点楼上还在唱歌 吵得没法睡"])
def test_renovation_in_the_day_or_a_late_party_stays_noise(text):
    assert nlp.classify(text).code == "SEC-NOISE"


# -- a question about a drill or a periodic check is for the desk --------------------------------


@pytest.mark.parametrize("text", ["明天消防演练 喷淋头会不会喷水", "灭火器多久检查一次啊", "电梯年检要不要停用"])
def test_a_check_or_drill_asked_about_is_a_desk_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize("text, code", [("喷淋头一直在滴水", "ENG-FIRE"), ("灭火器过期了 没人换", "ENG-FIRE")])
def test_the_equipment_itself_at_fault_stays_its_code(text, code):
    assert nlp.classify(text).code == code


# -- a report cancelled without naming the ticket (报的…取消吧, 不用派人了) -------------------------


@pytest.mark.parametrize("text", ["上午报的空调不制冷 是遥控器没电 取消吧", "不用派师傅了 我们自己弄好了"])
def test_a_report_cancelled_is_a_desk_matter(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_fault_reported_beside_cancel_words_stays_the_fault(rules):
    assert rules.classify("空调不制冷 遥控器也没反应").code == "ENG-HVAC"


# -- thanks are the staff's whatever they fixed; Cantonese thanks (多谢晒, 唔该晒) ----------------


@pytest.mark.parametrize("text", ["谢谢师傅 水龙头已经不漏了", "多谢晒 空调好返啦", "唔该晒师傅 灯已经着咗"])
def test_thanks_after_a_fix_is_praise_of_staff(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")


def test_thanks_before_a_fault_stays_the_fault():
    assert nlp.classify("谢谢 水龙头又漏了 麻烦再来看看").code == "ENG-PLUMB"


# -- English stairs and their parts are the building's, not a lift -------------------------------


@pytest.mark.parametrize("text", ["stairs的handrail松了", "staircase里的台阶裂了", "the stairs railing is loose"])
def test_english_stairs_are_the_building(rules, text):
    assert rules.classify(text).code == "ENG-CIVIL"


def test_an_english_lift_stays_the_lift(rules):
    assert rules.classify("the lift is broken again").code == "ENG-LIFT"


# -- a planned cut, a renovation's paperwork or arrears asked about: questions ------------------


@pytest.mark.parametrize("text", ["下周会不会停水", "装修报备几天能批下来", "消防演习的时候警报会响吗"])
def test_a_plan_or_paperwork_asked_about_is_a_desk_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize("text, code", [("家里停水了 一滴都没有", "ENG-PLUMB"), ("楼上装修审批了吗 天天砸墙到半夜", "SEC-DECOR")])
def test_a_cut_now_or_a_renovation_complained_of_is_no_question(text, code):
    assert nlp.classify(text).code == code


@pytest.mark.parametrize("text", ["水表欠费了怎么办", "门禁卡余额不足怎么充"])
def test_arrears_asked_about_is_a_billing_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("FEE-BILL", "inquiry")


def test_arrears_disputed_stay_a_billing_complaint():
    result = nlp.classify("物业费根本没欠费 凭什么说我欠费")
    assert (result.code, result.intent) == ("FEE-BILL", "complaint")


# -- whether a repair is done yet, asked: its progress, for the desk --------------------------------


@pytest.mark.parametrize("text", ["车库道闸修好了吗", "上午报的马桶修好没", "热水器什么时候能修好啊"])
def test_whether_a_repair_is_done_is_a_progress_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize("text", ["道闸修好了吗 怎么又抬不起来了", "马桶修好没 都五天了还没人来"])
def test_a_repair_asked_after_a_long_wait_or_a_relapse_is_no_progress_question(text):
    assert nlp.classify(text).code != "SVC-INFO"


# -- a proposal with no topic the rules know stays a suggestion --------------------------------------


def test_a_proposal_on_a_topic_the_rules_miss_stays_a_suggestion():
    assert nlp.classify("可以考虑在大堂放个饮水机").intent == "suggestion"


def test_a_question_on_a_topic_the_rules_miss_stays_a_question():
    assert nlp.classify("大堂有饮水机吗").intent != "suggestion"


# -- an object named only as a likeness (像死老鼠一样, 小得像蚊子尿尿) is not the subject ----------


@pytest.mark.parametrize(
    "text, code", [("楼梯间一股味 像死老鼠一样", "ENV-CLEAN"), ("水龙头出水细得像蚊子腿", "ENG-PLUMB")]
)
def test_an_object_named_as_a_likeness_is_not_the_subject(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize("text, code", [("楼梯间有只死老鼠 好臭", "ENV-PEST"), ("好多蚊子 咬得睡不着", "ENV-PEST")])
def test_the_same_object_named_outright_stays_the_subject(rules, text, code):
    assert rules.classify(text).code == code


# -- staff or the centre slow to answer or act: the handling's efficiency, not their manner --------


@pytest.mark.parametrize("text", ["管家回消息慢吞吞的", "客服回复比乌龟还慢", "你们做事也太拖拉了"])
def test_staff_slow_to_act_is_the_handling(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


@pytest.mark.parametrize("text, code", [("管家态度差 回消息还慢", "SVC-ATTI"), ("花园里好多蜗牛", "ENV-PEST")])
def test_a_manner_or_a_snail_outright_is_no_slowness(text, code):
    assert nlp.classify(text).code == code


# -- praise words beside a repair that made things worse are sarcasm --------------------------------


@pytest.mark.parametrize("text", ["电工师傅真专业 越修越坏", "师傅真负责 修完比之前还漏"])
def test_praise_beside_a_repair_made_worse_is_a_complaint(text):
    assert nlp.classify(text).intent == "complaint"


def test_praise_beside_a_repair_that_held_stays_praise():
    assert nlp.classify("电工师傅真专业 一会儿就修好了").intent == "praise"
