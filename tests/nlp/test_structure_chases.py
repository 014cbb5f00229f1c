"""A chase about an earlier report: too long a wait is SVC-SLOW, asking when is SVC-INFO."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "上周报的空调到底还修不修了",
        "第三次打电话了 电梯还是坏的",
        "又催一遍 走廊的灯还没换",
        "报修三天了还没人来 马桶还堵着",
    ],
)
def test_a_chase_after_too_long_a_wait_is_a_complaint_about_handling(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


@pytest.mark.parametrize(
    "text",
    [
        "昨天报修的马桶 师傅几点到",
        "报修单显示已派单 大概什么时候上门",
        "打电话问一下 明天停水吗",
    ],
)
def test_asking_when_someone_comes_is_a_question_for_the_desk(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_calling_someone_else_is_not_a_chase(rules):
    assert rules.classify("有辆车停在我们卸货口一整天了 打电话也联系不上车主").code == "SEC-PARK"


def test_or_between_times_is_not_a_fault_still_there(rules):
    # 还是 as "or" (上午还是下午) is not 还是坏的 (still broken)
    assert rules.classify("报修的门锁 你们说明天来 是上午还是下午").code != "SVC-SLOW"


@pytest.mark.parametrize(
    "text",
    [
        "下周二停电检修会影响货梯吗 我们那天要进货",
        "通知上说周四停水 是整栋楼都停还是只有低区",
        "明天几点到几点停电啊",
    ],
)
def test_a_question_about_a_planned_cut_is_for_the_desk(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_cut_happening_now_is_a_fault(rules):
    assert rules.classify("我家突然停电了 邻居家都有电").code == "ENG-ELEC"


def test_a_complaint_chased_for_weeks_is_about_handling(rules):
    result = rules.classify("楼上噪音的事投诉三个礼拜了 一点变化都没有")
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


@pytest.mark.parametrize(
    "text",
    [
        "车库的灯报了十来天 每天晚上还是摸黑",
        "楼道的窗户反映了两个礼拜 风一吹就哐哐响",
        "水泵房的泵坏了快半个月了 到底修不修",
        "单元门禁坏了好几天了 一直没人管",
    ],
)
def test_a_report_or_a_fault_left_for_days_is_about_handling(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint"), result


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("电梯又停了 一个月停了四回 你们到底管不管", "ENG-LIFT"),
        ("热水器坏了两天了 麻烦派个师傅", "ENG-PLUMB"),
    ],
)
def test_a_fault_that_keeps_coming_back_or_is_simply_reported_keeps_its_code(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        "车位费是按月交还是按季度交",
        "垃圾是放门口等人收还是自己拿到楼下",
        # ... asked with 要/能/可以 instead of 是
        "物业你好 我想问下装修垃圾要自己拉走还是你们统一清运",
        "水费能在网上交还是只能去前台交",
    ],
)
def test_a_question_between_two_answers_is_an_inquiry_without_a_question_mark(rules, text):
    assert rules.classify(text).intent == "inquiry"


def test_asking_where_renovation_rubbish_goes_is_for_the_desk():
    import nlp

    assert nlp.classify("物业你好 我想问下装修垃圾要自己拉走还是你们统一清运").code == "SVC-INFO"


@pytest.mark.parametrize("text", ["修了两次 水龙头还是漏 是不是零件不对 还是漏", "说好昨天来修 结果还是没来", "要修的灯修完了还是不亮"])
def test_still_broken_is_no_question_between_two_answers(rules, text):
    assert rules.classify(text).intent != "inquiry"


@pytest.mark.parametrize(
    "text",
    [
        "卷帘门坏了报修四天了 每天只能开一半营业",
        "暖气不热反映半个月了 家里老人冻感冒了",
        "停车场道闸坏了报了三天 每次都要保安手动抬杆",
        "玻璃门的把手掉了 报修两个礼拜了 顾客进出很不方便",
    ],
)
def test_the_model_does_not_turn_a_long_wait_back_into_the_fault(text):
    import nlp

    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


@pytest.mark.parametrize(("text", "code"), [("卷帘门坏了 每天只能开一半营业", "ENG-DOOR"), ("暖气不热 家里老人冻感冒了", "ENG-HVAC")])
def test_the_same_fault_without_a_wait_keeps_its_code(text, code):
    import nlp

    assert nlp.classify(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        "空调不制冷都报修三次了 每次都说明天来",
        "下水道堵了 找物业找了三回了",
        "漏水的事都说了好几次了 师傅就是不来",
        "楼道的灯跟你们讲了三遍了 还是不亮",
    ],
)
def test_asking_again_and_again_is_a_chase(rules, text):
    assert rules.classify(text).code == "SVC-SLOW"


@pytest.mark.parametrize(
    ("text", "code"),
    [("电梯一个月坏了三次了 能不能彻底修好", "ENG-LIFT"), ("今天跳闸两次了 是不是线路有问题", "ENG-ELEC")],
)
def test_a_fault_that_happened_again_is_no_chase(rules, text, code):
    assert rules.classify(text).code == code


def test_one_trip_is_no_chase(rules):
    assert rules.classify("那个报修单帮我撤掉吧 师傅不用跑一趟了").code != "SVC-SLOW"


@pytest.mark.parametrize(
    "text",
    [
        "车位被占的事提了好几次 保安根本不管",
        "跟物业反映过楼道灯坏了 他们就是不来",
        "垃圾堆在门口的事投诉过 物业也不处理",
        "上次说漏水的事 你们从来不理",
    ],
)
def test_an_earlier_report_they_will_not_deal_with_is_a_chase(rules, text):
    assert rules.classify(text).code == "SVC-SLOW"


@pytest.mark.parametrize(("text", "code"), [("这个灯根本不亮 麻烦来修一下", "ENG-ELEC"), ("楼下车位根本不够停 每天都要绕好几圈", "SEC-PARK")])
def test_not_at_all_without_an_earlier_report_is_no_chase(rules, text, code):
    assert rules.classify(text).code == code
