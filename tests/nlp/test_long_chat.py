"""A long chat message is still a chat. From title_min_length (60) characters a text was
read as a letter to the authorities: its title sentence counting more, a complaint prior,
no sentence structures, urgency from keywords (a letter recounts dangers past and feared).
A WeChat message of under FULL_LETTER (120) characters with no full stop is a tenant
typing on a phone, and is read as any chat is: a danger told at length is found, with its
code, and 能不能麻烦派个人过去 is a request, not a suggestion that vetoes the urgency."""

import pytest

import nlp
from nlp import blend

LONG_CHATS = [
    ("你好 我是三楼瑜伽馆的老师 刚才上课的时候有个学员突然晕倒在垫子上了 脸色发白 麻烦你们保安先上来帮一下忙 我们在三楼最里面那间 快一点",
     "SEC-SAFE"),
    ("我在地下一层的非机动车停放区 刚刚看到有一辆电瓶车在冒烟 旁边挨着停了好多电瓶车 我不敢靠近 你们赶紧派人下来看看 就在b1楼梯口旁边",
     "SEC-SAFE"),
    ("物业你好 我家在十楼1005 我女儿一个人在家 被锁在卫生间里了 门打不开 在里面一直哭 我在外面上班赶不回去 能不能麻烦派个人过去帮忙开一下门",
     "ENG-DOOR"),
]


@pytest.mark.parametrize(("text", "code"), LONG_CHATS)
def test_a_danger_told_at_length_in_a_chat_is_read_as_a_chat(rules, text, code):
    assert 60 <= len(text) < blend.FULL_LETTER and "。" not in text
    result = rules.classify(text)
    assert (result.urgent, result.code) == (True, code), result
    assert nlp.classify(text).code == code


def test_a_short_letter_with_full_stops_is_still_judged_by_its_keywords(rules):
    letter = ("投诉某小区物业不作为。本人是该小区业主，小区电梯去年曾多次困人，物业一直没有彻底维修，"
              "至今仍经常停运，希望有关部门督促物业尽快解决，保障业主安全。")
    assert 60 <= len(letter) < blend.FULL_LETTER
    assert rules.classify(letter).urgent is False
