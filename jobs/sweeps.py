"""The worker's periodic sweeps (jobs/periodic.py schedules them): each opens a job
context and runs the sweep that lives with the rules it keeps (workflow.deadlines,
workflow.campaigns)."""
from __future__ import annotations

from jobs.runtime import job_context
from workflow import deadlines
from workflow.campaigns import close_due_campaigns


def check_deadlines() -> dict[str, int]:
    with job_context("jobs.sweeps") as ctx:
        return deadlines.mark_overdue_orders(ctx.session)


def alert_undispatched() -> dict[str, int]:
    with job_context("jobs.sweeps") as ctx:
        return deadlines.sweep_undispatched(ctx.session)


def alert_overdue_visits() -> dict[str, int]:
    with job_context("jobs.sweeps") as ctx:
        return {"alerted": deadlines.alert_visits(ctx.session)}


def expire_surveys() -> dict[str, int]:
    with job_context("jobs.sweeps") as ctx:
        return {"expired": deadlines.expire_due_surveys(ctx.session)}


def close_campaigns() -> dict[str, int]:
    with job_context("jobs.sweeps") as ctx:
        closed = close_due_campaigns(ctx.session)
        ctx.session.commit()
        return {"closed": closed}
