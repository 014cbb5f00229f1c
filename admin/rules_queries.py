"""Reads for the rules page: the targets of each kind, the shipped keywords, and the
classifier measured against the corrections staff made (nlp.evaluate)."""
from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import ClassificationCorrection, ComplaintCode
from nlp import taxonomy
from nlp.rules import default_rules
from workflow.classification import sync_rules

MAX_EXAMPLES = 500  # the most recent corrections; each one is classified again


def targets(session: so.Session, kind: str) -> dict[str, str]:
    if kind == "code":
        return {c.code: f"{c.code} {c.name}" for c in session.scalars(sa.select(ComplaintCode).order_by(ComplaintCode.code))}
    if kind == "intent":
        return dict(taxonomy.INTENTS)
    if kind == "urgent":
        return {"true": "急修"}
    return {"upset": "激动"}


def shipped_keywords(kind: str, target: str) -> list[tuple[str, float]]:
    table = default_rules()["keywords"].get(kind, {}).get(target, {})
    return sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))


def corrections(session: so.Session) -> list[dict]:
    rows = session.execute(
        sa.select(ClassificationCorrection.text, ClassificationCorrection.intent, ClassificationCorrection.category,
                  ClassificationCorrection.code, ClassificationCorrection.urgent, ClassificationCorrection.emotion)
        .order_by(ClassificationCorrection.id.desc()).limit(MAX_EXAMPLES)
    ).mappings().all()
    return [dict(r) for r in rows]


def accuracy(session: so.Session) -> dict | None:
    from nlp.evaluate import evaluate
    from nlp.suggest import suggest_keywords

    examples = corrections(session)
    if not examples:
        return None
    sync_rules(session)
    report = evaluate(examples)
    report["suggestions"] = suggest_keywords(examples, top=5, min_count=2)
    return report
