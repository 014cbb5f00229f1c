"""Outbox → RQ → WeChat: published after commit, delivered once by a real worker, retried
with backoff, failing visibly; Redis down at commit time and the sweep."""
from __future__ import annotations

import logging
import socket
from datetime import timedelta

import pytest
import redis
import sqlalchemy as sa
from rq.job import Job
from rq.registry import ScheduledJobRegistry

import extensions
import workflow
from jobs.outbox import MAX_ATTEMPTS, deliver_outbox, enqueue_deliveries, job_id, retry_failed
from jobs.periodic import run_periodic
from models import Message, Status, TicketEvent, utcnow
from tests.jobs.conftest import TEMPLATE, outbox_rows, texts_to, work, work_through_retries
from workflow.machine import clock_at


def delay_ticket(desk, session):
    """An in-progress ticket whose delay notice is the only row left to deliver."""
    ticket = desk.ticket(Status.IN_PROGRESS)
    session.commit()
    return ticket


def test_rows_are_enqueued_after_commit_and_not_on_rollback(app, desk, session):
    ticket = desk.ticket(Status.NEW)
    workflow.dispatch(session, ticket, desk.desk)
    session.flush()
    assert app.queues["high"].count == 0  # nothing before the commit
    session.commit()
    rows = outbox_rows(session, ticket_id=ticket.id)
    assert [r.kind for r in rows] == ["notify_tenant", "notify_staff"]
    assert app.queues["high"].job_ids == [job_id(r.id) for r in rows]
    workflow.add_note(session, ticket, desk.desk, "草稿")
    workflow.delay(session, ticket, desk.desk, reason="等配件", new_eta=utcnow() + timedelta(days=1))
    session.rollback()
    assert app.queues["high"].count == 2


def test_a_transactions_rows_go_to_rq_in_one_redis_round_trip(app, desk, session, redis_url):
    """Every row a commit wrote is pushed in one pipeline (RQ's enqueue_many), not two
    round trips per row (Queue.enqueue sends the queue set, then the job)."""
    sent = []
    base = redis.UnixDomainSocketConnection if redis_url.startswith("unix") else redis.Connection

    class Counting(base):
        def send_packed_command(self, command, check_health=True):
            sent.append(command)
            return super().send_packed_command(command, check_health)

    counted = redis.Redis(connection_pool=redis.ConnectionPool.from_url(redis_url, connection_class=Counting))
    app.queues = extensions.make_queues(counted)
    # once per connection and per queue, not per commit: the handshake, the server's version
    app.queues["high"].get_redis_server_version()
    ticket = desk.ticket(Status.NEW)
    workflow.dispatch(session, ticket, desk.desk)
    sent.clear()
    session.commit()
    rows = outbox_rows(session, ticket_id=ticket.id)
    assert len(rows) == 2 and len(sent) == 1
    assert app.queues["high"].job_ids == [job_id(r.id) for r in rows]
    counted.close()


def test_a_delivery_job_run_twice_sends_once(app, desk, session, fake_wechat):
    ticket = delay_ticket(desk, session)
    work(app)
    fake_wechat.reset()
    workflow.delay(session, ticket, desk.engineer, reason="等配件", new_eta=utcnow() + timedelta(days=1))
    session.commit()
    (row,) = outbox_rows(session, ticket_id=ticket.id, status="pending")
    # The same row pushed again (the sweep, an operator) while the first job waits, then
    # after it ran: three runs of the same delivery.
    enqueue_deliveries(app.queues, [row.id])
    work(app)
    app.queues["high"].enqueue(deliver_outbox, row.id)
    work(app)
    assert len(texts_to(fake_wechat, desk.tenant.openid)) == 1
    (row,) = outbox_rows(session, id=row.id)
    assert (row.status, row.attempts) == ("done", 1)
    assert session.scalar(sa.select(sa.func.count(Message.id)).where(Message.direction == "out",
                                                                     Message.ticket_id == ticket.id,
                                                                     Message.content.contains("等配件"))) == 1


