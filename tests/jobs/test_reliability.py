"""Faults with nothing lost, end to end through the webhook: two web processes and two
workers racing on one database, and Redis stopping while tenants write."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import requests
import sqlalchemy as sa

import extensions
import workflow
from fakewechat.signing import build_text, decode_reply, sign_request
from jobs.periodic import run_periodic
from models import FollowUp, Outbox, Role, Site, Status, Survey, Ticket, Unit, utcnow
from tests.jobs.conftest import outbox_rows, texts_to, wait_for, work
from workflow.machine import clock_at

ROOT = Path(__file__).resolve().parents[2]
REPORT = "我是王建国，电话13800001234，L2-015卫生间水管爆了，水漫出来了，快来人"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def web_process(env: dict) -> tuple[subprocess.Popen, str]:
    """One gunicorn process, as the Procfile's web line starts it."""
    port = free_port()
    proc = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-w", "1", "-b", f"127.0.0.1:{port}",
                             "--log-level", "warning", "app:create_app()"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"

    def up():
        try:
            return requests.get(f"{url}/healthz", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    wait_for(up, timeout=60, what="gunicorn")
    return proc, url


def seed_site(session):
    site = Site(slug="lehui", name="乐汇城物业服务中心", ticket_prefix="LH", phone="0571-88886666", settings={})
    session.add(site)
    session.flush()
    session.add(Unit(site_id=site.id, code="L2-015"))
    session.commit()
    return site


def test_two_web_processes_and_two_workers_never_duplicate(app, session, make, fake_wechat, worker_env, start_worker):
    site = seed_site(session)
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    engineer = make.staff(Role.ENGINEER, "工程部", sites=[site])
    make.staff(Role.SUPERVISOR, "客服部", sites=[site])
    session.commit()
    webs = [web_process(worker_env) for _ in range(2)]
    for _ in range(2):  # stopped by the fixture
        start_worker()
    try:
        xml = build_text("o-storm", "gh", REPORT, 88_000_000_001)
        replies, barrier = [], threading.Barrier(4)

        def deliver(base):  # the original and three retries, spread over both processes at once
            args, body = sign_request(xml, "testtoken")
            barrier.wait()
            resp = requests.post(f"{base}/wechat/lehui", params=args, data=body, timeout=15)
            replies.append((resp.status_code, decode_reply(resp.content, "testtoken").get("Content")))

        threads = [threading.Thread(target=deliver, args=(webs[i % 2][1],)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [code for code, _ in replies] == [200] * 4 and len({text for _, text in replies}) == 1
        session.expire_all()
        (ticket,) = session.scalars(sa.select(Ticket)).all()
        assert ticket.urgent and ticket.status == Status.DISPATCHED and ticket.number in replies[0][1]

        # the rest of its life, while both workers race for every notice
        workflow.start(session, ticket, engineer)
        workflow.complete(session, ticket, engineer, amount=0, work_done="更换接头", site_cleaned=True)
        workflow.close(session, ticket, desk, result="已修好")
        session.commit()
        for row in outbox_rows(session):  # and each delivery job is queued twice more, as a retry storm would
            for _ in range(2):
                app.queues["high"].enqueue("jobs.outbox.deliver_outbox", row.id)
        wait_for(lambda: all(r.status in ("done", "skipped") for r in outbox_rows(session)), timeout=60,
                 what="every notice delivered")
        time.sleep(1)  # any duplicate would land now
        to_tenant = texts_to(fake_wechat, "o-storm")
        assert len(to_tenant) == 4, to_tenant  # dispatched, completed, closed, the survey
        assert len(set(to_tenant)) == 4
        assert session.scalar(sa.select(sa.func.count(Survey.id))) == 1
        assert session.scalar(sa.select(sa.func.count(FollowUp.id))) == 1
    finally:
        for proc, _ in webs:
            proc.terminate()
            proc.wait(timeout=10)


def test_redis_stopping_while_tenants_write_loses_nothing_and_sends_once(app, client, session, fake_wechat):
    seed_site(session)
    healthy_redis, healthy_queues = app.redis, app.queues
    down = extensions.connect_redis(f"redis://127.0.0.1:{free_port()}/0")
    app.redis, app.queues = down, extensions.make_queues(down)
    try:
        numbers = []
        for i in range(3):
            args, body = sign_request(build_text(f"o-outage-{i}", "gh", REPORT, 99_000_000_000 + i), "testtoken")
            resp = client.post("/wechat/lehui", query_string=args, data=body)
            assert resp.status_code == 200
            numbers.append(decode_reply(resp.get_data(), "testtoken")["Content"])
    finally:
        app.redis, app.queues = healthy_redis, healthy_queues
    session.expire_all()
    tickets = session.scalars(sa.select(Ticket).order_by(Ticket.id)).all()
    assert len(tickets) == 3 and all(t.number in n for t, n in zip(tickets, numbers, strict=True))
    assert {r.status for r in outbox_rows(session)} == {"pending"}
    with clock_at(utcnow() + timedelta(minutes=2)):  # Redis is back: the periodic sweep runs (twice)
        for _ in range(2):
            app.queues["high"].enqueue(run_periodic, "sweep_outbox")
            work(app)
    assert {r.status for r in outbox_rows(session)} <= {"done", "skipped"}
    for i in range(3):
        assert len(texts_to(fake_wechat, f"o-outage-{i}")) == 1
    assert session.scalar(sa.select(sa.func.count(Outbox.id))) == len(outbox_rows(session))
