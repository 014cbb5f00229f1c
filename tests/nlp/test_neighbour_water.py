"""Water from a neighbour (楼上漏水): among the commonest things a tenant writes. 楼上 alone
is a noise cue, and tied with the leak's two codes it read nothing (OTHER, a triage ticket
for the desk). The water is the report; the neighbour says where it comes from."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["楼上漏水", "楼下漏水", "隔壁漏水", "楼上漏水到我家了", "邻居家渗水到我家墙上"])
def test_water_from_a_neighbour_is_a_leak(rules, text):
    assert rules.classify(text).code == "ENG-LEAK"
    assert nlp.classify(text).code == "ENG-LEAK"  # the model does not talk it back into nothing


@pytest.mark.parametrize("text, code", [
    ("楼上太吵", "SEC-NOISE"),
    ("楼上每天晚上敲敲打打", "SEC-NOISE"),
    ("楼上水管爆了漏到我家", "ENG-PLUMB"),  # a pipe named is plumbing's
])
def test_a_neighbours_noise_or_named_pipe_keeps_its_code(text, code):
    assert nlp.classify(text).code == code

