"""Sites, units, tenants, departments and staff: who and where."""
from __future__ import annotations

import enum
import hashlib
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so
from werkzeug.security import check_password_hash, generate_password_hash

from models import sealed
from models.base import Base, utcnow
from models.sealed import WeChatCredentials


class Role(enum.StrEnum):
    DESK = "desk"
    ENGINEER = "engineer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


# ENGINEER is every field worker a dispatch order goes to: engineering, cleaning and security
# staff alike, so its label names the post (现场), not the engineering department.
ROLE_LABELS = {Role.DESK: "客服", Role.ENGINEER: "现场人员", Role.SUPERVISOR: "主管", Role.ADMIN: "管理员"}
# What a site is decides how its units are named to tenants (铺位号 in a mall, 房号 elsewhere)
# and the kind of unit an import creates.
SITE_KINDS = {"mall": "商场", "office": "写字楼", "residential": "住宅"}
UNIT_KIND_OF_SITE = {"mall": "shop", "office": "office", "residential": "apartment"}

staff_sites = sa.Table(
    "staff_sites",
    Base.metadata,
    sa.Column("staff_id", sa.ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("site_id", sa.ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
)


class Site(Base):
    """A property service centre with its own WeChat Official Account."""

    __tablename__ = "sites"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    slug: so.Mapped[str] = so.mapped_column(sa.String(40), unique=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(80))  # used in greetings
    ticket_prefix: so.Mapped[str] = so.mapped_column(sa.String(8), default="T")
    phone: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))
    address: so.Mapped[Optional[str]] = so.mapped_column(sa.String(200))
    city: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))  # for the weather provider
    kind: so.Mapped[str] = so.mapped_column(sa.String(20), default="mall", server_default="mall")  # SITE_KINDS
    # The site's own Official Account; unset values fall back to the environment's WECHAT_*.
    # Secrets are sealed (models.sealed): read them with wechat_credentials only.
    wechat_appid: so.Mapped[Optional[str]] = so.mapped_column(sa.String(64))
    wechat_account: so.Mapped[Optional[str]] = so.mapped_column(sa.String(64))
    wechat_token_sealed: so.Mapped[Optional[str]] = so.mapped_column(sa.String(255))
    wechat_aes_key_sealed: so.Mapped[Optional[str]] = so.mapped_column(sa.String(255))
    wechat_secret_sealed: so.Mapped[Optional[str]] = so.mapped_column(sa.String(255))
    settings: so.Mapped[dict] = so.mapped_column(default=dict)  # phrases, referral phones …
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    units: so.Mapped[list[Unit]] = so.relationship(back_populates="site")

    def __repr__(self) -> str:
        return f"<Site {self.slug}>"

    def wechat_credentials(self, config: Mapping) -> WeChatCredentials:
        """The one way to read the site's WeChat settings (the webhook, the simulators, the
        worker): its own, unsealed with config's SECRET_KEY, else config's WECHAT_*."""
        return sealed.credentials(config, token_sealed=self.wechat_token_sealed,
                                  aes_key_sealed=self.wechat_aes_key_sealed, secret_sealed=self.wechat_secret_sealed,
                                  appid=self.wechat_appid, account=self.wechat_account)

    def set_wechat_credentials(self, secret_key: str, **values: Optional[str]) -> None:
        """Store the site's own values (token, aes_key, secret sealed; appid, account plain);
        a name left out is kept, None or "" clears it."""
        for name, value in values.items():
            if name in ("token", "aes_key", "secret"):
                setattr(self, f"wechat_{name}_sealed", sealed.seal(secret_key, value))
            elif name in ("appid", "account"):
                setattr(self, f"wechat_{name}", (value or "").strip() or None)
            else:
                raise TypeError(f"unknown WeChat setting {name!r}")


