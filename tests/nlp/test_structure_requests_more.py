"""Asking to borrow, book or have someone help is a service request for the desk (SVC-INFO),
in more of the ways tenants say it."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "前台有没有充电宝借",
        "借两把椅子 活动用",
        "我想租一下会议室 周五下午",
        "周五想订一下多功能厅",
        "能不能安排人帮我们搬一下桌子",
        "麻烦派个人来帮忙抬个柜子",
    ],
)
def test_borrowing_booking_and_a_helping_hand_are_requests(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("约个时间来修空调", "ENG-HVAC"),  # arranging a repair visit is the repair
        ("电梯坏了 快派个人来", "ENG-LIFT"),
        ("门锁坏了 帮忙叫个师傅", "ENG-DOOR"),
    ],
)
def test_a_fault_with_a_request_stays_the_fault(rules, text, code):
    assert rules.classify(text).code == code


def test_a_suggestion_to_post_someone_stays_a_suggestion(rules):
    result = rules.classify("建议高峰时段在地库入口安排个人指挥一下")
    assert result.intent == "suggestion" and result.code != "SVC-INFO"
