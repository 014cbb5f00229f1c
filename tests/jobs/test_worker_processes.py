"""Real `rq worker` processes (the Procfile's worker class): two workers sharing one token
refresh, and a worker killed in the middle of a send."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from rq import Worker
from rq.job import Job
from rq.registry import ScheduledJobRegistry, StartedJobRegistry

import workflow
from jobs.outbox import LEASE, job_id
from jobs.periodic import run_periodic
from jobs.wechat_client import make_client
from models import Message, Status, utcnow
from tests.conftest import wrote
from tests.fake_wechat_fixture import TEST_APPID, TEST_SECRET
from tests.jobs.conftest import outbox_rows, stop_all, texts_to, wait_for, work
from workflow.machine import clock_at


def workers_ready(app, n: int) -> bool:
    return len(Worker.all(connection=app.redis)) >= n


def test_40001_refreshes_the_token_once_across_two_workers(app, desk, session, make, fake_wechat, start_worker):
    first = desk.ticket(Status.IN_PROGRESS)
    desk.tenant = make_tenant(session, desk, "o-tenant-2")
    second = desk.ticket(Status.IN_PROGRESS)
    session.commit()
    work(app)  # the dispatch notices; the token the workers will share is now in Redis
    token = make_client(TEST_APPID, TEST_SECRET, app.redis, api_base=fake_wechat.api_base).access_token
    fake_wechat.reset()  # the stored token is now unknown to WeChat: 40001 for everyone
    # Both sends are held long enough that each worker has read the stale token first.
    fake_wechat.fail("custom", hang=1.2, times=2)

    workers = [start_worker(), start_worker()]
    wait_for(lambda: workers_ready(app, 2), what="two workers")
    eta = utcnow() + timedelta(days=1)
    workflow.delay(session, first, desk.engineer, reason="等配件", new_eta=eta)
    workflow.delay(session, second, desk.engineer, reason="等配件", new_eta=eta)
    session.commit()
    rows = outbox_rows(session, status="pending")
    assert len(rows) == 2
    ids = {r.id for r in rows}
    wait_for(lambda: {r.id for r in outbox_rows(session, status="done")} >= ids, what="both notices delivered")
    stop_all(workers)

    runners = {Job.fetch(job_id(r.id), connection=app.redis).worker_name for r in rows}
    assert len(runners) == 2  # one job each
    custom = fake_wechat.received("custom")
    assert sorted(r["errcode"] for r in custom) == [0, 0, 40001, 40001]
    assert {r["token"] for r in custom if r["errcode"] == 40001} == {token}
    assert fake_wechat.token_fetches == 1  # one refresh, shared by both workers
    assert {r["token"] for r in custom if r["errcode"] == 0} == {fake_wechat.current_token}
    assert len(texts_to(fake_wechat, "o-tenant-1")) == len(texts_to(fake_wechat, "o-tenant-2")) == 1


def make_tenant(session, desk, openid):
    from models import Tenant

    tenant = Tenant(site_id=desk.site.id, openid=openid, name="刘芳")
    session.add(tenant)
    session.flush()
    wrote(session, tenant, utcnow())  # inside the 48 h window
    return tenant


def test_a_worker_killed_mid_send_is_retried_and_delivers_exactly_once(app, desk, session, fake_wechat,
                                                                       start_worker):
    ticket = desk.ticket(Status.IN_PROGRESS)
    session.commit()
    work(app)
    fake_wechat.reset()
    fake_wechat.fail("custom", hang=30, times=1)  # the send hangs until we kill the worker

    worker = start_worker()
    wait_for(lambda: workers_ready(app, 1), what="the worker")
    # At start-up the worker puts the periodic jobs on RQ's schedule (just after it registers,
    # and a slot that falls due is briefly off the schedule while it runs and re-schedules).
    wait_for(lambda: any(i.startswith("periodic-sweep_outbox-")
                         for i in ScheduledJobRegistry("high", connection=app.redis).get_job_ids()),
             what="the periodic jobs to be scheduled")
    workflow.delay(session, ticket, desk.engineer, reason="等配件", new_eta=utcnow() + timedelta(days=1))
    session.commit()
    (row,) = outbox_rows(session, status="pending")
    wait_for(lambda: outbox_rows(session, id=row.id)[0].status == "sending", what="the send to start")
    wait_for(lambda: not fake_wechat._rules, what="the send to reach WeChat")  # the hang rule is taken
    worker.kill()
    # The connection died with the worker: WeChat never completed that request.
    fake_wechat.reset()
    (row,) = outbox_rows(session, id=row.id)
    assert (row.status, row.attempts) == ("sending", 1)
    assert Job.fetch(job_id(row.id), connection=app.redis).get_status() == "started"  # abandoned

    # Once the lease has run out, the periodic sweep hands the row to a live worker.
    with clock_at(utcnow() + LEASE + timedelta(seconds=1)):
        app.queues["high"].enqueue(run_periodic, "sweep_outbox")
        work(app)
    (row,) = outbox_rows(session, id=row.id)
    assert (row.status, row.attempts) == ("done", 2)
    # RQ's own clean-up of the abandoned job, later, must not send it a second time.
    StartedJobRegistry("high", connection=app.redis).cleanup(timestamp=utcnow().timestamp() + 3600)
    work(app)
    (text,) = texts_to(fake_wechat, desk.tenant.openid)
    assert text.startswith(f"非常抱歉，您的工单 {ticket.number} 因等配件")
    assert session.scalar(sa.select(sa.func.count(Message.id)).where(Message.ticket_id == ticket.id,
                                                                     Message.content == text)) == 1
