"""Propose keywords per code from corrected texts, for staff to accept as rule overrides."""

import math
import re
from collections import Counter
from importlib import resources

import jieba

from nlp.normalize import normalize

_WORD = re.compile(r"^[\u4e00-\u9fd5]{2,6}$")
# Function words and filler that say nothing about the topic.
STOPWORDS = frozenset(resources.files("nlp").joinpath("data/stopwords.txt").read_text("utf-8").split())


def _words(text: str) -> set[str]:
    return {w for w in jieba.lcut(normalize(text)) if _WORD.match(w) and w not in STOPWORDS}


def suggest_keywords(
    examples, top: int = 10, classifier=None, min_count: int = 2
) -> dict[str, list[tuple[str, float]]]:
    """For each gold code, words frequent in its texts and rare elsewhere that the rules lack.

    Score: smoothed log-odds of a word's document frequency in the code against the rest,
    weighted by how many of the code's texts contain it.
    """
    if classifier is None:
        from nlp import default_classifier

        classifier = default_classifier()
    docs_by_code: dict[str, list[set[str]]] = {}
    for example in examples:
        code = example.get("code")
        if code:
            docs_by_code.setdefault(code, []).append(_words(example["text"]))
    total_docs = sum(len(docs) for docs in docs_by_code.values())
    df_all: Counter = Counter()
    df_code: dict[str, Counter] = {}
    for code, docs in docs_by_code.items():
        counts = Counter(word for doc in docs for word in doc)
        df_code[code] = counts
        df_all.update(counts)
    suggestions: dict[str, list[tuple[str, float]]] = {}
    for code, counts in df_code.items():
        n_code = len(docs_by_code[code])
        n_rest = max(total_docs - n_code, 0)
        known = classifier.rules.code_keywords(code)
        scored = []
        for word, count in counts.items():
            if count < min_count or word in known:
                continue
            rest = df_all[word] - count
            odds = math.log(((count + 0.5) / (n_code + 1)) / ((rest + 0.5) / (n_rest + 1)))
            if odds > 0:
                scored.append((word, round(odds * count / n_code, 4)))
        scored.sort(key=lambda ws: (-ws[1], ws[0]))
        suggestions[code] = scored[:top]
    return suggestions
