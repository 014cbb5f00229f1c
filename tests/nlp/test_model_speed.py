"""The shortcuts that keep the learned model cheap (bench/classify.py) change no number: the
model's scores and probabilities are bit for bit those of the plain tf-idf formula."""

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
    """The formula as train.design states it, one numpy step at a time."""
    found = [(model.vocab[gram], count) for gram, count in features(norm, tokens).items() if gram in model.vocab]
    scores = model.bias.copy()
    if found:
        idx = [j for j, _ in found]
        x = (1.0 + np.log(np.asarray([c for _, c in found], dtype=np.float32))) * model.idf[idx]
        x /= np.sqrt(x @ x)
        scores += x @ np.ascontiguousarray(model.weights.T)[idx]
    return scores


def _softmax(values):
    e = np.exp(values - values.max())
    return e / e.sum()


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


def test_scores_and_probabilities_are_the_plain_formulas_bit_for_bit(model):
    nc, ni = len(model.codes), len(model.intents)
    for text in TEXTS:
        norm = normalize(text)
        for tokens in _token_lists(norm):
            plain = _plain_scores(model, norm, tokens)
            assert np.array_equal(model.scores(norm, tokens), plain), text
            code_p, intent_p, urgent_p = model.distributions(norm, tokens)
            assert code_p.dtype == np.float32
            assert np.array_equal(code_p, _softmax(plain[:nc] * MARGIN_SCALE)), text
            assert np.array_equal(intent_p, _softmax(plain[nc : nc + ni] * MARGIN_SCALE)), text
            assert urgent_p == 1.0 / (1.0 + float(np.exp(-plain[nc + ni] * MARGIN_SCALE))), text
