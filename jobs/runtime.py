"""What every job needs: its declaration (queue, timeout, retry policy), an app context with
a session of its own, and a logger that stamps the job id.

The worker process builds the Flask app once (``process_app``; the classifier's warm-up
alone costs about a second) and forks a work horse per job; after a fork the child drops
the database connections it inherited (``_after_fork``) and opens its own."""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Optional

import sqlalchemy.orm as so
from flask import Flask, current_app, has_app_context
from rq import Queue, Retry, get_current_job
from rq.job import Job

from models import db

logger = logging.getLogger(__name__)
FAILURE_TTL = 7 * 24 * 3600  # a failed job stays inspectable for a week


@dataclass(frozen=True)
class JobSpec:
    queue: str
    timeout: int  # seconds before RQ kills the job
    retry: Optional[Retry] = None  # on an exception; None: never retried


def declare(queue: str, *, timeout: int, retry: Optional[Retry] = None) -> Callable:
    """Attach a JobSpec to a job function (the function itself is unchanged, so RQ finds it
    by its import path)."""

    def attach(func: Callable) -> Callable:
        func.spec = JobSpec(queue, timeout, retry)
        return func

    return attach


def enqueue(func: Callable, *args: Any, job_id: Optional[str] = None, queues: Optional[dict] = None,
            **options: Any) -> Job:
    """Enqueue ``func`` (a declared job) with its queue, timeout and retry policy."""
    spec: JobSpec = func.spec
    queue: Queue = (queues or current_app.queues)[spec.queue]
    return queue.enqueue(func, args=args, job_id=job_id, job_timeout=spec.timeout, retry=spec.retry,
                         failure_ttl=FAILURE_TTL, **options)


def enqueue_many(func: Callable, calls: Sequence[dict[str, Any]], queues: Optional[dict] = None) -> list[Job]:
    """`enqueue` for several calls of ``func`` (each a dict of ``args``, ``job_id``,
    ``description``) in one Redis round trip: RQ's bulk ``enqueue_many``."""
    spec: JobSpec = func.spec
    queue: Queue = (queues or current_app.queues)[spec.queue]
    return queue.enqueue_many([Queue.prepare_data(func, timeout=spec.timeout, retry=spec.retry,
                                                  failure_ttl=FAILURE_TTL, **call) for call in calls])


# --------------------------------------------------------------------------- the app
_process_app: Optional[Flask] = None


def use_app(app: Optional[Flask]) -> None:
    """Make ``app`` the one jobs use when no app context is active (the worker sets it at
    start-up; tests may set theirs)."""
    global _process_app
    _process_app = app


def process_app() -> Flask:
    """The process's app, built from the environment on first use."""
    global _process_app
    if _process_app is None:
        from app import create_app

        _process_app = create_app()
    return _process_app


def _after_fork() -> None:
    # Connections inherited from the parent belong to it: drop them without closing.
    if db.engine is not None:
        db.engine.dispose(close=False)


os.register_at_fork(after_in_child=_after_fork)


class JobLog(logging.LoggerAdapter):
    """Prefixes each line with the RQ job id (or "-" outside a job)."""

    def process(self, msg: Any, kwargs: Any) -> tuple[Any, Any]:
        return f"[job {self.extra['job_id']}] {msg}", kwargs


def job_log(name: str) -> JobLog:
    job = get_current_job()
    return JobLog(logging.getLogger(name), {"job_id": job.id if job is not None else "-"})


@dataclass
class JobContext:
    app: Flask
    session: so.Session
    log: JobLog

    @property
    def config(self) -> dict:
        return self.app.config


@contextmanager
def job_context(logger_name: str = "jobs") -> Iterator[JobContext]:
    """An app context (the active one, else the process app) and a session of the job's
    own, closed at the end; the caller commits."""
    if has_app_context():
        app = current_app._get_current_object()
        with _session(app, logger_name) as ctx:
            yield ctx
        return
    app = process_app()
    with app.app_context(), _session(app, logger_name) as ctx:
        yield ctx


@contextmanager
def _session(app: Flask, logger_name: str) -> Iterator[JobContext]:
    # A session from the same factory as db.session, so the outbox publisher sees its
    # commits, but not the thread's scoped one (a test or request may be using that).
    session = db.session.session_factory()
    try:
        yield JobContext(app, session, job_log(logger_name))
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def attempts_left() -> Optional[int]:
    """RQ retries left for the current job (0 on its last try), None outside a job."""
    job = get_current_job()
    if job is None:
        return None
    return job.retries_left or 0
