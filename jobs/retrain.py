"""Retrain the classifier's learned second opinion when staff corrections accumulate."""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from jobs.runtime import job_context
from models import ClassificationCorrection

# New corrections needed before the periodic job refits (a refit takes a few seconds).
RETRAIN_AFTER = 5


def corrections(session) -> list[dict]:
    rows = session.execute(sa.select(
        ClassificationCorrection.text, ClassificationCorrection.intent, ClassificationCorrection.category,
        ClassificationCorrection.code, ClassificationCorrection.urgent, ClassificationCorrection.emotion,
    ).order_by(ClassificationCorrection.id)).mappings().all()
    return [dict(row) for row in rows]


def retrain(session, instance_path: str) -> Path:
    from nlp.model import INSTANCE_FILE
    from nlp.train import train_and_save

    return train_and_save(corrections(session), Path(instance_path) / INSTANCE_FILE)


def retrain_when_corrected() -> bool:
    """Refit on the shipped texts plus every correction once RETRAIN_AFTER new ones arrived."""
    from nlp.model import INSTANCE_FILE, Model

    with job_context("jobs.retrain") as ctx:
        path = Path(ctx.app.config["INSTANCE_PATH"]) / INSTANCE_FILE
        learned = Model.load(path).corrections if path.exists() else 0
        count = ctx.session.scalar(sa.select(sa.func.count()).select_from(ClassificationCorrection)) or 0
        if count - learned < RETRAIN_AFTER:
            return False
        retrain(ctx.session, ctx.app.config["INSTANCE_PATH"])
        ctx.log.info("retrained the classifier's model on %d correction(s)", count)
        return True
