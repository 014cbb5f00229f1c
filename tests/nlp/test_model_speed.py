"""The shortcuts that keep the learned model cheap (bench/classify.py) change no decision:
the model's scores are the plain tf-idf formula's to float32 rounding (its weights' own
precision), with the same best code and intent, and its probabilities are bit for bit the
plain softmax and sigmoid of those scores."""

import math

import numpy as np
import pytest

from nlp import labelled
from nlp.model import MARGIN_SCALE, Model, features, shipped_path
from nlp.normalize import normalize
from nlp.segment import cut

TEXTS = [row["text"] for row in labelled.all_public()][::4] + [
    "电梯 坏了!!!",  # a space and punctuation between grams
    "3号楼12层的灯不亮",  # digits folded
    "电梯" * 400,  # a gram counted more often than the looked-up table holds
    "a",
    "，",
]


@pytest.fixture(scope="module")
def model():
    return Model.load(shipped_path())


def _plain_scores(model, norm, tokens):
    """The formula as train.design states it, one numpy step at a time, in float64."""
    found = [(model.vocab[gram], count) for gram, count in features(norm, tokens).items() if gram in model.vocab]
    scores = model.bias.astype(np.float64)
    if found:
        idx = [j for j, _ in found]
        x = (1.0 + np.log(np.asarray([c for _, c in found], dtype=np.float64))) * model.idf[idx]
        x /= np.sqrt(x @ x)
        scores += x @ model.weights.T[idx].astype(np.float64)
    return scores


def _softmax(values):
    e = [math.exp((v - max(values)) * MARGIN_SCALE) for v in values]
    return [v / sum(e) for v in e]


def _token_lists(norm):
    tokens = cut(norm)
    # as cut, with an empty token, and with a word dropped (classify mutes words staff switched off)
    return [tokens, ["", *tokens, ""], tokens[1:]]


def test_feature_columns_are_the_features_in_their_order(model):
    for text in TEXTS:
        norm = normalize(text)
        for tokens in _token_lists(norm):
            expected = [(model.vocab[g], c) for g, c in features(norm, tokens).items() if g in model.vocab]
            assert list(model.feature_counts(norm, tokens).items()) == expected, text


def test_scores_are_the_plain_formula_and_probabilities_their_plain_softmax(model):
    nc, ni = len(model.codes), len(model.intents)
    for text in TEXTS:
        norm = normalize(text)
        for tokens in _token_lists(norm):
            plain = _plain_scores(model, norm, tokens)
            scores = model.scores(norm, tokens)
            # float32 weights and sums: about 1e-7 of the largest terms
            assert np.allclose(scores, plain, rtol=0, atol=2e-6), text
            assert np.argmax(scores[:nc]) == np.argmax(plain[:nc]), text
            assert np.argmax(scores[nc : nc + ni]) == np.argmax(plain[nc : nc + ni]), text
            code_p, intent_p, urgent_p = model.distributions(norm, tokens)
            assert code_p == _softmax(scores[:nc]), text
            assert intent_p == _softmax(scores[nc : nc + ni]), text
            assert urgent_p == 1.0 / (1.0 + math.exp(-scores[nc + ni] * MARGIN_SCALE)), text
            assert math.isclose(sum(code_p), 1.0) and math.isclose(sum(intent_p), 1.0)
