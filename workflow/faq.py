"""问答: the centre's answers to everyday questions (opening hours, 装修 procedure, how to pay,
lost property), kept by staff per site, and the bot's use of them (seed §四(2): understand
the question, then solve it). A question with no confident answer goes to a person as
today, with 「对不起，我来问一下。」 and an SVC-INFO ticket; every question is recorded, so the
console can show what tenants asked that nobody has answered yet."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import AskedQuestion, FaqEntry, Site, Staff, Tenant, Ticket
from models.reference_cache import SiteValues
from nlp.faq import THRESHOLD, best_match, features, similarity
from workflow import machine
from workflow.errors import ValidationError

if TYPE_CHECKING:
    from nlp import Classification

MAX_ANSWER = 600  # a passive reply stays well under WeChat's 2,048 bytes
MAX_PHRASINGS = 20
# A report of a fault worded as a question ("空调不制冷怎么办") is answered only by a near
# exact match, so a question in the same message never swallows the report.
REPORT_THRESHOLD = 0.8
ASKING = re.compile(r"[?？]|吗|嘛|呢|怎么|怎样|如何|几点|几时|哪里|哪儿|在哪|什么|是否|能不能|能否|可不可以|可以不|有没有|多少|多久|是不是")
UNANSWERED_DAYS = 90


@dataclass
class Asked:
    """What the 问答 made of a message: the answer to send, or nothing; `row` is the record
    of the question (kept for a question, not for a report the 问答 could not answer)."""
    answer: Optional[str] = None
    row: Optional[AskedQuestion] = None


def _entries(session: so.Session, site_id: int) -> list[FaqEntry]:
    return session.scalars(sa.select(FaqEntry).where(FaqEntry.site_id == site_id, FaqEntry.active.is_(True))
                           .order_by(FaqEntry.id)).all()


def _phrasings(entry: FaqEntry) -> list[str]:
    return [entry.question, *(entry.phrasings or [])]


def ask(session: so.Session, site: Site | SiteValues, tenant: Optional[Tenant], text: str, result: Classification) -> Asked:
    """The 问答's answer to `text` from the tenant, if it has a confident one. Urgent and upset
    messages, praise and suggestions are never answered from it."""
    if result.urgent or result.emotion == "upset":
        return Asked()
    if result.intent in ("inquiry", "other"):
        covering, threshold = True, THRESHOLD
    elif result.intent in ("repair", "complaint") and ASKING.search(text):
        covering, threshold = False, REPORT_THRESHOLD
    else:
        return Asked()
    entries = _entries(session, site.id)
    match = best_match(text, [(e.id, _phrasings(e)) for e in entries], covering=covering, threshold=threshold)
    if match.entry_id is None and result.intent != "inquiry":
        return Asked()  # not a question for a person either: the dialog goes on as before
    row = AskedQuestion(site_id=site.id, tenant_id=tenant.id if tenant else None, text=text[:500],
                        entry_id=match.entry_id, score=match.score, created_at=machine.now())
    session.add(row)
    answer = next((e.answer for e in entries if e.id == match.entry_id), None)
    return Asked(answer, row)


def handed_over(asked: Asked, ticket: Ticket) -> None:
    """The unanswered question went to a person as `ticket`."""
    if asked.row is not None and asked.row.entry_id is None:
        asked.row.ticket = ticket


def save_entry(session: so.Session, site: Site, entry: Optional[FaqEntry], actor: Staff, *, question: str,
               phrasings: str, answer: str, active: bool) -> FaqEntry:
    """Add an entry (entry None) or change it. `phrasings`: one way of asking per line."""
    question = (question or "").strip()
    if not question or len(question) > 100:
        raise ValidationError("请填写问题（不超过100字）", field="question")
    lines = list(dict.fromkeys(line.strip()[:100] for line in (phrasings or "").splitlines() if line.strip()))
    if len(lines) > MAX_PHRASINGS:
        raise ValidationError(f"问法不能超过{MAX_PHRASINGS}条", field="phrasings")
    if any(features(line).empty for line in [question, *lines]):
        raise ValidationError("问题和问法须含有文字", field="phrasings")
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError("请填写答复", field="answer")
    if len(answer) > MAX_ANSWER:
        raise ValidationError(f"答复不能超过{MAX_ANSWER}字", field="answer")
    if entry is None:
        entry = FaqEntry(site_id=site.id, created_by_id=actor.id)
        session.add(entry)
    entry.question, entry.phrasings, entry.answer, entry.active = question, lines, answer, active
    session.flush()
    return entry


def hits(session: so.Session, site_id: int) -> dict[int, int]:
    """How often each entry answered a tenant."""
    return dict(session.execute(sa.select(AskedQuestion.entry_id, sa.func.count()).where(
        AskedQuestion.site_id == site_id, AskedQuestion.entry_id.is_not(None)).group_by(AskedQuestion.entry_id)).all())


@dataclass
class Unanswered:
    text: str  # the most recent wording
    count: int = 0
    last_at: Optional[datetime] = None
    ticket_ids: list[int] = field(default_factory=list)
    answered_now: bool = False  # an entry added since answers it


def unanswered(session: so.Session, site: Site, *, days: int = UNANSWERED_DAYS, limit: int = 20,
               now: Optional[datetime] = None) -> list[Unanswered]:
    """The questions handed to a person most often lately, alike ones counted together
    (the 问答's own likeness): what to add next; those an entry now answers come last."""
    since = (now or machine.now()) - timedelta(days=days)
    rows = session.execute(sa.select(AskedQuestion.text, AskedQuestion.created_at, AskedQuestion.ticket_id).where(
        AskedQuestion.site_id == site.id, AskedQuestion.entry_id.is_(None), AskedQuestion.created_at >= since)
        .order_by(AskedQuestion.created_at.desc()).limit(2000)).all()
    groups: list[Unanswered] = []
    for text, at, ticket_id in rows:
        asked = features(text)
        group = next((g for g in groups if similarity(asked, features(g.text)) >= THRESHOLD), None)
        if group is None:
            group = Unanswered(text, last_at=at)
            groups.append(group)
        group.count += 1
        if ticket_id is not None and len(group.ticket_ids) < 5:
            group.ticket_ids.append(ticket_id)
    entries = [(e.id, _phrasings(e)) for e in _entries(session, site.id)]
    for group in groups:
        group.answered_now = best_match(group.text, entries, covering=True).entry_id is not None
    groups.sort(key=lambda g: (g.answered_now, -g.count, -(g.last_at.timestamp() if g.last_at else 0)))
    return groups[:limit]
