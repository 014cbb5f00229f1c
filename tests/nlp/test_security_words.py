"""Barking dogs, loudspeakers, hawkers and fast cars, in tenants' words (issue 17).

Own sentences, written before the keywords; the rules alone must read them."""

import pytest

from nlp.classifier import Classifier

RULES_ONLY = Classifier(model=None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("楼下那家的狗一到晚上就叫个不停", "SEC-NOISE"),
        ("广场上有人拿扩音器卖东西 吵得头疼", "SEC-NOISE"),
        ("商场活动的麦克风声音开得巨大", "SEC-NOISE"),
        ("写字楼里有推销的一层一层敲门", "SEC-SAFE"),
        ("有人在停车场给每辆车塞小广告", "SEC-SAFE"),
        ("外来人员随便进出 也没人登记", "SEC-SAFE"),
        ("小区里的车开得太快了 建议装几条减速带", "SEC-PARK"),
        ("车库里总有车逆行 出口那里特别危险", "SEC-PARK"),
    ],
)
def test_security_matters_in_tenants_words(text, code):
    result = RULES_ONLY.classify(text)
    assert result.code == code, result
