"""The bot's periodic work, run by the worker (jobs.periodic lists it)."""
from __future__ import annotations

from bot import dialog
from jobs.runtime import job_context


def flush_expired_conversations() -> int:
    """Open the tickets of tenants who reported something but never said who they are."""
    with job_context("bot.jobs") as ctx:
        opened = dialog.flush_expired(ctx.session)
        ctx.session.commit()
        if opened:
            ctx.log.info("opened %d held report(s) after the conversation expired", opened)
        return opened
