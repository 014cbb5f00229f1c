"""Setting up a service centre: the site (`flask create-site`, the console's 服务中心 page)
and the departments its tickets go to. Functions add to the session and never commit."""
from __future__ import annotations

import re
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Department, Site
from models.people import SITE_KINDS
from workflow.errors import ValidationError
from workflow.reference import ensure_reference_data

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
PREFIX = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")


def _optional(value: Optional[str], limit: int) -> Optional[str]:
    return (value or "").strip()[:limit] or None


def save_site(session: so.Session, slug: str, *, name: Optional[str] = None, prefix: Optional[str] = None,
              kind: Optional[str] = None, phone: Optional[str] = None, address: Optional[str] = None,
              city: Optional[str] = None) -> tuple[Site, bool]:
    """Create the site `slug`, or update it: a value left None is kept, "" clears an optional
    one. Returns the site and whether it is new. The ticket prefix is unique across sites,
    since ticket numbers (XY-20261201-0001) are."""
    slug = (slug or "").strip().lower()
    if not SLUG.match(slug):
        raise ValidationError("站点标识须为2-40位小写字母、数字或连字符（用于微信接口地址 /wechat/<标识>）", field="slug")
    site = session.scalar(sa.select(Site).where(Site.slug == slug))
    created = site is None
    if created:
        if not (name or "").strip():
            raise ValidationError("请填写服务中心名称", field="name")
        if not (prefix or "").strip():
            raise ValidationError("请填写工单号前缀，例如 XY", field="prefix")
        site = Site(slug=slug, settings={}, kind="mall")
    if name is not None:
        name = name.strip()
        if not name:
            raise ValidationError("请填写服务中心名称", field="name")
        if len(name) > 80:
            raise ValidationError("服务中心名称不能超过80字", field="name")
        site.name = name
    if prefix is not None:
        prefix = prefix.strip().upper()
        if not PREFIX.match(prefix):
            raise ValidationError("工单号前缀须为1-8位大写字母或数字，以字母开头，例如 XY", field="prefix")
        taken = session.scalar(sa.select(Site.slug).where(Site.ticket_prefix == prefix, Site.slug != slug))
        if taken:
            raise ValidationError(f"工单号前缀 {prefix} 已被服务中心 {taken} 使用", field="prefix")
        site.ticket_prefix = prefix
    if kind is not None:
        if kind not in SITE_KINDS:
            raise ValidationError("类型须为商场（mall）、写字楼（office）或住宅（residential）", field="kind")
        site.kind = kind
    if phone is not None:
        site.phone = _optional(phone, 40)
    if address is not None:
        site.address = _optional(address, 200)
    if city is not None:
        site.city = _optional(city, 40)
    if created:
        session.add(site)
    session.flush()
    return site, created


def ensure_departments(session: so.Session) -> int:
    """The default departments (and complaint codes) where missing; how many departments
    were added."""
    before = session.scalar(sa.select(sa.func.count(Department.id)))
    ensure_reference_data(session)
    return session.scalar(sa.select(sa.func.count(Department.id))) - before


def save_department(session: so.Session, department: Optional[Department], *, name: str,
                    phone: Optional[str]) -> Department:
    """Add a department (department None) or rename it / change its phone."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("请填写部门名称", field="name")
    if len(name) > 40:
        raise ValidationError("部门名称不能超过40字", field="name")
    clash = session.scalar(sa.select(Department.id).where(Department.name == name))
    if clash is not None and (department is None or clash != department.id):
        raise ValidationError(f"部门「{name}」已存在", field="name")
    if department is None:
        department = Department(name=name)
        session.add(department)
    department.name = name
    department.phone = _optional(phone, 40)
    session.flush()
    return department
