"""Voice-typing tolerance (nlp/pinyin.py) tries fewer tokens, and hears the same slips."""

import pytest

import nlp
from nlp import labelled, pinyin
from nlp.normalize import normalize
from nlp.segment import cut


@pytest.fixture(scope="module")
def sounds():
    return nlp.default_classifier()._sounds


def _every_opening(index: pinyin.SoundIndex, tok: str) -> tuple:
    """_describe as it was: every token whose two sounds open a keyword was tried."""
    found = pinyin.SoundIndex._describe(index, tok)
    starts, head, second = found[0], found[5], found[6]
    opens = starts and (second is None or (head, second) in index.openings)
    return (*found[:7], opens, found[8])


def test_a_known_word_opening_no_long_keyword_is_not_tried(sounds):
    # grammar, and a word too long to head a slip of at most four characters
    for word in ("已经", "我们", "然后", "物业管理"):
        assert sounds._describe(word)[7] is False, word
    assert sounds._describe("电")[7] is True  # a character: the next token decides


def test_the_same_slips_are_heard(sounds, monkeypatch):
    texts = [normalize(row["text"]) for row in labelled.all_public()] + [
        "点梯坏了", "跳匝了", "梯卡再二楼", "田然气管漏气", "水漫出来了", "门所不上",
    ]
    token_lists = [cut(text) for text in texts]
    now = [sounds.correct(list(tokens)) for tokens in token_lists]
    everyone = pinyin.SoundIndex(sounds.words, ())
    everyone.by_sound, everyone.first, everyone.first_long = sounds.by_sound, sounds.first, sounds.first_long
    everyone.second_long, everyone.openings = sounds.second_long, sounds.openings
    monkeypatch.setattr(everyone, "_describe", lambda tok: _every_opening(everyone, tok))
    assert sum(bool(fixes) for _, fixes in now) >= 6
    for tokens, got in zip(token_lists, now, strict=True):
        assert everyone.correct(list(tokens)) == got, "".join(tokens)
