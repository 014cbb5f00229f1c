"""Sites and complaint codes as plain frozen values, kept per process for a short TTL: the
webhook reads them on every message and staff change them rarely. Never ORM rows (a row
shared between requests is detached, stale and mutable); a commit in this process that
touches a Site or a ComplaintCode clears the cache at once, and other processes see the
change within TTL_SECONDS."""
from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import sealed
from models.people import Site
from models.rules import ComplaintCode
from models.sealed import WeChatCredentials

TTL_SECONDS = 30.0


def _frozen(value: Any) -> Any:
    """A read-only copy: a request cannot change what the next one reads."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class SiteValues:
    """What a message's handling reads of its site; where a row needs the site, it sets
    `site_id` from `id`."""

    id: int
    slug: str
    name: str
    ticket_prefix: str
    kind: str
    phone: Optional[str]
    address: Optional[str]
    settings: Mapping[str, Any]
    wechat_appid: Optional[str]
    wechat_account: Optional[str]
    wechat_token_sealed: Optional[str]
    wechat_aes_key_sealed: Optional[str]
    wechat_secret_sealed: Optional[str]

    @classmethod
    def of(cls, site: Site) -> SiteValues:
        return cls(id=site.id, slug=site.slug, name=site.name, ticket_prefix=site.ticket_prefix, kind=site.kind,
                   phone=site.phone, address=site.address, settings=_frozen(site.settings or {}),
                   wechat_appid=site.wechat_appid, wechat_account=site.wechat_account,
                   wechat_token_sealed=site.wechat_token_sealed, wechat_aes_key_sealed=site.wechat_aes_key_sealed,
                   wechat_secret_sealed=site.wechat_secret_sealed)

    def wechat_credentials(self, config: Mapping) -> WeChatCredentials:
        """As Site.wechat_credentials: unsealed with config's SECRET_KEY at each call, so a
        change of configuration is never cached here."""
        return sealed.credentials(config, token_sealed=self.wechat_token_sealed,
                                  aes_key_sealed=self.wechat_aes_key_sealed, secret_sealed=self.wechat_secret_sealed,
                                  appid=self.wechat_appid, account=self.wechat_account)


@dataclass(frozen=True)
class CodeValues:
    """What registration reads of a complaint code (its response time, department, label)."""

    code: str
    name: str
    category: str
    department_id: Optional[int]
    response_hours: float
    active: bool


_SITES = sa.select(Site)
_CODES = sa.select(ComplaintCode.code, ComplaintCode.name, ComplaintCode.category, ComplaintCode.department_id,
                   ComplaintCode.response_hours, ComplaintCode.active)


class _Entry:
    __slots__ = ("sites", "codes")

    def __init__(self) -> None:
        self.sites: Optional[tuple[float, dict[str, SiteValues]]] = None
        self.codes: Optional[tuple[float, dict[str, CodeValues]]] = None


# One entry per engine (per database): an app configured afresh, as each test does, starts empty.
_entries: weakref.WeakKeyDictionary[sa.Engine, _Entry] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _entry(session: so.Session) -> _Entry:
    engine = session.get_bind().engine
    with _lock:
        entry = _entries.get(engine)
        if entry is None:
            entry = _entries[engine] = _Entry()
        return entry


def _fresh(loaded: Optional[tuple[float, dict]]) -> Optional[dict]:
    if loaded is not None and time.monotonic() - loaded[0] < TTL_SECONDS:
        return loaded[1]
    return None


def site_by_slug(session: so.Session, slug: str) -> Optional[SiteValues]:
    entry = _entry(session)
    sites = _fresh(entry.sites)
    if sites is None:
        # Every site in one query (a handful): a miss, an unknown slug, costs no query either.
        sites = {site.slug: SiteValues.of(site) for site in session.scalars(_SITES)}
        entry.sites = (time.monotonic(), sites)
    return sites.get(slug)


def code_values(session: so.Session, code: str) -> Optional[CodeValues]:
    entry = _entry(session)
    codes = _fresh(entry.codes)
    if codes is None:
        codes = {row.code: CodeValues(*row) for row in session.execute(_CODES)}
        entry.codes = (time.monotonic(), codes)
    return codes.get(code)


def clear() -> None:
    with _lock:
        _entries.clear()


_STALE = "reference_cache_stale"


@sa.event.listens_for(so.Session, "after_flush")
def _note_reference_changes(session: so.Session, _flush_context) -> None:
    if any(isinstance(obj, (Site, ComplaintCode)) for rows in (session.new, session.dirty, session.deleted)
           for obj in rows):
        session.info[_STALE] = True


@sa.event.listens_for(so.Session, "after_commit")
def _clear_after_reference_changes(session: so.Session) -> None:
    if session.info.pop(_STALE, False):
        clear()

