"""The labelled texts the project ships (nlp/data/labelled/) and its fixed held-out split.

A third of chat_train is set aside by a hash of the text (sha1 % 3 == 0) so that the same
texts stay out of tuning whatever is added later. Tune rules on `tuning` sets only; the
held-out third is reported, never read for errors. authored.jsonl was written for this
project in its own words (chat and citizen-letter styles, every code and intent): it is
training and tuning data, never evidence of accuracy on unseen text.

nlp/data/blind/ holds texts written from taxonomy.md and the seed alone, by someone who
never saw the rules, the labelled files or the model (430: chat, and citizen letters).
They are never trained or tuned on and their errors are never read: `python -m nlp
evaluate` prints their aggregates only, as one more measure on text nobody fitted.
"""

import hashlib
import json
from functools import cache
from importlib import resources

FILES = ("dev", "real_dev", "chat_train", "holdout", "holdout2", "authored")
BLIND = {"blind_chat": "chat", "blind_real": "real"}  # name → nlp/data/blind/<file>.jsonl


def text_bucket(text: str, buckets: int) -> int:
    """A stable bucket for a text: the same on every machine and every run."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % buckets


def is_held_out(text: str) -> bool:
    return text_bucket(text, 3) == 0


@cache
def _load(name: str, folder: str = "labelled") -> tuple[dict, ...]:
    raw = resources.files("nlp").joinpath(f"data/{folder}/{name}.jsonl").read_text("utf-8")
    return tuple(json.loads(line) for line in raw.splitlines() if line.strip())


def load(name: str) -> list[dict]:
    """One shipped file by stem; chat_heldout / chat_tuning are the two parts of chat_train."""
    if name == "chat_heldout":
        return [row for row in _load("chat_train") if is_held_out(row["text"])]
    if name == "chat_tuning":
        return [row for row in _load("chat_train") if not is_held_out(row["text"])]
    if name in BLIND:  # never part of all_public(): nothing trains or tunes on it
        return [dict(row) for row in _load(BLIND[name], "blind")]
    if name not in FILES:
        raise KeyError(name)
    return [dict(row) for row in _load(name)]


def all_public() -> list[dict]:
    """Every shipped labelled text once (a text in two files counts once)."""
    seen, rows = set(), []
    for name in FILES:
        for row in load(name):
            if row["text"] not in seen:
                seen.add(row["text"])
                rows.append(row)
    return rows


def tuning_public() -> list[dict]:
    """Every shipped labelled text except chat_train's held-out third: what may be tuned on."""
    return [row for row in all_public() if not is_held_out_row(row)]


@cache
def _held_out_texts() -> frozenset:
    return frozenset(row["text"] for row in load("chat_heldout"))


def is_held_out_row(row: dict) -> bool:
    """True for a text of chat_train's held-out third (other files' texts are never held out)."""
    return row["text"] in _held_out_texts()
