"""Staff accounts, the one set of rules for `flask create-staff` and the console's 账号 pages:
who, which role, department and sites, and a password of at least 8 characters."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Role, Site, Staff
from workflow.errors import ValidationError
from workflow.reference import ensure_department

MIN_PASSWORD = 8


def check_password(password: Optional[str]) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(f"密码至少{MIN_PASSWORD}位", field="password")
    return password


def save_staff(session: so.Session, staff: Optional[Staff], *, username: Optional[str] = None,
               role: Optional[str] = None, password: Optional[str] = None, display_name: Optional[str] = None,
               department: Optional[str] = None, site_slugs: Optional[Iterable[str]] = None,
               phone: Optional[str] = None) -> Staff:
    """Create an account (staff None: username, role and password needed) or change one; a
    value left None is kept, department "" clears it. A new password unlocks the account."""
    if staff is None:
        username = (username or "").strip()
        if not username or not username.isascii() or not username.replace("_", "").isalnum() or len(username) > 40:
            raise ValidationError("用户名须为字母、数字或下划线", field="username")
        if session.scalar(sa.select(Staff.id).where(Staff.username == username)):
            raise ValidationError("用户名已存在", field="username")
        if role is None:
            raise ValidationError("请选择岗位", field="role")
        staff = Staff(username=username, display_name=username, role=Role.DESK)
        check_password(password)
    if role is not None:
        if role not in {r.value for r in Role}:
            raise ValidationError("请选择岗位", field="role")
        staff.role = Role(role)
    if site_slugs is not None:
        wanted = set(site_slugs)
        sites = session.scalars(sa.select(Site).where(Site.slug.in_(wanted))).all() if wanted else []
        unknown = wanted - {s.slug for s in sites}
        if unknown:
            raise ValidationError(f"没有服务中心：{'、'.join(sorted(unknown))}", field="sites")
        staff.sites = sorted(sites, key=lambda s: s.id)
    if display_name is not None and display_name.strip():
        staff.display_name = display_name.strip()[:40]
    if phone is not None:
        staff.phone = phone.strip()[:20] or None
    if department is not None:
        department = department.strip()[:40]
        staff.department = ensure_department(session, department) if department else None
    if password:
        staff.set_password(check_password(password))
        staff.active, staff.failed_logins, staff.locked_until = True, 0, None
    if staff.id is None:
        session.add(staff)
    session.flush()
    return staff
