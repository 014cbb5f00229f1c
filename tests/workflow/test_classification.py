"""Staff-edited keyword rules reach the classifier at run time, without a restart."""
from __future__ import annotations

import pytest

from models import KeywordRule
from workflow import classification
from workflow.classification import classify, rules_changed


@pytest.fixture(autouse=True)
def _fresh_rules():
    rules_changed()
    yield
    rules_changed()


def test_a_new_rule_in_the_database_changes_the_next_classification(session):
    text = "仓库里的冷库温度上不去"
    before = classify(session, text)
    assert before.code != "ENG-HVAC" or "冷库" not in before.evidence
    session.add(KeywordRule(kind="code", keyword="冷库", target="ENG-HVAC", weight=5.0))
    session.commit()
    rules_changed()  # what the rules editor calls after saving
    after = classify(session, text)
    assert after.code == "ENG-HVAC" and "冷库" in after.evidence


def test_disabling_a_rule_takes_effect_and_reenabling_restores_it(session):
    text = "电梯困人了"
    before = classify(session, text)
    assert before.code == "ENG-LIFT" and before.evidence
    for word in before.evidence:  # staff switch off every keyword that decided it
        session.add(KeywordRule(kind="code", keyword=word, target="ENG-LIFT", weight=1.0, active=False))
    session.commit()
    rules_changed()
    assert classify(session, text).code != "ENG-LIFT"
    session.query(KeywordRule).delete()
    session.commit()
    rules_changed()
    assert classify(session, text).code == "ENG-LIFT"


def test_other_processes_pick_up_edits_after_the_recheck_interval(session, monkeypatch):
    """An edit made elsewhere (no rules_changed() here) shows once the interval has passed."""
    text = "仓库里的冷库温度上不去"
    assert "冷库" not in classify(session, text).evidence
    session.add(KeywordRule(kind="code", keyword="冷库", target="ENG-HVAC", weight=5.0))
    session.commit()
    assert "冷库" not in classify(session, text).evidence  # still within the interval
    monkeypatch.setattr(classification, "RECHECK_SECONDS", 0.0)
    assert "冷库" in classify(session, text).evidence
