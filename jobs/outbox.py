"""Delivering outbox rows, exactly once as far as this side can tell.

A delivery job takes an outbox id. It first *claims* the row with a compare-and-set in the
database (pending → sending, attempts + 1, a lease until ``available_at``) and commits; a
second job for the same row — a duplicate enqueue, a retry after success — finds nothing
to claim and sends nothing. The handler's records (the Message row, survey sent_at …) and
the row's final status are committed together. A failed attempt puts the row back to
pending and raises, so RQ retries it with backoff; the last attempt, or an error that no
retry can fix, marks the row failed and leaves a visible event on the ticket.

``sweep_outbox`` (periodic) pushes rows RQ does not know about (Redis was down at commit,
the web process died before enqueueing) and rows whose lease ran out (the worker died
mid-job). If a worker dies after WeChat accepted a message but before the commit, the
retry sends it again: at-least-once is the guarantee there, never a silent drop."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so
from rq import Retry
from rq.job import Job, JobStatus

from jobs import media, notices, notify, staff_notify, unit_qrcodes
from jobs.outbound import Undeliverable, record
from jobs.runtime import JobContext, attempts_left, declare, enqueue_many, job_context
from jobs.wechat_client import WeChatAPIError
from models import Outbox
from workflow import machine, system_events
from workflow.notices import SEND_NOTICE
from workflow.unit_codes import QR_JOB

DELIVERY_TIMEOUT = 60  # a few WeChat calls of 5 s each, and the token lock
DELIVERY_RETRY = Retry(max=4, interval=[15, 60, 300, 900])
MAX_ATTEMPTS = 1 + DELIVERY_RETRY.max
LEASE = timedelta(seconds=DELIVERY_TIMEOUT + 30)  # longer than RQ lets a job live
GRACE = timedelta(seconds=30)  # a freshly committed row is the publisher's to push
SWEEP_BATCH = 500
ALIVE = {JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.DEFERRED, JobStatus.STARTED}


@dataclass(frozen=True)
class Handler:
    run: Callable[[JobContext, Outbox], notify.Outcome]
    label: str  # what it does, for the failure note
    advice: str = ""  # what staff should do instead
    fail_action: str = "notify_failed"
    on_failure: Optional[Callable[[JobContext, Outbox, str], None]] = None


HANDLERS: dict[str, Handler] = {
    "notify_tenant": Handler(notify.notify_tenant, "微信通知租户", "请电话联系租户告知"),
    "reply_tenant": Handler(notify.reply_tenant, "微信回复租户", "请电话联系租户"),
    "send_survey": Handler(notify.send_survey, "发送满意度调查", "请电话回访租户满意度"),
    "notify_staff": Handler(staff_notify.notify_staff, "通知工作人员", "请电话告知相关人员"),
    "send_questionnaire": Handler(notify.send_questionnaire, "发送问卷", on_failure=notify.questionnaire_failed),
    "download_media": Handler(media.download_media, "下载租户发来的图片", "请联系租户重新发送",
                              fail_action="media_failed"),
    QR_JOB: Handler(unit_qrcodes.make_unit_qrcodes, "生成单元微信二维码"),
    SEND_NOTICE: Handler(notices.send_notice, "发送通知", on_failure=notices.notice_failed),
}


def job_id(outbox_id: int) -> str:
    return f"outbox-{outbox_id}"


def enqueue_deliveries(queues: dict, outbox_ids: Sequence[int]) -> list[Job]:
    """One delivery job per row, all in one Redis round trip."""
    if not outbox_ids:
        return []
    return enqueue_many(deliver_outbox, [{"args": (oid,), "job_id": job_id(oid), "description": f"deliver outbox {oid}"}
                                         for oid in outbox_ids], queues=queues)


# --------------------------------------------------------------------------- delivery
@declare("high", timeout=DELIVERY_TIMEOUT, retry=DELIVERY_RETRY)
def deliver_outbox(outbox_id: int) -> dict[str, Any]:
    with job_context("jobs.outbox") as ctx:
        return deliver(ctx, outbox_id)


def claim(session: so.Session, outbox_id: int) -> Optional[Outbox]:
    """pending → sending, or take over a sending row whose lease ran out. None when the row
    is done, failed, missing, or another job holds it."""
    now = machine.now()
    claimable = sa.or_(Outbox.status.in_(("pending", "queued")),
                       sa.and_(Outbox.status == "sending", Outbox.available_at <= now))
    result = session.execute(
        sa.update(Outbox).where(Outbox.id == outbox_id, claimable)
        .values(status="sending", attempts=Outbox.attempts + 1, available_at=now + LEASE)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        session.rollback()
        return None
    session.commit()
    return session.get(Outbox, outbox_id)


def _settle(session: so.Session, outbox_id: int, attempt: int, **values: Any) -> bool:
    """Write the attempt's outcome, only if the row is still this attempt's."""
    result = session.execute(
        sa.update(Outbox).where(Outbox.id == outbox_id, Outbox.status == "sending", Outbox.attempts == attempt)
        .values(**values).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def deliver(ctx: JobContext, outbox_id: int) -> dict[str, Any]:
    row = claim(ctx.session, outbox_id)
    if row is None:
        ctx.log.info("outbox %s: done, failed or held by another job; nothing to send", outbox_id)
        return {"outbox_id": outbox_id, "status": "not claimed"}
    attempt, kind = row.attempts, row.kind
    ctx.log.info("outbox %s: %s for ticket %s, attempt %s", outbox_id, kind, row.ticket_id, attempt)
    handler = HANDLERS.get(kind)
    try:
        if handler is None:
            raise Undeliverable(f"unknown outbox kind {kind!r}")
        outcome = handler.run(ctx, row)
    except Exception as exc:
        ctx.session.rollback()
        permanent = isinstance(exc, Undeliverable) or (isinstance(exc, WeChatAPIError) and not exc.retryable)
        if permanent or attempt >= MAX_ATTEMPTS or attempts_left() == 0:
            ctx.log.error("outbox %s: %s failed for good after %s attempt(s): %s", outbox_id, kind, attempt, exc)
            fail(ctx, outbox_id, attempt, handler, exc)
            return {"outbox_id": outbox_id, "status": "failed", "error": str(exc)}
        ctx.log.warning("outbox %s: attempt %s failed, will retry: %s", outbox_id, attempt, exc)
        wait = DELIVERY_RETRY.intervals[min(attempt - 1, len(DELIVERY_RETRY.intervals) - 1)]
        if _settle(ctx.session, outbox_id, attempt, status="pending", last_error=_error_text(exc),
                   available_at=machine.now() + timedelta(seconds=wait)):
            ctx.session.commit()
        raise
    status = "done" if outcome.status == "done" else "skipped"
    if not _settle(ctx.session, outbox_id, attempt, status=status, done_at=machine.now(),
                   last_error=None if status == "done" else outcome.note):
        ctx.log.warning("outbox %s: lease lost to another attempt while sending", outbox_id)
    ctx.session.commit()
    ctx.log.info("outbox %s: %s (%s)", outbox_id, status, outcome.note)
    return {"outbox_id": outbox_id, "status": status, "note": outcome.note}


def _error_text(exc: BaseException) -> str:
    """What staff read on the timeline (no URL, token or secret is ever in it)."""
    if isinstance(exc, WeChatAPIError):
        text = f"微信返回 {exc.errcode}：{exc.errmsg}" if exc.errcode is not None else f"微信接口：{exc.errmsg}"
    else:
        text = str(exc) or type(exc).__name__
    return text[:500]


def fail(ctx: JobContext, outbox_id: int, attempt: int, handler: Optional[Handler], exc: BaseException) -> None:
    """The row fails for good, visibly: on the ticket's timeline (and, for a message to one
    person, as a failed Message)."""
    reason = _error_text(exc)
    if not _settle(ctx.session, outbox_id, attempt, status="failed", done_at=machine.now(), last_error=reason):
        ctx.session.rollback()
        return
    row = ctx.session.get(Outbox, outbox_id)
    attempted = getattr(exc, "attempted", None)
    if attempted:
        record(ctx.session, row, error=reason, **attempted)
    if handler is not None and handler.on_failure is not None:
        handler.on_failure(ctx, row, reason)
    if row.ticket is not None:
        label = handler.label if handler else row.kind
        note = f"{label}失败（已尝试{attempt}次）：{reason}。{handler.advice if handler else ''}".rstrip("。") + "。"
        system_events.record(ctx.session, row.ticket, handler.fail_action if handler else "notify_failed", note,
                     kind=row.kind, outbox_id=row.id, event=(row.payload or {}).get("event"))
    ctx.session.commit()


# --------------------------------------------------------------------------- the sweep
@declare("high", timeout=300)
def sweep_outbox() -> dict[str, int]:
    with job_context("jobs.outbox") as ctx:
        return sweep(ctx)


def _rq_alive(connection, outbox_ids: Sequence[int], *, started_counts: bool) -> set[int]:
    jobs = Job.fetch_many([job_id(i) for i in outbox_ids], connection=connection)
    alive = set()
    for oid, job in zip(outbox_ids, jobs, strict=True):
        if job is None:
            continue
        status = job.get_status(refresh=False)
        if status in ALIVE and (started_counts or status != JobStatus.STARTED):
            alive.add(oid)
    return alive


def sweep(ctx: JobContext) -> dict[str, int]:
    """Push what RQ lost; give up visibly on rows whose attempts ran out."""
    now = machine.now()
    session = ctx.session
    expired = session.execute(sa.select(Outbox.id, Outbox.attempts).where(
        Outbox.status == "sending", Outbox.available_at <= now).order_by(Outbox.id).limit(SWEEP_BATCH)).all()
    reclaimed, failed = [], 0
    for oid, attempts in expired:
        if attempts >= MAX_ATTEMPTS:
            fail(ctx, oid, attempts, HANDLERS.get(session.get(Outbox, oid).kind),
                 RuntimeError("发送过程中多次中断（工作进程退出）"))
            failed += 1
        elif _settle(session, oid, attempts, status="pending", available_at=now,
                     last_error="上次发送中断（工作进程退出），重新发送"):
            session.commit()
            reclaimed.append(oid)
    # A lease that ran out means its job is dead even if RQ still lists it as started.
    to_push = [oid for oid in reclaimed if oid not in _rq_alive(ctx.app.redis, reclaimed, started_counts=False)]
    waiting = session.scalars(sa.select(Outbox.id).where(
        Outbox.status.in_(("pending", "queued")), Outbox.available_at <= now - GRACE,
        Outbox.id.not_in(reclaimed or [0])).order_by(Outbox.id).limit(SWEEP_BATCH)).all()
    if waiting:
        alive = _rq_alive(ctx.app.redis, waiting, started_counts=True)
        to_push += [oid for oid in waiting if oid not in alive]
    if to_push:
        enqueue_deliveries(ctx.app.queues, to_push)
        session.execute(sa.update(Outbox).where(Outbox.id.in_(to_push)).values(queued_at=now)
                        .execution_options(synchronize_session=False))
        session.commit()
        ctx.log.info("sweep: pushed outbox rows %s", to_push)
    return {"pushed": len(to_push), "reclaimed": len(reclaimed), "failed": failed}


def retry_failed(session: so.Session, outbox_id: int) -> bool:
    """For the console: send a failed row again (with a fresh set of attempts), after the
    caller commits. False when the row is not failed."""
    from jobs.publisher import publish_after_commit

    result = session.execute(
        sa.update(Outbox).where(Outbox.id == outbox_id, Outbox.status.in_(("failed", "skipped")))
        .values(status="pending", attempts=0, last_error=None, done_at=None, available_at=machine.now())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    publish_after_commit(session, [outbox_id])
    return True