class Unit(Base):
    """A property number (物业编号), e.g. shop L2-015."""

    __tablename__ = "units"
    __table_args__ = (sa.UniqueConstraint("site_id", "code"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), index=True)
    code: so.Mapped[str] = so.mapped_column(sa.String(40))
    name: so.Mapped[Optional[str]] = so.mapped_column(sa.String(80))  # shop or office name
    kind: so.Mapped[str] = so.mapped_column(sa.String(20), default="shop")  # shop/office/apartment
    building: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))  # 楼栋, for notices
    floor: so.Mapped[Optional[str]] = so.mapped_column(sa.String(10))  # 楼层 (L2, B1, 12), for notices
    # The content of the unit's WeChat parametric QR code (scene = the unit's code), once made
    wechat_qr_url: so.Mapped[Optional[str]] = so.mapped_column(sa.String(255))

    site: so.Mapped[Site] = so.relationship(back_populates="units")

    @staticmethod
    def matching(codes: Iterable[str]) -> sa.ColumnElement[bool]:
        """Units whose code is one of `codes` as people type them (any case, spaces around)."""
        return sa.func.upper(Unit.code).in_(normal_unit_codes(codes))

    @classmethod
    def find(cls, session: so.Session, site_id: int, code: Optional[str]) -> Optional[Unit]:
        """The site's unit with this code as typed, or as written with its number's zeros
        (l2-15 for L2-015, as tenants and clerks type it); None for no code or an unknown one."""
        if not code or not code.strip():
            return None
        typed = code.strip().upper()
        found = session.scalars(sa.select(cls).where(cls.site_id == site_id, cls.matching(_spellings(typed)))).all()
        return next((unit for unit in found if unit.code.upper() == typed), found[0] if found else None)

    @classmethod
    def unknown_codes(cls, session: so.Session, site_id: int, codes: Iterable[str]) -> list[str]:
        """Which of `codes` (normalised, in the order given) the site has no unit for."""
        wanted = normal_unit_codes(codes)
        known = set(session.scalars(sa.select(sa.func.upper(cls.code)).where(cls.site_id == site_id,
                                                                            cls.matching(wanted))))
        return [c for c in wanted if c not in known]


def _spellings(code: str) -> list[str]:
    """The code, and its last number with no leading zeros or padded to 3 or 4 digits."""
    digits = len(code) - len(code.rstrip("0123456789"))
    if not 1 <= digits <= 6:
        return [code]
    head, number = code[:-digits], str(int(code[-digits:]))
    return [code, *(head + number.zfill(width) for width in (1, 3, 4))]


def normal_unit_codes(codes: Iterable[str]) -> list[str]:
    """Unit codes as stored for comparison: stripped, upper case, each once, order kept."""
    return list(dict.fromkeys(c.strip().upper() for c in codes if c and c.strip()))


class Tenant(Base):
    """A person who writes to the Official Account (or calls, or visits)."""

    __tablename__ = "tenants"
    __table_args__ = (sa.UniqueConstraint("site_id", "openid"),)
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    site_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("sites.id"), index=True)
    openid: so.Mapped[Optional[str]] = so.mapped_column(sa.String(64))
    name: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))
    phone: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))
    unit_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("units.id"))
    subscribed: so.Mapped[bool] = so.mapped_column(default=True)
    # last_inbound_at (when the tenant last wrote) is read from the messages: models/messages.py
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    unit: so.Mapped[Optional[Unit]] = so.relationship()

    @property
    def bound(self) -> bool:
        """Bound = we know who and where: the unit is known."""
        return self.unit_id is not None


class Department(Base):
    __tablename__ = "departments"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(40), unique=True)
    phone: so.Mapped[Optional[str]] = so.mapped_column(sa.String(40))


class Staff(Base):
    __tablename__ = "staff"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    username: so.Mapped[str] = so.mapped_column(sa.String(40), unique=True)
    display_name: so.Mapped[str] = so.mapped_column(sa.String(40))
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(256))
    role: so.Mapped[Role] = so.mapped_column(sa.Enum(Role, native_enum=False, length=20))
    department_id: so.Mapped[Optional[int]] = so.mapped_column(sa.ForeignKey("departments.id"))
    phone: so.Mapped[Optional[str]] = so.mapped_column(sa.String(20))
    openid: so.Mapped[Optional[str]] = so.mapped_column(sa.String(64))  # for WeChat alerts
    active: so.Mapped[bool] = so.mapped_column(default=True)
    failed_logins: so.Mapped[int] = so.mapped_column(default=0)
    locked_until: so.Mapped[Optional[datetime]]
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    department: so.Mapped[Optional[Department]] = so.relationship()
    sites: so.Mapped[list[Site]] = so.relationship(secondary=staff_sites)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def can_see_site(self, site_id: int) -> bool:
        return self.role == Role.ADMIN or any(s.id == site_id for s in self.sites)

    def __repr__(self) -> str:
        return f"<Staff {self.username} {self.role.value}>"


class ApiToken(Base):
    """Bearer tokens for the read-only staff API; only a hash is stored."""

    __tablename__ = "api_tokens"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    staff_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("staff.id", ondelete="CASCADE"))
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    last_used_at: so.Mapped[Optional[datetime]]
    revoked: so.Mapped[bool] = so.mapped_column(default=False)
    expires_at: so.Mapped[Optional[datetime]]  # None: until revoked (flask revoke-api-token)

    staff: so.Mapped[Staff] = so.relationship()

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, staff: Staff) -> tuple[ApiToken, str]:
        token = "sd_" + secrets.token_urlsafe(32)
        return cls(staff=staff, token_hash=cls.hash(token)), token
