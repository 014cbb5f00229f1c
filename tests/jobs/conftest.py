"""Fixtures for the worker side: the app configured to send to the fake WeChat server, a
desk with people who have WeChat openids, and helpers that run real RQ workers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import sqlalchemy as sa
from rq import SimpleWorker
from rq.registry import ScheduledJobRegistry

from extensions import QUEUES
from models import Outbox, db, utcnow
from tests.conftest import wrote
from tests.fake_wechat_fixture import TEST_APPID, TEST_SECRET
from tests.workflow.conftest import Desk

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = "tpl-notice-0001"
PUBLIC = "http://survey.test"


def job_config(database_url: str, redis_url: str, api_base: str, instance: Path) -> dict:
    return {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "TESTING": True, "SECRET_KEY": "test-secret",
            "WECHAT_TOKEN": "testtoken", "WECHAT_APPID": TEST_APPID, "WECHAT_SECRET": TEST_SECRET,
            "WECHAT_API_BASE": api_base, "WECHAT_TEMPLATE_NOTICE": TEMPLATE, "PUBLIC_BASE_URL": PUBLIC,
            "INSTANCE_PATH": str(instance)}


@pytest.fixture
def instance(tmp_path) -> Path:
    path = tmp_path / "instance"
    path.mkdir()
    return path


@pytest.fixture
def app(database_url, redis_url, redis_conn, fake_wechat, instance):
    from app import create_app

    app = create_app(job_config(database_url, redis_url, fake_wechat.api_base, instance))
    with app.app_context():
        from workflow.reference import ensure_reference_data

        ensure_reference_data(db.session)
        db.session.commit()
        yield app
        db.session.remove()
    db.engine.dispose()


class JobDesk(Desk):
    """The workflow tests' Desk, with WeChat openids for the tenant and the staff, and the
    tenant inside the 48-hour window unless a test says otherwise."""

    def __init__(self, session, make):
        super().__init__(session, make)
        self.desk.openid = "o-staff-desk"
        self.engineer.openid = "o-staff-engineer"
        self.supervisor.openid = "o-staff-supervisor"
        session.flush()
        self.last_written = wrote(session, self.tenant, utcnow())


@pytest.fixture
def desk(session, make):
    return JobDesk(session, make)


# --------------------------------------------------------------------------- workers
class BurstWorker(SimpleWorker):
    """RQ's SimpleWorker without its command channel (pubsub), which a burst run never uses:
    stopping that listener thread races and costs a one-second join on most runs."""

    def subscribe(self) -> None:
        pass

    def unsubscribe(self) -> None:
        pass


def work(app, *, scheduler: bool = False) -> bool:
    """A real SimpleWorker, in burst mode, on all queues, with its own Redis connection."""
    connection = redis.Redis.from_url(app.config["REDIS_URL"])
    try:
        worker = BurstWorker(list(QUEUES), connection=connection)
        return worker.work(burst=True, with_scheduler=scheduler)
    finally:
        connection.close()


def make_scheduled_due(app) -> int:
    """Time passes for RQ: every job scheduled (a retry's backoff) becomes due now."""
    moved = 0
    for name in QUEUES:
        registry = ScheduledJobRegistry(name, connection=app.redis)
        ids = registry.get_job_ids()
        if ids:
            app.redis.zadd(registry.key, {job_id: 0 for job_id in ids})
            moved += len(ids)
    return moved


def work_through_retries(app, rounds: int = 10) -> int:
    """Run, then let each retry's backoff pass and run again, until nothing is scheduled."""
    work(app)
    for done in range(rounds):
        if not make_scheduled_due(app):
            return done
        work(app, scheduler=True)
    raise AssertionError(f"jobs still being retried after {rounds} rounds")


def outbox_rows(session, **filters):
    session.expire_all()
    stmt = sa.select(Outbox).filter_by(**filters).order_by(Outbox.id)
    return session.scalars(stmt).all()


def texts_to(fake, openid: str, endpoint: str = "custom") -> list[str]:
    out = []
    for record in fake.sent(endpoint):
        body = record["json"]
        if body.get("touser") != openid:
            continue
        out.append(body["text"]["content"] if endpoint == "custom" else body["data"]["remark"]["value"])
    return out


# --------------------------------------------------------------------------- worker processes
class WorkerProcess:
    """A real `rq worker` (the Procfile's worker class) in a subprocess of its own."""

    def __init__(self, env: dict, *args: str) -> None:
        command = [str(Path(sys.executable).parent / "rq"), "worker", "--worker-class", "jobs.worker.AppWorker",
                   "--url", env["REDIS_URL"], *args, *QUEUES]
        self.proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def children(self) -> list[int]:
        try:
            text = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]

    def kill(self) -> None:
        """SIGKILL the worker and its work horse at once, as when the machine dies."""
        horses = self.children()
        os.kill(self.pid, signal.SIGKILL)
        for pid in horses:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=10)

    def terminate(self) -> None:
        """A warm shutdown, as `honcho` or systemd asks for one."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    def stop(self) -> str:
        self.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        return self.proc.stdout.read().decode("utf-8", "replace") if self.proc.stdout else ""


def stop_all(processes) -> list[str]:
    for process in processes:
        process.terminate()
    return [process.stop() for process in processes]


@pytest.fixture
def worker_env(app, database_url, redis_url, fake_wechat, instance):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "APP_ENV"))}
    config = job_config(database_url, redis_url, fake_wechat.api_base, instance)
    env.update({k: str(v) for k, v in config.items() if k not in ("TESTING",)})
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.fixture
def start_worker(worker_env):
    started: list[WorkerProcess] = []

    def start(*args: str) -> WorkerProcess:
        process = WorkerProcess(worker_env, *args)
        started.append(process)
        return process

    yield start
    stop_all(started)


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.05, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")
