"""Fresh chat classes (issue 17, codes4): sentences written for this file. Each class has
cases that must fire and a sibling sharing its words that must not."""

import pytest

import nlp

# -- a dog loose among people (没拴绳, 到处乱跑, 扑向路人): order in a shared place, SEC-SAFE ------


@pytest.mark.parametrize(
    "text",
    [
        "超市门口一条哈士奇没拴绳 到处乱跑 小孩都不敢过去",
        "有人带着泰迪逛商场也不牵着 狗冲着老人扑过去",
        "广场上一只柯基跑来跑去 没有主人 追着小朋友咬裤腿",
    ],
)
def test_a_dog_loose_among_people_is_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


def test_a_dog_loose_among_people_keeps_security_with_the_model():
    result = nlp.classify("超市门口一条哈士奇没拴绳 到处乱跑 小孩都不敢过去")
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [
        ("隔壁的泰迪一早上叫个不停", "SEC-NOISE"),  # its barking is a noise
        ("哈士奇在电梯口拉了一坨屎 没人清", "ENV-CLEAN"),  # its mess is cleaning's
    ],
)
def test_a_dog_barking_or_fouling_keeps_its_code(rules, text, code):
    assert rules.classify(text).code == code
