"""The 问答 matcher (nlp.faq): a question typed the way tenants type matches its entry; a
report of a fault, or a question nobody wrote down, does not."""
from __future__ import annotations

import pytest

from nlp.faq import THRESHOLD, best_match, syllables

ENTRIES = [
    (1, ["快递可以放前台代收吗", "前台能代收快递吗", "快递放哪里"]),
    (2, ["营业时间是几点到几点", "商场几点开门", "几点关门"]),
    (3, ["装修需要办理什么手续", "装修怎么申请", "装修要审批吗"]),
    (4, ["物业费怎么交", "在哪里缴物业费", "物业费可以微信支付吗"]),
    (5, ["失物招领在哪里", "捡到东西交给谁"]),
    (6, ["停车怎么收费", "停车场收费标准"]),
]


@pytest.mark.parametrize("question, entry", [
    ("快递可以放前台代收吗", 1),  # as written
    ("快地可以放钱台代收吗", 1),  # homophones from the pinyin keyboard
    ("你好，请问快递能放前台代收吗？谢谢", 1),  # polite words around it
    ("请问商场几点开门呀", 2),
    ("装修要办什么手续", 3),  # other words for the same question
    ("物業費怎麼交", 4),  # traditional characters
    ("物业费怎么缴", 4),
    ("失误招领在哪", 5),
    ("停车场收废标准", 6),
    ("zhuang修怎么申请", 3),  # a character the tenant could not find, typed as pinyin
])
def test_questions_typed_as_tenants_type_them(question, entry):
    assert best_match(question, ENTRIES, covering=True).entry_id == entry


@pytest.mark.parametrize("text", ["空调不制冷怎么办", "卫生间水管爆了", "电梯坏了怎么办", "宽带怎么办理",
                                  "我钥匙丢了有人捡到吗", "停车场出口两个司机动手了", "几点"])
def test_reports_and_questions_nobody_wrote_down_are_left_to_a_person(text):
    match = best_match(text, ENTRIES, covering=True)
    assert match.entry_id is None and match.score < THRESHOLD


def test_southern_sounds_are_one():
    assert syllables("是不是") == syllables("四不四") == ("si", "bu", "si")
    assert syllables("牛奶") == syllables("流来")[:1] + ("lai",) and syllables("成") == syllables("陈")


def test_a_question_inside_a_longer_report_only_counts_when_covering_is_allowed():
    text = "L2-015空调不制冷，另外快递可以放前台代收吗"
    assert best_match(text, ENTRIES, covering=True).entry_id == 1
    assert best_match(text, ENTRIES, covering=False, threshold=0.8).entry_id is None


def test_two_entries_that_answer_alike_are_ambiguous():
    twins = [(1, ["几点开门"]), (2, ["几点开门呢"])]
    match = best_match("几点开门", twins)
    assert match.entry_id is None and match.best_id in (1, 2) and match.score == 1.0
