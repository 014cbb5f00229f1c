"""Voice-typing tolerance (nlp/pinyin.py): a known word of two characters or more is tried
as the head of a slip only where a long keyword opens with its sounds, and the slips tenants
type are still heard."""

import pytest

import nlp
from nlp.normalize import normalize
from nlp.segment import cut


@pytest.fixture(scope="module")
def sounds():
    return nlp.default_classifier()._sounds


def test_a_known_word_opening_no_long_keyword_is_not_tried(sounds):
    # grammar, and a word too long to head a slip of at most four characters
    for word in ("已经", "我们", "然后", "物业管理"):
        assert sounds._describe(word)[7] is False, word
    assert sounds._describe("电")[7] is True  # a character: the next token decides


@pytest.mark.parametrize(
    ("typed", "heard"),
    [("点梯坏了", ("点梯", "电梯")), ("梯卡再二楼", ("卡再", "卡在")), ("田然气管漏气", ("田然气", "天然气")),
     ("水满出来了", ("水满", "水漫")), ("门所不上", ("门所", "门锁"))],
)
def test_the_slips_tenants_type_are_still_heard(sounds, typed, heard):
    _, fixes = sounds.correct(cut(normalize(typed)))
    assert heard in fixes
