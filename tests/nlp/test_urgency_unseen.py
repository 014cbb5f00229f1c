"""Issue 17, fresh probes of a later session: chat wordings written before they were run
(the first of each group), then sibling wordings of the class each miss belonged to, and
calm look-alikes that must stay calm. Urgent with the rules alone and with the model."""

import pytest

import nlp

# 天然气 voice-typed, its last sound glued by jieba to the next word (田然 气管)
GAS_MISHEARD = [
    "厨房田然气管子那边有很大的味道",
    "我家天然汽管子那里嘶嘶响 味道很冲",
    "闻到一股很重的煤起味 在二楼走廊",
]


@pytest.mark.parametrize("text", GAS_MISHEARD)
def test_unseen_reports_of_danger_now_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


def test_a_misheard_gas_word_glued_to_the_next_shows_what_was_heard(rules):
    assert "田然气≈天然气" in rules.classify("厨房田然气管子那边有很大的味道").evidence
