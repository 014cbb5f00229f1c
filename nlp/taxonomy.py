"""The label contract, loaded from nlp/data/taxonomy.json."""

import json
from importlib import resources

_DATA = json.loads(resources.files("nlp").joinpath("data/taxonomy.json").read_text("utf-8"))

INTENTS: dict[str, str] = dict(_DATA["intents"])
CATEGORIES: dict[str, str] = dict(_DATA["categories"])
EMOTIONS: dict[str, str] = dict(_DATA["emotions"])
URGENT_RESPONSE_HOURS: float = float(_DATA["urgent_response_hours"])
CODES: dict[str, dict] = {row["code"]: dict(row) for row in _DATA["codes"]}

OTHER = "OTHER"

# Lower-case aliases for readers who prefer them.
codes = CODES
categories = CATEGORIES
intents = INTENTS
emotions = EMOTIONS


def category_of(code: str) -> str:
    """The code's category; a code staff added later ("ENV-SNOW") by its prefix."""
    info = CODES.get(code)
    if info:
        return info["category"]
    prefix = code.split("-", 1)[0]
    return prefix if prefix in CATEGORIES and "-" in code else OTHER


def department_of(code: str) -> str:
    return CODES.get(code, CODES[OTHER])["department"]


def response_hours(code: str, urgent: bool = False) -> float:
    """First-response deadline in hours; urgent tickets use the urgent deadline."""
    if urgent:
        return URGENT_RESPONSE_HOURS
    return float(CODES.get(code, CODES[OTHER])["response_hours"])


def name_of(code: str) -> str:
    return CODES.get(code, CODES[OTHER])["name"]
