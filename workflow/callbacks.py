"""The call list (回访, seed §二注意(8), §三, §七(5)(6)): what staff still have to phone
about. A tenant outside WeChat is never asked by the chat survey whether they are
satisfied, and never receives a delay notice or a 'not our business' explanation; a
complaint letter gets a return visit after handling. Each becomes a FollowUp the desk
works from /admin/callbacks, next to the urgent and after-rain visits. A score given on
the phone is the same 1–5 answer as the chat survey's (a Survey row, answer_channel
"phone"), so the statistics count both."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Channel, FollowUp, Staff, Survey, Ticket
from workflow import machine
from workflow.errors import ValidationError

# kind → what staff read; the kinds this module arms (urgent_24h and after_rain are armed
# at completion, workflow.handling).
CALL_KINDS = {
    "satisfaction": "满意度回访（非微信租户）",
    "letter_visit": "信函处理后回访",
    "explain_delay": "电话告知延期原因",
    "explain_not_ours": "电话解释非物业事务",
}
SATISFACTION_CALL_HOURS = 24  # the chat survey's window, for the phone
LETTER_VISIT_HOURS = 24
CALL_SURVEY_MINUTES = 10  # the phone answer is recorded at once; the window only satisfies the survey's checks


def reaches_wechat(ticket: Ticket) -> bool:
    """Whether notices and the chat survey can reach the ticket's tenant."""
    return ticket.tenant is not None and bool(ticket.tenant.openid)


def arm(session: so.Session, ticket: Ticket, kind: str, due_at: Optional[datetime]) -> None:
    """One call of each kind per ticket; arming again (a second delay, a reopened ticket
    closed again) makes it due again (the earlier result is on the timeline)."""
    call = None
    if ticket.id is not None:
        call = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id, FollowUp.kind == kind))
    if call is None:
        session.add(FollowUp(site_id=ticket.site_id, ticket=ticket, tenant_id=ticket.tenant_id, kind=kind,
                             due_at=due_at))
        return
    call.due_at, call.done_at, call.done_by_id, call.method, call.result, call.alerted_at = (
        due_at, None, None, None, None, None)


def after_close(session: so.Session, ticket: Ticket, now: datetime) -> None:
    """Closed as resolved: ask a tenant outside WeChat by phone (§二注意(8)); visit the
    writer of a letter once it is handled (§三)."""
    if not reaches_wechat(ticket):
        arm(session, ticket, "satisfaction", now + timedelta(hours=SATISFACTION_CALL_HOURS))
    if ticket.channel == Channel.LETTER:
        arm(session, ticket, "letter_visit", now + timedelta(hours=LETTER_VISIT_HOURS))


def after_notice(session: so.Session, ticket: Ticket, kind: str, now: datetime) -> None:
    """A delay or a 'not our business' explanation the tenant cannot get on WeChat: to be
    phoned now."""
    if not reaches_wechat(ticket):
        arm(session, ticket, kind, now)


def needs_score(call: FollowUp) -> bool:
    return call.kind == "satisfaction"


def record_call(session: so.Session, call: FollowUp, actor: Staff, *, method: str, result: str,
                score: Optional[str]) -> FollowUp:
    """The call's result on the call and the ticket's timeline; a score (required on a
    satisfaction call) is the ticket's survey answer, channel "phone"."""
    from workflow.followups import record_visit
    from workflow.surveys import answer_survey

    value = _score(score, required=needs_score(call))
    record_visit(session, call, actor, method=method, result=result)
    if value is None or call.ticket is None:
        return call
    ticket = call.ticket
    now = machine.now()
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    if survey is None:
        survey = Survey(ticket=ticket, tenant_id=ticket.tenant_id, expires_at=now)
        session.add(survey)
    elif survey.answered_at is not None:
        raise ValidationError(f"租户已评价过（{survey.score}分），不能重复评分", field="score")
    # The chat survey's window does not apply to a call: the tenant answers now.
    survey.sent_at = survey.sent_at or now
    survey.expires_at, survey.expired_at = now + timedelta(minutes=CALL_SURVEY_MINUTES), None
    session.flush()
    answer_survey(session, survey, score=value, comment=result, channel="phone")
    return call


def _score(raw: Optional[str], *, required: bool) -> Optional[int]:
    raw = (raw or "").strip()
    if not raw:
        if required:
            raise ValidationError("请选择租户的满意度评分（1-5分）", field="score")
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= 5:
        raise ValidationError("满意度评分须为1-5分", field="score")
    return int(raw)
