"""The learned second opinion: linear models on character n-grams and jieba words.

Trained by nlp/train.py (scikit-learn, offline) and saved as one .npz of plain arrays;
predicting needs only numpy, so the web process never imports scikit-learn. The file is
built locally (`python -m nlp train`): a shipped one from the labelled texts in
nlp/data/labelled/, and one per instance with the staff's corrections, which wins.
"""

import math
import threading
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

SHIPPED = "data/model.npz"
INSTANCE_FILE = "nlp_model.npz"
_DIGITS = str.maketrans("0123456789", "0000000000")
# SVM margins to pseudo-probabilities: a margin of 1 against 0 is about 0.98. CV with the
# rules (RULES_VOTE 0.2): intent 0.900/0.908/0.917/0.917, code 0.878/0.885/0.883/0.879 at
# 2.5/3/4/5 (second split intent 0.897/0.904/0.915/0.917); at 4 RULES_VOTE 0.3 fits better
MARGIN_SCALE = 4.0
_SKIP = frozenset(" ,.!?;:~-_，。！？；：、…()（）【】[]\"'“”‘’")
_TF_TABLE = 256  # counts up to this are looked up (a 2,000-character paste may repeat more)
_TOKEN_CACHE_LIMIT = 100_000


def features(norm: str, tokens: list[str]) -> dict[str, int]:
    """Counts of character 1-2 grams (digits folded) and jieba words of a normalised text.

    Not 1-3 grams: in 5-fold CV over the public tuning texts 1-2 grams scored code 0.846
    alone and 0.879 with the rules against 0.841 and 0.877 (with words at train.WORD_WEIGHT:
    0.885; second split 0.880 against 0.868), and cost a third fewer features.
    """
    counts: dict[str, int] = {}
    text = norm.translate(_DIGITS)
    n = len(text)
    for i in range(n):
        char = text[i]
        if char in _SKIP:
            continue
        counts[char] = counts.get(char, 0) + 1
        if i + 1 < n and text[i + 1] not in _SKIP:
            gram = text[i : i + 2]
            counts[gram] = counts.get(gram, 0) + 1
    for tok in tokens:
        if len(tok) > 1 and tok[0] not in _SKIP:
            key = "w:" + tok.translate(_DIGITS)
            counts[key] = counts.get(key, 0) + 1
    return counts


@dataclass(frozen=True)
class Opinion:
    code: str
    code_p: float
    intent: str
    intent_p: float
    urgent_p: float


