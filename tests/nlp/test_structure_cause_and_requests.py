"""Weather that lets water in is seepage; asking to borrow or book is a request for the desk."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "台风天 玻璃幕墙缝里往里飙水 插排电线都泡在水里了",
        "昨晚下大雨 电梯井里一直往下滴水",
        "暴雨过后楼道的灯罩里全是水 还在往下滴",
        "一下雨卫生间吊顶就渗 上面是天台",
    ],
)
def test_rain_letting_water_in_is_seepage_whatever_it_drips_on(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("ENG-LEAK", "repair")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("下雨天楼上的水管爆了 水从吊顶往下灌", "ENG-PLUMB"),  # a named pipe
        ("下雨以后空调不制冷了", "ENG-HVAC"),  # no water coming in
        ("大雨把围墙冲塌了一段", "ENG-CIVIL"),
    ],
)
def test_rain_without_seepage_keeps_its_own_code(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        "能借个梯子吗 换个灯泡",
        "想借用一下三楼会议室 下午两点",
        "能帮我安排搬家用货梯吗",
        "周末要搬家 想预约一下货梯",
        "可以借把伞吗 没带",
    ],
)
def test_borrowing_or_booking_is_a_request_for_the_desk(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_fault_in_something_borrowed_is_still_a_fault(rules):
    assert rules.classify("预约的货梯坏了 卡在三楼不动").code == "ENG-LIFT"


@pytest.mark.parametrize(
    "text",
    [
        "停车场的蓝牙卡丢了 在哪里补办",
        "租户换了法人 门禁权限去哪儿办",
        "给保姆办个临时出入卡 需要带什么",
        "货梯这周保养 是哪天 停多久",
        "消防设施年检那天会不会影响营业",
    ],
)
def test_where_or_how_to_get_something_done_is_a_question_for_the_desk(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry"), result


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("开增值税发票需要提供什么", "FEE-BILL"),
        ("电梯刚保养完就坏了 卡在五楼不动", "ENG-LIFT"),
    ],
)
def test_an_invoice_or_a_fault_after_upkeep_is_not_a_procedure(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    "text",
    ["后天会下雨吗", "今天天气怎么样", "请问附近哪家理发店好", "请问你叫什么名字"],
)
def test_small_talk_about_the_world_outside_is_no_desk_question(rules, text):
    assert rules.classify(text).code == "OTHER"
    assert nlp.classify(text).code == "OTHER"


@pytest.mark.parametrize(
    ("text", "code"),
    [("下雨天卧室窗台往里渗水", "ENG-LEAK"), ("天气冷了 暖气什么时候开始供", "ENG-HVAC")],
)
def test_weather_beside_a_property_matter_keeps_its_code(rules, text, code):
    assert rules.classify(text).code == code
