"""The blend's intent follows the taxonomy where the labels never disagree: noise,
cleaning, pests, bills, renovation and the staff's handling are complaints, never repairs
("Cleaning, pest, greenery, parking and noise reports are complaints; faults are
repairs"), whatever the learned model's intent vote says about the words around them."""

import pytest

import nlp
from nlp import blend, labelled
from nlp.classifier import Classification
from nlp.model import Model, argmax, shipped_path
from nlp.normalize import normalize
from nlp.segment import cut


@pytest.fixture(scope="module")
def model():
    return Model.load(shipped_path())


@pytest.mark.parametrize("code", ["SEC-NOISE", "ENV-CLEAN", "ENV-PEST", "FEE-BILL", "SVC-SLOW"])
def test_a_complaint_code_is_never_blended_into_a_repair(model, code):
    norm = normalize("麻烦派师傅来修一下 坏了好几天了")
    _, intent_p, _ = model.distributions(norm, cut(norm))
    assert model.intents[argmax(intent_p)] == "repair"  # the model alone would say repair
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


def test_a_fight_with_a_head_wound_stays_a_complaint(model):
    """The model hears 头都破了 as something broken; a fight is the guards' complaint."""
    text = "停车场出口两个司机动手了 一个头都破了 赶紧叫保安过来"
    norm = normalize(text)
    said = Classification("complaint", "SEC", "SEC-SAFE", True, "calm", 0.6, [])
    assert blend.second_opinion(said, model, norm, cut(norm)).intent == "complaint"
    result = nlp.classify(text)
    assert (result.code, result.intent, result.urgent) == ("SEC-SAFE", "complaint", True)


def test_a_gas_smell_the_rules_call_a_repair_stays_one(model):
    norm = normalize("3楼美食街那边好大一股煤气味 你们快来看看")
    said = Classification("repair", "SEC", "SEC-SAFE", True, "calm", 0.6, [])
    assert blend.second_opinion(said, model, norm, cut(norm)).intent == "repair"


def test_safety_repairs_in_the_labels_are_gas_leaks_only():
    """The rule rests on the labels: it is wrong the day a SEC-SAFE repair is not a gas leak."""
    repairs = [row["text"] for row in labelled.all_public() if row["code"] == "SEC-SAFE" and row["intent"] == "repair"]
    assert repairs and all(blend._GAS.search(normalize(text)) for text in repairs)


@pytest.mark.parametrize("text", ["快帮我修空调", "帮我修一下空调"])
def test_help_asked_is_no_praise_without_a_word_of_it(model, text):
    # the model hears the thanks that follow help (谢谢师傅帮我修好了): the rules' repair stands
    norm = normalize(text)
    _, intent_p, _ = model.distributions(norm, cut(norm))
    assert model.intents[argmax(intent_p)] == "praise"  # the model alone would thank
    assert nlp.classify(text).intent == "repair"


def test_thanks_for_help_given_stay_praise():
    assert nlp.classify("谢谢师傅帮我修好了空调").intent == "praise"
