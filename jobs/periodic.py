"""Periodic jobs: the registry, and how they get run with nothing but ``rq worker
--with-scheduler``.

Each entry runs either every N seconds (slots aligned on the clock) or on a cron line read
in local time (TIMEZONE). Its next run is put in RQ's scheduled-job registry with
``enqueue_at`` under a job id naming the slot, and a Redis ``SET NX`` key per slot makes
sure only one process schedules it, however many workers and hosts there are. The
worker schedules every entry at start-up; each run first schedules the next run of every
entry, so the chain survives a failing job, a killed worker or a flushed Redis key.
After an outage the missed slot runs once, not once per missed slot.

To add one, append to PERIODIC (or call ``register`` at import time of a module the
worker imports)::

    Periodic("flush_conversations", "jobs.sweeps.flush_expired_conversations", every=300)

The function takes no arguments and opens its own ``jobs.runtime.job_context()``."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Optional
from zoneinfo import ZoneInfo

import redis
from croniter import croniter
from flask import current_app
from rq import Queue, get_current_job
from werkzeug.utils import import_string

from jobs.runtime import job_log
from models import localtime


@dataclass(frozen=True)
class Periodic:
    name: str  # letters, digits and _ (it goes into RQ job ids)
    func: str  # import path of a function taking no arguments
    every: Optional[int] = None  # seconds
    cron: Optional[str] = None  # "minute hour day month weekday", local time
    queue: str = "default"
    timeout: int = 300

    def __post_init__(self) -> None:
        if (self.every is None) == (self.cron is None):
            raise ValueError(f"periodic job {self.name}: give exactly one of every= and cron=")
        if not self.name.replace("_", "").isalnum():
            raise ValueError(f"periodic job name {self.name!r}: letters, digits and _ only")
        if self.cron is not None and not croniter.is_valid(self.cron):
            raise ValueError(f"periodic job {self.name}: bad cron line {self.cron!r}")

    def next_run(self, after: datetime, tz_name: Optional[str] = None) -> datetime:
        """The first slot strictly after ``after`` (aware), as an aware UTC datetime."""
        if self.every is not None:
            return datetime.fromtimestamp((math.floor(after.timestamp() / self.every) + 1) * self.every, UTC)
        local = after.astimezone(ZoneInfo(tz_name) if tz_name else localtime.zone())
        return croniter(self.cron, local).get_next(datetime).astimezone(UTC)


PERIODIC: list[Periodic] = [
    Periodic("sweep_outbox", "jobs.outbox.sweep_outbox", every=60, queue="high"),
    Periodic("call_desks", "jobs.sweeps.call_desks", every=20, queue="high"),
    Periodic("check_deadlines", "jobs.sweeps.check_deadlines", every=60),
    Periodic("alert_undispatched", "jobs.sweeps.alert_undispatched", every=300),
    Periodic("alert_overdue_visits", "jobs.sweeps.alert_overdue_visits", every=300),
    Periodic("expire_surveys", "jobs.sweeps.expire_surveys", every=300),
    Periodic("close_campaigns", "jobs.sweeps.close_campaigns", every=300),
    Periodic("flush_conversations", "jobs.sweeps.flush_expired_conversations", every=120),
    Periodic("warm_statistics", "jobs.reports.warm_statistics", every=1800, queue="low"),
    Periodic("retrain_classifier", "jobs.retrain.retrain_when_corrected", every=3600, queue="low"),
    Periodic("check_weather", "jobs.weather.check_weather", cron="5 8,20 * * *", queue="low"),
    Periodic("monthly_report", "jobs.reports.build_monthly_reports", cron="30 1 1 * *", queue="low",
             timeout=1800),
]


def register(entry: Periodic) -> Periodic:
    """Add (or replace, by name) a periodic job."""
    PERIODIC[:] = [p for p in PERIODIC if p.name != entry.name] + [entry]
    return entry


def find(name: str) -> Periodic:
    for entry in PERIODIC:
        if entry.name == name:
            return entry
    raise KeyError(f"no periodic job named {name!r}")


def slot_job_id(entry: Periodic, slot: datetime) -> str:
    return f"periodic-{entry.name}-{int(slot.timestamp())}"


def ensure_scheduled(connection: redis.Redis, now: Optional[datetime] = None,
                     tz_name: Optional[str] = None) -> list[str]:
    """Schedule the next slot of every entry that nobody has scheduled yet; returns the
    job ids this call scheduled."""
    now = now or datetime.now(UTC)
    tz_name = tz_name or localtime.zone().key
    scheduled = []
    for entry in list(PERIODIC):
        slot = entry.next_run(now, tz_name)
        # Kept a day past the slot: long enough that nobody schedules that slot twice.
        ttl = max(60, int((slot - now).total_seconds()) + 86400)
        if not connection.set(f"jobs:periodic:{entry.name}:{int(slot.timestamp())}", "1", nx=True, ex=ttl):
            continue
        queue = Queue(entry.queue, connection=connection)
        queue.enqueue_at(slot, run_periodic, entry.name, job_id=slot_job_id(entry, slot),
                         job_timeout=entry.timeout, result_ttl=3600, failure_ttl=7 * 24 * 3600,
                         description=f"periodic {entry.name} at {slot:%Y-%m-%d %H:%M:%S}Z")
        scheduled.append(slot_job_id(entry, slot))
    return scheduled


def run_periodic(name: str) -> Any:
    """The job RQ runs for a slot: schedule what comes next, then do the work."""
    job = get_current_job()
    connection = job.connection if job is not None else current_app.redis
    log = job_log("jobs.periodic")
    try:
        ensure_scheduled(connection)
    except redis.exceptions.RedisError as exc:  # the work itself may not need Redis
        log.warning("could not schedule the next periodic runs: %s", exc)
    entry = find(name)
    log.info("periodic %s: running %s", name, entry.func)
    return import_string(entry.func)()
