"""Classify tenant messages into the taxonomy's intent, code, urgency and emotion.

Call warm_up() at process start, classify(text) per message, and install_overrides(rows,
version) whenever the staff-edited rules change (no restart needed).
"""

import os
import threading
import time

# pypinyin's documented switch to skip its phrase dictionary (a quarter of a cold start):
# the keywords' sounds are read one character at a time (nlp/pinyin.py), and the FAQ
# reads the question and its entries the same way, so both sides still agree. Set before
# any nlp module imports pypinyin; a process that set it otherwise keeps its choice.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
# The model multiplies one short vector a message: OpenBLAS's thread pool, started at
# numpy's import in every web and worker process, only costs start-up CPU (about 0.1 s).
# Effective only if numpy is not imported yet; a deployment that set it keeps its choice.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from nlp import model, taxonomy  # noqa: E402
from nlp.classifier import Classification, Classifier  # noqa: E402
from nlp.rules import RuleOverride  # noqa: E402
from nlp.segment import warm_up as _warm_up_jieba  # noqa: E402

__all__ = [
    "Classification",
    "Classifier",
    "RuleOverride",
    "classify",
    "default_classifier",
    "install_overrides",
    "model",
    "taxonomy",
    "warm_up",
]

_lock = threading.Lock()
_classifier: Classifier | None = None
_version: str | None = None


def default_classifier() -> Classifier:
    """The process-wide classifier: shipped rules plus the installed overrides."""
    global _classifier
    current = _classifier
    if current is None:
        with _lock:
            if _classifier is None:
                _classifier = Classifier()
            current = _classifier
    return current


def classify(text: str) -> Classification:
    return default_classifier().classify(text)


def install_overrides(overrides: list[RuleOverride], version: str) -> bool:
    """Replace the active overrides; a no-op returning False when version is unchanged."""
    global _classifier, _version
    if version == _version and _classifier is not None:
        return False
    fresh = Classifier(overrides=overrides)  # built outside the lock: classify keeps running
    with _lock:
        _classifier, _version = fresh, version
    return True


def warm_up() -> float:
    """Load jieba's dictionary, the user dictionary, the rules and the model; returns seconds."""
    started = time.perf_counter()
    _warm_up_jieba()
    default_classifier()
    model.current_model()
    return time.perf_counter() - started