def test_jobs_declare_queue_timeout_and_retry():
    spec = deliver_outbox.spec
    assert spec.queue == "high" and spec.timeout == 60
    assert spec.retry.max == MAX_ATTEMPTS - 1 and spec.retry.intervals == [15, 60, 300, 900]


def test_a_failing_send_is_retried_with_backoff_then_delivered(app, desk, session, fake_wechat):
    ticket = delay_ticket(desk, session)
    work(app)
    fake_wechat.reset()
    fake_wechat.fail("custom", status=500, times=2)
    workflow.delay(session, ticket, desk.engineer, reason="等配件", new_eta=utcnow() + timedelta(days=1))
    session.commit()
    (row,) = outbox_rows(session, ticket_id=ticket.id, status="pending")
    work(app)
    (row,) = outbox_rows(session, id=row.id)
    assert (row.status, row.attempts) == ("pending", 1) and "HTTP 500" in row.last_error
    registry = ScheduledJobRegistry("high", connection=app.redis)
    wait = (registry.get_scheduled_time(job_id(row.id)) - Job.fetch(job_id(row.id), app.redis).ended_at)
    assert timedelta(seconds=14) <= wait <= timedelta(seconds=16)  # the first backoff step
    work_through_retries(app)
    (row,) = outbox_rows(session, id=row.id)
    assert (row.status, row.attempts) == ("done", 3)
    # (reset() also forgot the token the worker holds: the third attempt refreshes it first)
    assert [(r["status"], r["errcode"]) for r in fake_wechat.received("custom")] == [
        (500, -1), (500, -1), (200, 40001), (200, 0)]
    assert len(texts_to(fake_wechat, desk.tenant.openid)) == 1


def test_final_failure_leaves_a_visible_event_and_a_failed_message(app, desk, session, fake_wechat):
    ticket = delay_ticket(desk, session)
    work(app)
    fake_wechat.reset()
    fake_wechat.fail("custom", status=500, times=None)
    workflow.delay(session, ticket, desk.engineer, reason="等配件", new_eta=utcnow() + timedelta(days=1))
    session.commit()
    work_through_retries(app)
    (row,) = outbox_rows(session, ticket_id=ticket.id, status="failed")
    assert row.attempts == MAX_ATTEMPTS == len(fake_wechat.received("custom")) == 5
    event = session.scalar(sa.select(TicketEvent).where(TicketEvent.ticket_id == ticket.id,
                                                        TicketEvent.action == "notify_failed"))
    assert "微信通知租户失败（已尝试5次）" in event.note and "请电话联系租户告知" in event.note
    assert event.data["event"] == "delay"
    failed = session.scalar(sa.select(Message).where(Message.ticket_id == ticket.id, Message.delivery == "failed"))
    assert failed.openid == desk.tenant.openid and "等配件" in failed.content
    assert failed.data["outbox_id"] == row.id

    # WeChat is back; staff press "send again" in the console.
    fake_wechat.reset()
    assert retry_failed(session, row.id) is True
    session.commit()
    work(app)
    (row,) = outbox_rows(session, id=row.id)
    assert (row.status, row.attempts) == ("done", 1)
    assert len(texts_to(fake_wechat, desk.tenant.openid)) == 1
    assert retry_failed(session, row.id) is False  # only failed rows


def test_an_unsubscribed_tenant_fails_at_once_without_retries(app, desk, session, fake_wechat):
    ticket = delay_ticket(desk, session)
    work(app)
    fake_wechat.reset()
    fake_wechat.fail("custom", errcode=43004, times=None)
    workflow.delay(session, ticket, desk.engineer, reason="等配件", new_eta=utcnow() + timedelta(days=1))
    session.commit()
    work(app)
    (row,) = outbox_rows(session, ticket_id=ticket.id, status="failed")
    assert row.attempts == 1 and "require subscribe" in row.last_error
    assert ScheduledJobRegistry("high", connection=app.redis).count == 0
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(
        TicketEvent.ticket_id == ticket.id, TicketEvent.action == "notify_failed")) == 1


