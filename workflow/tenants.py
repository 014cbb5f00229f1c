"""Who a phone call, a visit or a letter is from, as the centre's records know them: the
tenant with that phone or of that unit, preferring one the centre reaches on WeChat, so the
ticket's notices and survey reach them there."""
from __future__ import annotations

from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Site, Tenant
from workflow.register import find_unit


def match_tenant(session: so.Session, site: Site, unit_code: Optional[str], phone: Optional[str]) -> Optional[Tenant]:
    """The tenant of `phone`, else of `unit_code`: first among those who follow the
    Official Account (the one who wrote last), then the unit's tenant of record."""
    phone = (phone or "").strip()
    unit = find_unit(session, site, unit_code)
    wechat = sa.and_(Tenant.openid.is_not(None), Tenant.subscribed.is_(True))
    candidates = []
    if phone:
        candidates.append(sa.and_(Tenant.phone == phone, wechat))
    if unit is not None:
        candidates.append(sa.and_(Tenant.unit_id == unit.id, wechat))
    if phone:
        candidates.append(Tenant.phone == phone)
    if unit is not None:
        candidates.append(sa.and_(Tenant.unit_id == unit.id, Tenant.openid.is_(None)))
    for condition in candidates:
        tenant = session.scalar(sa.select(Tenant).where(Tenant.site_id == site.id, condition)
                                .order_by(Tenant.last_inbound_at.desc().nulls_last(), Tenant.id.desc()).limit(1))
        if tenant is not None:
            return tenant
    return None
