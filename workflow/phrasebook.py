"""The one phrasebook: the prescribed phrasing of the reception standard, as data
(workflow/data/phrases.json), overridable per site (Site.settings["phrases"])."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Optional

from models import Site


@lru_cache(maxsize=1)
def defaults() -> dict[str, dict]:
    return json.loads(resources.files("workflow").joinpath("data/phrases.json").read_text("utf-8"))


class _Blank(dict):
    def __missing__(self, key):
        return ""


def site_values(site: Optional[Site]) -> dict:
    if site is None:
        return {}
    settings = site.settings or {}
    return {"centre": site.name, "phone": site.phone or "", "address": site.address or "",
            "referral_phone": settings.get("referral_phone", "12345（市民服务热线）")}


def phrase(key: str, site: Optional[Site] = None, **values) -> str:
    overrides = (site.settings or {}).get("phrases", {}) if site is not None else {}
    template = overrides.get(key) or defaults()[key]["text"]
    return template.format_map(_Blank({**site_values(site), **values}))
