"""The periodic registry on RQ's scheduler: each slot scheduled once however many workers
ask, each run scheduling the next."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from rq.registry import FailedJobRegistry, FinishedJobRegistry, ScheduledJobRegistry

from jobs import periodic
from jobs.periodic import PERIODIC, Periodic, ensure_scheduled, register, slot_job_id
from tests.jobs.conftest import work

NOW = datetime(2026, 11, 26, 23, 59, 30, tzinfo=UTC)  # 07:59:30 on the 27th in Shanghai


def scheduled(app) -> dict[str, datetime]:
    out = {}
    for queue in ("high", "default", "low"):
        registry = ScheduledJobRegistry(queue, connection=app.redis)
        for job_id in registry.get_job_ids():
            out[job_id] = registry.get_scheduled_time(job_id)
    return out


def test_every_entry_is_scheduled_once_at_its_next_slot(app):
    first = ensure_scheduled(app.redis, now=NOW, tz_name="Asia/Shanghai")
    again = ensure_scheduled(app.redis, now=NOW, tz_name="Asia/Shanghai")  # a second worker starting
    assert again == [] and len(first) == len(PERIODIC)
    times = scheduled(app)
    assert set(times) == set(first)
    by_name = {job_id.rsplit("-", 1)[0].removeprefix("periodic-"): at for job_id, at in times.items()}
    assert by_name["sweep_outbox"] == datetime(2026, 11, 27, 0, 0, tzinfo=UTC)
    assert by_name["expire_surveys"] == datetime(2026, 11, 27, 0, 0, tzinfo=UTC)  # every 5 minutes
    assert by_name["check_weather"] == datetime(2026, 11, 27, 0, 5, tzinfo=UTC)  # 08:05 local
    assert by_name["monthly_report"] == datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 1 Dec 01:30 local


def test_a_slot_run_schedules_the_next_one(app, monkeypatch):
    # Every entry at least an hour apart for this test: with call_desks' 20 seconds, a batch that
    # ran longer (PostgreSQL, the model refit) found its next slot due and ran it again, and the
    # counts below are of one run per missed entry.
    entries = [replace(p, every=max(p.every, 3600)) if p.every else p for p in PERIODIC]
    monkeypatch.setattr(periodic, "PERIODIC", entries)
    ensure_scheduled(app.redis, now=datetime.now(UTC) - timedelta(days=40))  # the workers were down a while
    before = scheduled(app)
    assert all(at < datetime.now(UTC) for at in before.values())
    work(app, scheduler=True)  # each missed entry runs once (no weather key: that one only logs)
    after = scheduled(app)
    assert set(after).isdisjoint(before) and len(after) == len(entries)
    assert all(at > datetime.now(UTC) for at in after.values())
    assert [FailedJobRegistry(q, connection=app.redis).count for q in ("high", "default", "low")] == [0, 0, 0]
    on_default = [p for p in entries if p.queue == "default"]  # the sweeps (the held-report flush among them)
    assert len(on_default) >= 5
    assert FinishedJobRegistry("default", connection=app.redis).count == len(on_default)


def test_the_registry_takes_more_entries_and_refuses_bad_ones(monkeypatch):
    monkeypatch.setattr(periodic, "PERIODIC", list(PERIODIC))
    entry = register(Periodic("flush_conversations", "jobs.sweeps.flush_expired_conversations", every=300))
    assert periodic.find("flush_conversations") is entry
    register(Periodic("flush_conversations", "jobs.sweeps.flush_expired_conversations", every=600))
    assert [p.every for p in periodic.PERIODIC if p.name == "flush_conversations"] == [600]
    assert slot_job_id(entry, NOW) == f"periodic-flush_conversations-{int(NOW.timestamp())}"
    with pytest.raises(ValueError, match="exactly one"):
        Periodic("both", "x.y", every=60, cron="* * * * *")
    with pytest.raises(ValueError, match="letters, digits"):
        Periodic("with space", "x.y", every=60)
    with pytest.raises(ValueError, match="bad cron"):
        Periodic("bad", "x.y", cron="every day")
