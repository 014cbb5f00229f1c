"""The bridge between nlp/ and the database: staff-edited KeywordRule rows are installed
into the classifier whenever they change, so edits apply without a restart."""
from __future__ import annotations

import time

import sqlalchemy as sa
import sqlalchemy.orm as so

import nlp
from models import KeywordRule


def _rules_version(session: so.Session) -> str:
    count, latest = session.execute(
        sa.select(sa.func.count(KeywordRule.id), sa.func.max(KeywordRule.updated_at))
    ).one()
    return f"{count}:{latest}"


RECHECK_SECONDS = 2.0  # staff edits reach every process within this time
_installed: dict = {}


def sync_rules(session: so.Session, *, force: bool = False) -> None:
    """Install the database rules into nlp; checks the table's version at most every
    RECHECK_SECONDS per process (the webhook's hot path stays free of it)."""
    bind = str(session.get_bind().url)
    now = time.monotonic()
    if not force and _installed.get("bind") == bind and now - _installed.get("checked", 0) < RECHECK_SECONDS:
        return
    version = f"{bind}|{_rules_version(session)}"
    _installed.update(bind=bind, checked=now)
    if _installed.get("version") == version:
        return
    rows = session.scalars(sa.select(KeywordRule)).all()
    nlp.install_overrides(
        [nlp.RuleOverride(r.kind, r.keyword, r.target, r.weight, r.active) for r in rows], version
    )
    _installed["version"] = version


def rules_changed() -> None:
    """Call after staff edit rules, so this process sees them at once."""
    _installed.pop("checked", None)


def classify(session: so.Session, text: str) -> nlp.Classification:
    sync_rules(session)
    return nlp.classify(text)
