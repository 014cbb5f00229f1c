"""The bridge between nlp/ and the database: staff-edited KeywordRule rows are installed
into the classifier whenever they change, so edits apply without a restart."""
from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so

import nlp
from models import KeywordRule


def _rules_version(session: so.Session) -> str:
    count, latest = session.execute(
        sa.select(sa.func.count(KeywordRule.id), sa.func.max(KeywordRule.updated_at))
    ).one()
    return f"{count}:{latest}"


_installed: dict[str, str] = {}


def sync_rules(session: so.Session) -> None:
    """Install the database rules into nlp; one cheap query when nothing changed."""
    version = f"{session.get_bind().url}|{_rules_version(session)}"
    if _installed.get("version") == version:
        return
    rows = session.scalars(sa.select(KeywordRule)).all()
    nlp.install_overrides(
        [nlp.RuleOverride(r.kind, r.keyword, r.target, r.weight, r.active) for r in rows], version
    )
    _installed["version"] = version


def classify(session: so.Session, text: str) -> nlp.Classification:
    sync_rules(session)
    return nlp.classify(text)