# --------------------------------------------------------------------------- Redis down
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_redis_down_at_commit_keeps_the_ticket_and_the_sweep_delivers_once(app, desk, session, fake_wechat,
                                                                            caplog):
    healthy = app.queues
    app.queues = extensions.make_queues(extensions.connect_redis(f"redis://127.0.0.1:{closed_port()}/0"))
    try:
        with caplog.at_level(logging.WARNING, logger="jobs.publisher"):
            ticket = desk.ticket(Status.NEW)
            workflow.dispatch(session, ticket, desk.desk)
            session.commit()  # does not raise
    finally:
        app.queues = healthy
    assert "Redis unavailable" in caplog.text
    session.expire_all()
    assert ticket.status == Status.DISPATCHED and ticket.number
    rows = outbox_rows(session, ticket_id=ticket.id)
    assert [r.status for r in rows] == ["pending", "pending"] and healthy["high"].count == 0

    with clock_at(utcnow() + timedelta(seconds=5)):  # too fresh: still the publisher's
        app.queues["high"].enqueue(run_periodic, "sweep_outbox")
        work(app)
    assert fake_wechat.sent("custom") == []
    with clock_at(utcnow() + timedelta(minutes=2)):  # Redis is back; the periodic sweep runs
        app.queues["high"].enqueue(run_periodic, "sweep_outbox")
        work(app)
        app.queues["high"].enqueue(run_periodic, "sweep_outbox")
        work(app)
    assert [r.status for r in outbox_rows(session, ticket_id=ticket.id)] == ["done", "done"]
    (text,) = texts_to(fake_wechat, desk.tenant.openid)
    assert text.startswith(f"您的工单 {ticket.number} 已派至工程部")
    assert len(fake_wechat.sent("template")) == 1  # the engineer's dispatch notice


def test_the_sweep_leaves_rows_rq_still_holds(app, desk, session, fake_wechat):
    ticket = desk.ticket(Status.NEW)
    workflow.dispatch(session, ticket, desk.desk)
    session.commit()
    with clock_at(utcnow() + timedelta(minutes=5)):
        from jobs.outbox import sweep
        from jobs.runtime import job_context

        with job_context() as ctx:
            assert sweep(ctx)["pushed"] == 0  # both rows are queued in RQ already
    assert app.queues["high"].count == 2


@pytest.mark.parametrize("kind", ["no_such_kind"])
def test_an_unknown_kind_fails_visibly(app, desk, session, kind):
    from models import Outbox

    ticket = desk.ticket(Status.NEW)
    session.add(Outbox(kind=kind, ticket=ticket, payload={}))
    session.commit()
    work(app)
    (row,) = outbox_rows(session, kind=kind)
    assert row.status == "failed" and "unknown outbox kind" in row.last_error
    assert session.scalar(sa.select(TicketEvent.note).where(TicketEvent.ticket_id == ticket.id,
                                                            TicketEvent.action == "notify_failed"))


def test_template_configured_is_used_outside_the_window(app, desk, session, fake_wechat):
    desk.last_written.created_at = utcnow() - timedelta(hours=49)  # the tenant last wrote 49 hours ago
    ticket = delay_ticket(desk, session)
    work(app)
    (template,) = [r for r in fake_wechat.sent("template") if r["json"]["touser"] == desk.tenant.openid][:1]
    assert template["json"]["template_id"] == TEMPLATE
    assert template["json"]["data"]["keyword1"]["value"] == ticket.number
    assert template["json"]["data"]["remark"]["value"].startswith(f"您的工单 {ticket.number} 已派至")
    assert texts_to(fake_wechat, desk.tenant.openid) == []  # no custom attempt outside the window
