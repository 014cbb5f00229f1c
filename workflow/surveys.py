"""Satisfaction survey answers (seed §二注意(8), §七(2)), from chat or the survey page:
collected within 24 hours; a low score or an angry comment reopens the ticket to a
supervisor."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

import nlp
from models import Status, Survey
from workflow import machine
from workflow.errors import ValidationError
from workflow.handling import reopen

LOW_SCORE = 2
_CHAT_ANSWER = re.compile(r"^\s*([1-5])(?![0-9.])\s*(?:分|星)?\s*[,，。.、:：\s]*(.*)$", re.S)


def parse_chat_answer(text: str) -> Optional[tuple[int, str]]:
    """'5 师傅很快' → (5, '师傅很快'); anything not starting with a score 1–5 → None."""
    match = _CHAT_ANSWER.match(unicodedata.normalize("NFKC", text or ""))
    if not match:
        return None
    return int(match.group(1)), match.group(2).strip()


def open_survey(session: so.Session, tenant_id: int) -> Optional[Survey]:
    """The tenant's most recent survey that was sent, is unanswered and not expired."""
    now = machine.now()
    return session.scalar(
        sa.select(Survey).where(Survey.tenant_id == tenant_id, Survey.sent_at.is_not(None),
                                Survey.answered_at.is_(None), Survey.expired_at.is_(None), Survey.expires_at > now)
        .order_by(Survey.sent_at.desc()).limit(1)
    )


def answer_survey(session: so.Session, survey: Survey, *, score: int, comment: str = "", channel: str) -> bool:
    """Record the answer; returns True when it reopened the ticket."""
    if survey.answered_at is not None:
        raise ValidationError("该调查已评价过，感谢您的参与", field="score")
    now = machine.now()
    if survey.expired_at is not None or survey.expires_at <= now:
        raise ValidationError("该调查已过期（24小时内有效）", field="score")
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise ValidationError("请选择1-5分", field="score")
    # Claim it in the database: two answers at once (chat and page, a double tap) must not
    # both count, nor reopen the ticket twice.
    claimed = session.execute(
        sa.update(Survey).where(Survey.id == survey.id, Survey.answered_at.is_(None)).values(answered_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise ValidationError("该调查已评价过，感谢您的参与", field="score")
    comment = (comment or "").strip()[:500]
    survey.score, survey.comment, survey.answer_channel = score, comment or None, channel
    survey.answered_at = now
    ticket = survey.ticket
    ticket.satisfaction = score
    angry = bool(comment) and nlp.classify(comment).emotion == "upset"
    if (score <= LOW_SCORE or angry) and ticket.status == Status.CLOSED:
        reason = f"满意度{score}分" + (f"：{comment}" if comment else "")
        reopen(session, ticket, None, reason=reason)
        return True
    action = machine.check("note", ticket, None)
    machine.apply(session, ticket, action, None, by="租户", note=f"满意度评价：{score}分" + (f"，{comment}" if comment else ""),
                  data={"survey": survey.id, "score": score})
    return False
