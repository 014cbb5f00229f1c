"""The worker's periodic sweeps (jobs/periodic.py schedules them): each opens a job
context and runs the sweep that lives with the rules it keeps (workflow.deadlines,
workflow.campaigns, workflow.held_reports, workflow.promises)."""
from __future__ import annotations

from jobs.runtime import job_context
from workflow import deadlines, promises
from workflow.campaigns import close_due_campaigns
from workflow.held_reports import flush_expired


def check_deadlines() -> dict[str, int]:
    with job_context("jobs.sweeps") as ctx:
        return deadlines.mark_overdue_orders(ctx.session)


def call_desks() -> dict[str, int]:
    """「我马上联系有关人员」 kept: the desk told of the reports that promised it."""
    with job_context("jobs.sweeps") as ctx:
        called = promises.call_desks(ctx.session)
        ctx.session.commit()
        return {"called": called}


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


def flush_expired_conversations() -> int:
    """Open the tickets of tenants who reported something but never said who they are
    (the claim in register_pending keeps a racing message from opening it twice)."""
    with job_context("jobs.sweeps") as ctx:
        opened = flush_expired(ctx.session)
        ctx.session.commit()
        if opened:
            ctx.log.info("opened %d held report(s) after the conversation expired", opened)
        return opened