class Model:
    def __init__(self, arrays):
        self.vocab = {word: i for i, word in enumerate(arrays["vocab"].tolist())}
        self.idf = arrays["idf"]
        self.weights = arrays["weights"]  # rows: codes, then intents, then urgent
        # one contiguous row per feature, idf folded in, its idf squared last: a message
        # gathers a few rows and sums them in one numpy call (the l2 norm's square with them)
        idf = self.idf.astype(np.float64)
        self._rows = np.ascontiguousarray(
            np.hstack([self.weights.T * idf[:, None], (idf * idf)[:, None]]), dtype=np.float32
        )
        self.bias = arrays["bias"]
        self._bias = self.bias.tolist()
        self.codes = arrays["codes"].tolist()
        self.intents = arrays["intents"].tolist()
        self.examples = arrays["example_texts"].tolist()
        self.example_codes = arrays["example_codes"].tolist()
        self._nc, self._ni = len(self.codes), len(self.intents)
        # 1 + log tf by count, float32 as train.design computes it: looked up, not logged
        self._tf = [math.nan, *(1.0 + np.log(np.arange(1, _TF_TABLE + 1, dtype=np.float32))).tolist()]
        self._tokens: dict[str, tuple] = {}  # see _token()
        self._cases: dict[str, tuple] | None = None  # per code: texts, bigram counts, postings
        # how many staff corrections it learned from (the periodic job retrains on more)
        self.corrections = int(arrays["corrections"]) if "corrections" in arrays else 0

    @classmethod
    def load(cls, path) -> "Model":
        with np.load(path, allow_pickle=False) as arrays:
            return cls({key: arrays[key] for key in arrays.files})

    def feature_counts(self, norm: str, tokens: list[str]) -> dict[int, int]:
        """features() counted by vocabulary column, unknown grams left out: the same columns
        in the same order (the float sums in scores() depend on the order)."""
        return Counter(self.feature_columns(norm, tokens))

    def feature_columns(self, norm: str, tokens: list[str]) -> list[int]:
        """The columns feature_counts() counts, each as often as it occurs, first ones first."""
        if "".join(tokens) == norm:
            return self._token_columns(tokens)
        # the caller cut words out of one and not the other
        columns = self._text_columns(norm.translate(_DIGITS))
        return columns + [word for *_, word in map(self._token, tokens) if word >= 0]

    def _text_columns(self, text: str) -> list[int]:
        """Columns of the character 1-2 grams of a digit-folded text, in features() order."""
        get, skip = self.vocab.get, _SKIP
        columns: list[int] = []
        if not text:
            return columns
        # " " is skipped: the last character starts no bigram
        for char, following in zip(text, text[1:] + " ", strict=True):
            if char in skip:
                continue
            j = get(char)
            if j is not None:
                columns.append(j)
            if following not in skip:
                j = get(char + following)
                if j is not None:
                    columns.append(j)
        return columns

    def _token(self, tok: str) -> tuple:
        """(first and last character unless skipped, columns of its own grams, column of it as
        a word or -1): the same few thousand jieba tokens make up every message."""
        found = self._tokens.get(tok)
        if found is None:
            if len(self._tokens) > _TOKEN_CACHE_LIMIT:
                self._tokens.clear()
            text = tok.translate(_DIGITS)
            word = -1
            if len(tok) > 1 and tok[0] not in _SKIP:
                word = self.vocab.get("w:" + text, -1)
            first = text[:1] if text[:1] not in _SKIP else ""
            last = text[-1:] if text[-1:] not in _SKIP else ""
            found = self._tokens[tok] = (first, last, tuple(self._text_columns(text)), word)
        return found

    def _token_columns(self, tokens: list[str]) -> list[int]:
        """Columns of the text the tokens make up: each token's own grams (cached), the bigram
        across each boundary looked up, then the words (features() counts them last)."""
        get, known, token = self.vocab.get, self._tokens, self._token
        columns: list[int] = []
        words = []
        last = ""
        for tok in tokens:
            if not tok:
                continue
            first, tail, own, word = known.get(tok) or token(tok)
            if last and first:
                j = get(last + first)
                if j is not None:
                    columns.append(j)
            columns += own
            if word >= 0:
                words.append(word)
            last = tail
        return columns + words

    def scores(self, norm: str, tokens: list[str]) -> list[float]:
        """Raw linear scores: one per code, one per intent, then urgent.

        As train.design: (1 + log tf) * idf (word features' idf carries their weight), l2
        normalised, times the weights. The gathered rows hold idf * weights and idf squared,
        so that a message whose grams each occur once (most) is one sum of rows; the rest is
        Python on 29 numbers, which costs less than numpy's calls on short arrays in a
        process that runs jieba, re and the rules between them (bench/classify.py)."""
        columns = self.feature_columns(norm, tokens)
        if not columns:
            return list(self._bias)
        counts = Counter(columns)
        if len(counts) == len(columns):  # no gram repeats: 1 + log 1 is 1 for each
            # take() and add.reduce(): what fancy indexing and sum() do, in fewer steps
            *sums, square = np.add.reduce(self._rows.take(columns, axis=0), axis=0).tolist()
        else:
            rows = self._rows.take(list(counts), axis=0)
            tf = self._tf
            try:
                weights = np.array([tf[count] for count in counts.values()], dtype=np.float32)
            except IndexError:  # more repeats than the table holds
                weights = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
            *sums, _ = (weights @ rows).tolist()
            square = float((weights * weights) @ rows[:, -1])
        scale = 1.0 / math.sqrt(square)
        return [value * scale + bias for value, bias in zip(sums, self._bias, strict=True)]

    def distributions(self, norm: str, tokens: list[str]) -> tuple[list[float], list[float], float]:
        """Pseudo-probabilities over self.codes and self.intents (lists), and of urgent."""
        scores = self.scores(norm, tokens)
        nc, ni = self._nc, self._ni
        return softmax(scores[:nc]), softmax(scores[nc : nc + ni]), sigmoid(scores[-1] * MARGIN_SCALE)

    def opinion(self, norm: str, tokens: list[str]) -> Opinion:
        code_p, intent_p, urgent_p = self.distributions(norm, tokens)
        c, i = argmax(code_p), argmax(intent_p)
        return Opinion(self.codes[c], code_p[c], self.intents[i], intent_p[i], urgent_p)

    def similar_case(self, norm: str, code: str) -> str | None:
        """The shipped or corrected text of that code most like this one (Jaccard of character
        bigrams, counted through an inverted index: a message touches few cases' bigrams); on
        a tie the earliest."""
        if self._cases is None:
            cases: dict[str, tuple] = {}
            for text, example_code in zip(self.examples, self.example_codes, strict=True):
                texts, sizes, postings = cases.setdefault(example_code, ([], [], {}))
                grams = _bigrams(text)
                for gram in grams:
                    postings.setdefault(gram, []).append(len(texts))
                texts.append(text)
                sizes.append(len(grams))
            self._cases = {
                code: (texts, np.array(sizes), {gram: np.array(ks, dtype=np.intp) for gram, ks in postings.items()})
                for code, (texts, sizes, postings) in cases.items()
            }
        found = self._cases.get(code)
        if not found:
            return None
        texts, sizes, postings = found
        mine = _bigrams(norm)
        # how many bigrams each case shares with this text, counted in numpy: the postings of a
        # message's bigrams run to hundreds, and counting them in Python cost 30 µs a call
        hits = [postings[gram] for gram in mine if gram in postings]
        if not hits:
            return None
        common = np.bincount(np.concatenate(hits), minlength=len(texts))
        score = common / (len(mine) + sizes - common)
        best = int(score.argmax())
        return texts[best] if score[best] > 0 else None


