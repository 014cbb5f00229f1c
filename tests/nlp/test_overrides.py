import jieba
import pytest

import nlp
from nlp import Classifier, RuleOverride

NEW_WORD_TEXT = "楼下新开了好多隔断间 住了很多人"


@pytest.fixture(autouse=True)
def _defaults(restore_overrides):
    nlp.install_overrides([], version="tests:start")


def test_new_keyword_classifies_and_segments():
    assert nlp.classify(NEW_WORD_TEXT).code != "SEC-SAFE"
    changed = nlp.install_overrides([RuleOverride("code", "隔断间", "SEC-SAFE", 5.0)], version="v1")
    assert changed is True
    result = nlp.classify(NEW_WORD_TEXT)
    assert (result.category, result.code) == ("SEC", "SEC-SAFE")
    assert "隔断间" in result.evidence
    assert "隔断间" in jieba.lcut(NEW_WORD_TEXT)


def test_disabling_a_default_keyword_by_weight_zero():
    assert nlp.classify("卷帘门").code == "ENG-DOOR"
    nlp.install_overrides([RuleOverride("code", "卷帘门", "ENG-DOOR", 0)], version="v2")
    assert nlp.classify("卷帘门").code == "OTHER"


def test_disabling_a_default_keyword_by_active_false():
    nlp.install_overrides([RuleOverride("code", "卷帘门", "ENG-DOOR", 3.0, active=False)], version="v3")
    assert nlp.classify("卷帘门").code == "OTHER"
    # its voice-typing alias goes with it
    assert nlp.classify("卷连门").code == "OTHER"


def test_same_version_is_a_cheap_no_op():
    assert nlp.install_overrides([RuleOverride("code", "隔断间", "SEC-SAFE", 5.0)], version="v4") is True
    before = nlp.default_classifier()
    assert nlp.install_overrides([], version="v4") is False
    assert nlp.default_classifier() is before
    assert nlp.classify(NEW_WORD_TEXT).code == "SEC-SAFE"


def test_new_version_replaces_the_whole_override_set():
    nlp.install_overrides([RuleOverride("code", "隔断间", "SEC-SAFE", 5.0)], version="v5")
    nlp.install_overrides([], version="v6")
    assert nlp.classify(NEW_WORD_TEXT).code != "SEC-SAFE"


def test_intent_urgent_and_emotion_overrides():
    text = "电梯有点小毛病 搞毛啊"
    plain = nlp.classify(text)
    assert (plain.urgent, plain.emotion) == (False, "calm")
    nlp.install_overrides(
        [
            RuleOverride("urgent", "小毛病", "true", 9.0),
            RuleOverride("emotion", "搞毛", "upset", 9.0),
            RuleOverride("intent", "小毛病", "complaint", 20.0),
        ],
        version="v7",
    )
    result = nlp.classify(text)
    assert (result.intent, result.urgent, result.emotion) == ("complaint", True, "upset")


def test_explicit_instances_do_not_touch_the_module_classifier():
    custom = Classifier(overrides=[RuleOverride("code", "隔断间", "SEC-SAFE", 5.0)])
    assert custom.classify(NEW_WORD_TEXT).code == "SEC-SAFE"
    assert nlp.classify(NEW_WORD_TEXT).code != "SEC-SAFE"


def test_invalid_overrides_are_skipped():
    custom = Classifier(
        overrides=[
            RuleOverride("code", "隔断间", "NO-SUCH", 5.0),
            RuleOverride("colour", "隔断间", "SEC-SAFE", 5.0),
            RuleOverride("intent", "隔断间", "gossip", 5.0),
            RuleOverride("code", "  ", "SEC-SAFE", 5.0),
        ]
    )
    assert custom.classify(NEW_WORD_TEXT).code != "SEC-SAFE"


def test_code_added_by_staff_later_is_accepted():
    custom = Classifier(overrides=[RuleOverride("code", "积雪", "ENV-SNOW", 6.0)])
    result = custom.classify("门口积雪没人扫")
    assert (result.code, result.category) == ("ENV-SNOW", "ENV")
