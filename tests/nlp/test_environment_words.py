"""Dirt, dust, grease and pests said the way tenants say them, not the way a form does.

Written in our own words for issue 17 before the keywords: the rules alone must read them,
since the model only fills in where the rules find nothing."""

import pytest

from nlp.classifier import Classifier

RULES_ONLY = Classifier(model=None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("会议室桌子上积了一层灰 好久没人擦了", "ENV-CLEAN"),
        ("美食街的地面油腻腻的 走路都打滑", "ENV-CLEAN"),
        ("雨停了 车库入口全是泥 也没人冲洗", "ENV-CLEAN"),
        ("大堂地上洒了一摊饮料 半天没人拖", "ENV-CLEAN"),
        ("卫生间镜子脏得照不清人", "ENV-CLEAN"),
        ("办公室里飞进来好多小虫子", "ENV-PEST"),
        ("出风口掉下来一只死蟑螂 吓死人了", "ENV-PEST"),
    ],
)
def test_dirt_and_pests_in_tenants_words(text, code):
    result = RULES_ONLY.classify(text)
    assert result.code == code, result


@pytest.mark.parametrize("text", ["出风口掉下来一只死蟑螂 吓死人了", "会议室桌子上积了一层灰 好久没人擦了"])
def test_dirt_and_pests_are_not_emergencies(text):
    assert RULES_ONLY.classify(text).urgent is False
