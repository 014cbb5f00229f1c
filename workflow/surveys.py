"""Satisfaction survey answers (seed §二注意(8), §七(2)), from chat or the survey page:
collected within 24 hours; a low score or an angry comment reopens the ticket to a
supervisor."""
from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

import nlp
from models import Status, Survey
from workflow import machine
from workflow.errors import ValidationError
from workflow.handling import reopen

LOW_SCORE = 2
# How tenants answer 「请回复1-5分」: 5, 5分, 4 师傅很快, 打五分, 还行 4分, ⭐⭐⭐⭐⭐, or the
# five levels in words (非常满意 … 非常不满意). A digit at the start is a score only before
# 分/星, a space or a mark, or nothing: 「2楼厕所堵了」 is a new report, not a score of 2.
_LEADING_SCORE = re.compile(r"^\s*([1-5])(?![0-9.])(?:\s*(?:分|星)(?!钟|钱)|(?=[\s,，。、:：!！~～]|$))"
                            r"\s*[,，。.、:：!！~～\s]*(.*)$", re.S)
_NAMED_SCORE = re.compile(r"(?<![0-9])([1-5一二三四五])(?:分|星|颗星)(?!钟|钱|之)")
_STARS = re.compile(r"^\s*([⭐🌟★]{1,5})\s*(.*)$", re.S)
# the longest first: 非常不满意 before 不满意 before 满意
_LEVELS = (("非常不满意", 1), ("很不满意", 1), ("特别不满意", 1), ("极不满意", 1), ("不太满意", 2), ("不满意", 2),
           ("非常满意", 5), ("很满意", 5), ("特别满意", 5), ("十分满意", 5), ("比较满意", 4), ("挺满意", 4),
           ("还算满意", 4), ("基本满意", 3), ("满意", 4), ("一般般", 3), ("一般", 3), ("还行", 3), ("还可以", 3))
# The everyday words for the same five levels (好评, 挺好的, 凑合, 差评): only as a whole
# answer or before a comment set apart, not inside a sentence (很好奇…, 不错的师傅是哪位)
_EVERYDAY = (("满分", 5), ("好评", 5), ("太棒了", 5), ("非常好", 5), ("特别好", 5), ("很棒", 5),
           ("还不错", 4), ("挺不错", 4), ("不错", 4), ("挺好", 4), ("很好", 4), ("蛮好", 4),
           ("马马虎虎", 3), ("凑合", 3), ("还好", 3),
           ("不太好", 2), ("不怎么样", 2), ("差评", 1), ("非常差", 1), ("很差", 1), ("太差", 1))
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_SHORT = 30  # a score named inside a longer message is a report's words, not an answer


def _comment(text: str) -> str:
    comment = text.strip(" ,，。.、:：!！~～\n\t")
    return "" if _PARTICLES_ONLY.match(comment) else comment  # 挺好的, 还行吧: no comment


_PARTICLES = "[的吧了啊呀哦呢哈嘛啦]"
_PARTICLES_ONLY = re.compile(rf"^{_PARTICLES}{{1,4}}$")
# after an everyday word: nothing, particles, or a comment set apart (挺好的, 好评 师傅很耐心)
_SET_APART = re.compile(rf"^{_PARTICLES}{{0,4}}(?:$|[\s,，。.、:：!！~～])")


def parse_chat_answer(text: str) -> Optional[tuple[int, str]]:
    """'5 师傅很快' → (5, '师傅很快'), '还行 4分' → (4, '还行'), '非常满意 谢谢' → (5, '谢谢');
    anything else → None."""
    # WeChat's emoji keyboard sends ⭐️ with a variation selector after each star
    text = unicodedata.normalize("NFKC", text or "").replace("\ufe0f", "").strip()
    match = _LEADING_SCORE.match(text)
    if match:
        return int(match.group(1)), _comment(match.group(2))
    if len(text) > _SHORT:
        return None
    match = _STARS.match(text)
    if match:
        return len(match.group(1)), _comment(match.group(2))
    match = _NAMED_SCORE.search(text)
    if match:
        digit = match.group(1)
        score = _NUMERALS.get(digit) or int(digit)
        before = text[: match.start()].rstrip()
        before = before[:-1] if before.endswith(("打", "给", "评")) else before  # 打五分
        return score, _comment(before + " " + text[match.end():])
    for word, score in _LEVELS:
        if text.startswith(word) and not text[len(word):].startswith("度"):  # 满意度调查 asks about one
            return score, _comment(text[len(word):])
    for word, score in _EVERYDAY:
        rest = text[len(word):]
        if text.startswith(word) and _SET_APART.match(rest):
            return score, _comment(rest)
    return None


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


# A comment sent after the score, as a message of its own (5分, then 师傅挺好的 就是来得有点晚)
COMMENT_WITHIN = timedelta(minutes=10)


def just_answered(session: so.Session, tenant_id: int) -> Optional[Survey]:
    """The tenant's survey answered within COMMENT_WITHIN with no comment yet."""
    return session.scalar(
        sa.select(Survey).where(Survey.tenant_id == tenant_id, Survey.comment.is_(None),
                                Survey.answered_at >= machine.now() - COMMENT_WITHIN)
        .order_by(Survey.answered_at.desc()).limit(1)
    )


def add_comment(session: so.Session, survey: Survey, comment: str) -> bool:
    """The comment told after the score: on the survey and the ticket's timeline; an angry one
    reopens the closed ticket as it would have with the score. Returns True when it reopened."""
    comment = (comment or "").strip()[:500]
    survey.comment = comment
    ticket = survey.ticket
    if nlp.classify(comment).emotion == "upset" and ticket.status == Status.CLOSED:
        reopen(session, ticket, None, reason=f"满意度{survey.score}分：{comment}")
        return True
    action = machine.check("note", ticket, None)
    machine.apply(session, ticket, action, None, by="租户", note=f"满意度评价补充：{comment}",
                  data={"survey": survey.id})
    return False