def softmax(scores: list[float]) -> list[float]:
    """Of MARGIN_SCALE times the scores, shifted by their maximum."""
    top = max(scores)
    e = [math.exp((score - top) * MARGIN_SCALE) for score in scores]
    total = sum(e)
    return [value / total for value in e]


def sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(min(-value, 700.0)))  # math.exp overflows past 709


def argmax(values) -> int:
    """The index of the first largest value, as numpy's argmax."""
    return values.index(max(values))


def _bigrams(text: str) -> frozenset:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


_instance_dir: Path | None = None


def use_instance_dir(path) -> None:
    """Where this process looks for the model retrained with staff corrections (the app's
    instance folder); until called, only the shipped model is used."""
    global _instance_dir
    _instance_dir = Path(path) if path else None
    forget_current()


def instance_path() -> Path | None:
    return _instance_dir / INSTANCE_FILE if _instance_dir else None


def shipped_path() -> Path:
    return Path(str(resources.files("nlp").joinpath(SHIPPED)))


_lock = threading.Lock()
_loaded: dict[str, tuple[float, Model | None]] = {}
_RECHECK = 10.0  # seconds between looks for a retrained file
_current: tuple[float, Model | None] = (-_RECHECK, None)


@lru_cache(maxsize=1)
def _shipped() -> Path:
    return shipped_path()


def current_model() -> Model | None:
    """The instance's model when it has one, else the shipped one; loaded once per file
    version (a retrained file is picked up within _RECHECK seconds), None if neither exists."""
    global _current
    now = time.monotonic()
    checked, model = _current
    if now - checked < _RECHECK:
        return model
    model = None
    for path in (instance_path(), _shipped()):
        if path is None:
            continue
        try:
            stamp = path.stat().st_mtime
        except OSError:
            continue
        key = str(path)
        with _lock:
            cached = _loaded.get(key)
            if cached is None or cached[0] != stamp:
                _loaded[key] = (stamp, Model.load(path))
            model = _loaded[key][1]
        break
    _current = (now, model)
    return model


def forget_current() -> None:
    """Look for the model file again on the next call (a new instance folder, a retrain)."""
    global _current
    _current = (-_RECHECK, None)
