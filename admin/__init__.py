"""Staff console (Chinese, server-rendered) under /admin/: one module per area, queries in
*_queries.py helpers, every change through workflow/."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates", static_folder="static")

from admin import (  # noqa: E402,F401  (each module registers its routes on bp)
    auth,
    callbacks,
    campaign_paper,
    campaigns,
    complaint_list,
    errors,
    faq,
    fees,
    field,
    formatting,
    intake,
    notices,
    records,
    rules,
    security,
    settings,
    simulator,
    sites,
    stats,
    stats_reports,
    ticket_print,
    ticket_views,
    triage,
    unit_codes,
    visit_plans,
    visits,
)
