"""The vote without a copy of the probabilities (nlp/blend.py, kept cheap for
bench/classify.py) picks what the plain vote on a boosted copy picks, with the same
probability, on ties and rounding too."""

import math

import numpy as np
import pytest

from nlp import labelled
from nlp.blend import _vote
from nlp.model import Model, shipped_path
from nlp.normalize import normalize
from nlp.segment import cut

TEXTS = [row["text"] for row in labelled.all_public()][::25]


def _plain_vote(labels, probabilities, rules_label, rules_weight):
    votes = np.array(probabilities, dtype=np.float64)
    if rules_label in labels:
        votes[labels.index(rules_label)] += rules_weight
    best = int(votes.argmax())
    return labels[best], probabilities[best]


@pytest.fixture(scope="module")
def distributions():
    model = Model.load(shipped_path())
    found = []
    for text in TEXTS:
        norm = normalize(text)
        code_p, intent_p, _ = model.distributions(norm, cut(norm))
        found += [(model.codes, code_p), (model.intents, intent_p)]
    return found


def _weights(probabilities, mine):
    """Everyday votes, and votes that bring the rules' label level with each other label, or a
    float32 step either side of it."""
    yield from (0.0, 0.12, 0.3, 0.75, 2.5)
    for other in probabilities:
        gap = other - probabilities[mine]
        if gap > 0:
            step = math.ulp(gap)
            # and less than half a step off: level only once the sum is rounded
            yield from (gap, gap - step, gap + step, gap - step / 3, gap + step / 3)


def test_the_python_vote_is_the_numpy_vote(distributions):
    checked = ties = 0
    for labels, probabilities in distributions:
        for mine, rules_label in enumerate([*labels, "NOT-A-LABEL"]):
            for weight in _weights(probabilities, min(mine, len(labels) - 1)):
                expected = _plain_vote(labels, probabilities, rules_label, weight)
                assert _vote(labels, probabilities, rules_label, weight) == expected
                checked += 1
                votes = np.array(probabilities, dtype=np.float64)
                if rules_label in labels:
                    votes[mine] += weight
                ties += int((votes == votes.max()).sum() > 1)
    assert checked > 10_000 and ties > 100  # the ties were really tried
