"""The statistics' periodic work (seed §六(5)): the monthly report on the 1st
(workflow.reports builds it from the engine in models.stats), and keeping the
statistics page's cache of ended months warm."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from jobs.runtime import job_context
from models import Role, Site, Staff
from models.localtime import today as local_today
from models.stats import Month, Scope
from models.stats_trend import RedisCache, overview
from workflow.reports import build_report, find_report, previous_month, send_to_departments


def build_monthly_reports() -> dict[str, Any]:
    """The periodic job: last month's report for every site that has none yet, each
    department's share sent to its staff."""
    with job_context("jobs.reports") as ctx:
        year, month = previous_month(local_today())
        built = []
        for site in ctx.session.scalars(sa.select(Site).order_by(Site.id)):
            if find_report(ctx.session, site.id, year, month) is None:
                report = build_report(ctx.session, site, year, month, ctx.config["INSTANCE_PATH"])
                sent = send_to_departments(ctx.session, report, ctx.config["PUBLIC_BASE_URL"])
                ctx.session.commit()
                built.append(report.path)
                ctx.log.info("monthly report %s built, sent to %s department(s)", report.path, len(sent))
        return {"month": f"{year:04d}-{month:02d}", "built": built}


def warm_statistics() -> int:
    """Recount the ended months of the statistics page's quarter and 12-month trend for
    every supervisor's and admin's view, so nobody opens the page on a cold cache. Returns
    how many views were warmed."""
    with job_context("jobs.reports") as ctx:
        today = local_today()
        month = Month(today.year, today.month)
        cache = RedisCache(ctx.app.redis, refresh=True)
        done = set()
        viewers = ctx.session.scalars(sa.select(Staff).where(
            Staff.active.is_(True), Staff.role.in_([Role.SUPERVISOR, Role.ADMIN])))
        for staff in viewers:
            scope = Scope(staff=staff)
            if scope.key not in done:
                overview(ctx.session, scope, month, today, cache)
                done.add(scope.key)
        return len(done)
