"""Text normalisation before segmentation: one str.translate call per message."""

import json
from importlib import resources


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Full-width ASCII (！？，ＡＣ１２) to half-width, so one rule matches both forms.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):  # full-width capitals straight to lower case
        table[code] = chr(code - 0xFEE0 + 32)
    for src, dst in {"\u2026": "...", "\u00a0": " ", "\u200b": "", "\ufe0f": "", "\u200d": ""}.items():
        table[ord(src)] = dst
    data = json.loads(resources.files("nlp").joinpath("data/t2s.json").read_text("utf-8"))
    for trad, simp in zip(data["traditional"], data["simplified"], strict=True):
        table[ord(trad)] = simp
    return table


_TABLE = _build_table()
# One character inside a clause (not punctuation nor a space), for patterns that allow a few
# words between two cues of the same clause: {IN_CLAUSE}{{0,4}}
IN_CLAUSE = r"[^,.!?;，。！？\s]"


def normalize(text: str) -> str:
    """Half-width, lower-case, simplified characters; whitespace runs kept as spaces."""
    return text.translate(_TABLE).strip()
