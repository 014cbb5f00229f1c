"""The classifier's model is retrained from staff corrections, by the periodic job and the CLI."""
from __future__ import annotations

import nlp
from jobs.retrain import RETRAIN_AFTER, retrain_when_corrected
from models import ClassificationCorrection, db
from nlp.model import INSTANCE_FILE, Model, current_model

# A made-up kind of message the shipped texts never label: staff teach it by correcting.
TAUGHT = ["{}楼的自动售货机吞币了", "售货机吞了我{}个硬币", "B{}的售货机又吞币 钱没退",
          "售货机投币没出货 吞了{}块", "自动售货机吞钱 {}号门旁边那台"]
UNSEEN = "售货机吞了我的硬币"


def _correct(n):
    for i in range(n):
        db.session.add(ClassificationCorrection(text=TAUGHT[i % len(TAUGHT)].format(i), intent="complaint",
                                                category="FEE", code="FEE-BILL", urgent=False, emotion="calm"))
    db.session.commit()


def test_the_job_waits_for_enough_corrections_then_retrains(app, instance):
    assert nlp.classify(UNSEEN).code == "OTHER"  # neither the rules nor the shipped model know it
    _correct(RETRAIN_AFTER - 1)
    assert retrain_when_corrected() is False
    assert not (instance / INSTANCE_FILE).exists()
    _correct(1)
    assert retrain_when_corrected() is True
    model = Model.load(instance / INSTANCE_FILE)
    assert model.corrections == RETRAIN_AFTER
    # the web process now uses the instance's model, and nothing more happens until more corrections
    assert current_model().corrections == RETRAIN_AFTER
    assert retrain_when_corrected() is False
    taught = nlp.classify(UNSEEN)
    assert taught.code == "FEE-BILL"
    assert any(e.startswith("相似案例：") and "售货机" in e for e in taught.evidence)


def test_flask_nlp_train_command(app, instance):
    _correct(2)
    result = app.test_cli_runner().invoke(args=["nlp-train"])
    assert result.exit_code == 0, result.output
    assert "2 correction(s)" in result.output
    assert Model.load(instance / INSTANCE_FILE).corrections == 2
