"""jieba set-up: quiet logging, cache in the temp dir, the domain user dictionary."""

import logging
import re
import tempfile
import threading
import time
from collections.abc import Iterable
from importlib import resources

import jieba

_lock = threading.Lock()
_ready = False
_added: set[str] = set()
# Only runs of CJK characters go through jieba's dictionary; ASCII words and emoji
# come out as tokens on their own, so adding them to the dictionary is pointless.
_HAN = re.compile(r"^[\u4e00-\u9fd5]{2,}$")


def _setup() -> None:
    global _ready
    jieba.setLogLevel(logging.WARNING)
    if jieba.dt.tmp_dir is None:
        jieba.dt.tmp_dir = tempfile.gettempdir()
    jieba.initialize()
    with resources.files("nlp").joinpath("data/userdict.txt").open("rb") as handle:
        jieba.load_userdict(handle)
    _ready = True


def ensure_ready() -> None:
    """Load jieba's dictionary and the user dictionary once per process."""
    if _ready:
        return
    with _lock:
        if not _ready:
            _setup()


def warm_up() -> float:
    """Pay the dictionary load now instead of on the first message; returns seconds."""
    started = time.perf_counter()
    ensure_ready()
    return time.perf_counter() - started


def word_count(word: str) -> int:
    """How often jieba's dictionary counts the word (0 if it does not know it): a common
    word rather than a name (白天 1456, 李强 159)."""
    ensure_ready()
    return jieba.get_FREQ(word) or 0


def add_words(words: Iterable[str]) -> None:
    """Make rule keywords segment whole; words jieba already knows are left alone."""
    ensure_ready()
    freq = jieba.dt.FREQ
    with _lock:
        for word in words:
            if word in _added or not _HAN.match(word):
                continue
            _added.add(word)
            if freq.get(word, 0) == 0:
                jieba.add_word(word)


def cut(text: str) -> list[str]:
    return jieba.lcut(text)


def keyword_cut(text: str, index: dict) -> list[str]:
    """jieba's cut with a one-character keyword cut off the adverb its HMM glued it to into an
    unknown word: 电全没了 gave 电全 没 了, which named nothing (水全停了, 灯都不亮了)."""
    tokens = jieba.lcut(text)
    if not any(len(t) == 2 and t[1] in _ADVERBS and t[0] in index for t in tokens):
        return tokens
    out: list[str] = []
    for tok in tokens:
        if len(tok) == 2 and tok[1] in _ADVERBS and tok[0] in index and tok not in index and not word_count(tok):
            out.extend(tok)
        else:
            out.append(tok)
    return out


# how much or how often, said right after the thing (电全没了, 灯都不亮, 水又停了), and whether it
# can (灯能换成感应的吗, 门能不能修一下: jieba glued 灯能, 门能, which name nothing)
_ADVERBS = frozenset("全都也又还总老能")
