"""Text written to a spreadsheet cell (the console's exports, the monthly report) must stay
text: a name that staff typed, starting with = + - @ or a control character, would
otherwise become a formula when the workbook is opened."""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
