"""The one phrasebook: the prescribed phrasing of the reception standard, as data
(workflow/data/phrases.json), overridable per site (Site.settings["phrases"])."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Optional

import sqlalchemy.orm as so

from models import Department, Site, Status, Ticket
from models.localtime import for_people
from models.reference_cache import SiteValues


@lru_cache(maxsize=1)
def defaults() -> dict[str, dict]:
    return json.loads(resources.files("workflow").joinpath("data/phrases.json").read_text("utf-8"))


# How a unit is named to tenants, by the site's kind (seed §二(3) says 房号; a mall's tenants
# know theirs as 铺位号): the word, its short form, an example.
UNIT_WORDS = {"mall": ("铺位号", "铺位", "L2-015"), "office": ("房号", "房号", "A-1203"),
              "residential": ("房号", "房号", "5-2-301")}


class _Blank(dict):
    def __missing__(self, key):
        return ""


def site_values(site: Optional[Site | SiteValues]) -> dict:
    word, noun, example = UNIT_WORDS.get((site.kind if site else None) or "mall", UNIT_WORDS["mall"])
    units = {"unit_word": word, "unit_noun": noun, "unit_example": example}
    if site is None:
        return units
    settings = site.settings or {}
    return {"centre": site.name, "phone": site.phone or "", "address": site.address or "",
            "referral_phone": settings.get("referral_phone", "12345（市民服务热线）"), **units}


# Who goes to an urgent job, as the tenant is told (安保部 sends guards, not 维修人员).
RESPONDERS = {"工程部": "维修人员", "安保部": "安保人员", "保洁部": "保洁人员"}


def responder_of(department_name: Optional[str]) -> str:
    return RESPONDERS.get(department_name or "", "工作人员")


def urgent_eta(site: Optional[Site | SiteValues], department_name: Optional[str]) -> str:
    """「…将在30分钟内到场」 worded for the department actually going."""
    return phrase("eta_urgent", site, responder=responder_of(department_name))


def ticket_urgent_eta(ticket: Ticket, site: Optional[Site | SiteValues]) -> str:
    """The urgent promise for this ticket: its department is looked up only here (urgent
    reports are rare; the everyday report pays nothing)."""
    session = so.object_session(ticket)
    department = session.get(Department, ticket.department_id) if session and ticket.department_id else None
    return urgent_eta(site, department.name if department else None)


def phrase(key: str, site: Optional[Site | SiteValues] = None, **values) -> str:
    overrides = (site.settings or {}).get("phrases", {}) if site is not None else {}
    template = overrides.get(key) or defaults()[key]["text"]
    return template.format_map(_Blank({**site_values(site), **values}))


def ticket_eta(ticket: Ticket, site: Site | SiteValues, *, progress: bool = False) -> str:
    """At registration, the response time; asked for progress, the deadline as it stands
    now (a delay moves it). The caller's site, not ticket.site: that is a lazy load."""
    if ticket.status == Status.CLOSED:
        return "已结案"
    if progress and ticket.due_at is not None:
        return phrase("eta_due", site, due=for_people(ticket.due_at))
    if ticket.urgent:
        return ticket_urgent_eta(ticket, site)
    hours = (ticket.due_at - ticket.created_at).total_seconds() / 3600 if ticket.due_at else 24.0
    text = "30分钟" if hours < 1 else f"{hours:g}小时"
    return phrase("eta_hours", site, hours=text)
