"""The blend's intent follows the taxonomy where the labels never disagree: noise,
cleaning, pests, bills, renovation and the staff's handling are complaints, never repairs
("Cleaning, pest, greenery, parking and noise reports are complaints; faults are
repairs"), whatever the learned model's intent vote says about the words around them."""

import pytest

import nlp
from nlp import blend, labelled
from nlp.classifier import Classification
from nlp.model import Model, shipped_path
from nlp.normalize import normalize
from nlp.segment import cut


@pytest.fixture(scope="module")
def model():
    return Model.load(shipped_path())


@pytest.mark.parametrize("code", ["SEC-NOISE", "ENV-CLEAN", "ENV-PEST", "FEE-BILL", "SVC-SLOW"])
def test_a_complaint_code_is_never_blended_into_a_repair(model, code):
    norm = normalize("麻烦派师傅来修一下 坏了好几天了")
    _, intent_p, _ = model.distributions(norm, cut(norm))
    assert model.intents[int(intent_p.argmax())] == "repair"  # the model alone would say repair
    said = Classification("complaint", code.split("-")[0], code, False, "calm", 0.4, [])
    assert blend.second_opinion(said, model, norm, cut(norm)).intent == "complaint"


def test_a_fault_code_keeps_the_models_repair(model):
    norm = normalize("麻烦派师傅来修一下 坏了好几天了")
    said = Classification("complaint", "ENG", "ENG-ELEC", False, "calm", 0.4, [])
    assert blend.second_opinion(said, model, norm, cut(norm)).intent == "repair"


def test_no_labelled_text_reports_these_codes_as_repairs():
    """The rule rests on the labels: it is wrong the day a labelled file disagrees."""
    repairs = {row["code"] for row in labelled.all_public() if row["intent"] == "repair"}
    assert repairs and not any(blend.never_repaired(code) for code in repairs)


def test_advertising_noise_from_a_lift_is_a_complaint():
    result = nlp.classify("电梯广告声音太大了 吵得头疼")
    assert (result.code, result.intent) == ("SEC-NOISE", "complaint")
