"""What a unit's printed QR code holds. Best: the WeChat parametric QR code whose scene is
the unit's code (made by the worker through the WeChat API, kept as Unit.wechat_qr_url);
scanning it, a tenant follows the account and the bot binds the unit. Where the account
cannot make one (an unverified account, no credentials yet): a signed link to
/wechat/<slug>/scan/<token>, which the tenant simulators understand as that scan, and which
tells a tenant's phone how to reach the account."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import sqlalchemy.orm as so
from itsdangerous import BadSignature, URLSafeSerializer

from models import Outbox, Site, Unit

SCAN_SALT = "unit-scan"  # printed codes live for years: the token does not expire
SCAN_PATH = "/scan/"
QR_JOB = "unit_qrcodes"  # the outbox kind the worker makes the WeChat codes for


@dataclass(frozen=True)
class UnitCode:
    unit: Unit
    content: str  # what the QR image encodes
    wechat: bool  # a WeChat parametric code (else the signed link)


def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt=SCAN_SALT)


def scan_link(base_url: str, site: Site, unit: Unit, secret: str) -> str:
    token = _serializer(secret).dumps([site.id, unit.code])
    return f"{base_url.rstrip('/')}/wechat/{site.slug}{SCAN_PATH}{token}"


def read_scan(text: str, secret: str) -> Optional[tuple[int, str]]:
    """(site id, unit code) from a signed link or its token; None when it is not one of ours."""
    token = (text or "").strip().rstrip("/")
    if SCAN_PATH in token:
        token = token.rsplit(SCAN_PATH, 1)[1]
    try:
        site_id, code = _serializer(secret).loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(site_id, int) or not isinstance(code, str):
        return None
    return site_id, code


def scanned_unit(site: Site, scanned: str, secret: str) -> Optional[str]:
    """What a simulator's "scan" of `scanned` tells the bot: the unit code of a signed link
    (or its token) of this site, or a unit code typed as is; None for a link that is not
    this site's or not ours."""
    scanned = (scanned or "").strip()
    found = read_scan(scanned, secret)
    if found is not None:
        return found[1] if found[0] == site.id else None
    if "/" in scanned or not scanned or len(scanned) > 40:
        return None
    return scanned


def unit_code(site: Site, unit: Unit, base_url: str, secret: str) -> UnitCode:
    if unit.wechat_qr_url:
        return UnitCode(unit, unit.wechat_qr_url, True)
    return UnitCode(unit, scan_link(base_url, site, unit, secret), False)


def request_wechat_codes(session: so.Session, site: Site) -> Outbox:
    """Have the worker make the WeChat codes the site's units lack (after the caller commits)."""
    row = Outbox(kind=QR_JOB, payload={"site_id": site.id})
    session.add(row)
    return row
