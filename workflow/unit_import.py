"""Loading a site's units and tenants from the centre's own file (`flask import-units`, the
console's upload): all or nothing, every bad row named; importing again updates what
changed and never duplicates. The file's tenant of a unit is kept as its tenant of record
(a Tenant with no WeChat openid); tenants who write on WeChat are bound to units as before."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Site, Tenant, Unit
from models.people import UNIT_KIND_OF_SITE
from workflow.unit_files import ImportRefused, RawRow, read_rows

__all__ = ["ImportRefused", "ImportRow", "ImportSummary", "apply_import", "plan_import", "read_import",
           "unit_place"]

MAX_NAME = 40  # Tenant.name
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9\-/#.]*$")
# 5栋2单元301 / 12号楼1单元502室 / A座1203: the notation the bot reads from tenants (5-2-301 …)
_BLOCK = re.compile(r"^([A-Z0-9]{1,3})(?:栋|幢|号楼|座)(?:(\d{1,2})单元)?(\d{3,4})(?:室|号)?$")
_MALL = re.compile(r"^([A-Z]{1,2}\d{1,2})-\d+")  # L2-015, B1-003: the floor comes first
_BLOCK_CODE = re.compile(r"^([A-Z0-9]{1,3})-(?:\d{1,2}-)?(\d{3,4})$")  # 5-2-301, 12-1-502, A-1203
_ROOM = re.compile(r"^(\d{3,4})$")  # 301 → the 3rd floor
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|400-?\d{3}-?\d{4})$")
_PHONE_SPLIT = re.compile(r"[/、,，;；]+|\s{2,}")


@dataclass
class ImportRow:
    line: int
    code: str
    name: str
    phone: Optional[str] = None
    building: Optional[str] = None
    floor: Optional[str] = None


@dataclass
class Change:
    line: int
    code: str
    name: str
    action: str  # new / update / same
    details: list[str] = field(default_factory=list)  # what an update changes, as staff read it


@dataclass
class ImportSummary:
    changes: list[Change]
    untouched: int  # the site's units the file does not list: left as they are

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    def describe(self) -> str:
        text = f"新增 {self.count('new')} 个单元，更新 {self.count('update')} 个，未变 {self.count('same')} 个"
        return text + (f"（文件中没有的 {self.untouched} 个单元保持不变）" if self.untouched else "")


def normalize_code(raw: str) -> str:
    code = unicodedata.normalize("NFKC", raw or "").upper()
    code = re.sub(r"\s+", "", code).replace("—", "-").replace("–", "-").replace("_", "-")
    match = _BLOCK.match(code)
    if match:
        code = "-".join(part for part in match.groups() if part)
    return code


def unit_place(code: str) -> tuple[Optional[str], Optional[str]]:
    """(building, floor) as a unit's code tells them: L2-015 → (None, L2), 5-2-301 → (5, 3),
    A-1203 → (A, 12), 301 → (None, 3). Unknown parts are None."""
    if match := _MALL.match(code):
        return None, match.group(1)
    if match := _BLOCK_CODE.match(code):
        return match.group(1), str(int(match.group(2)) // 100)
    if match := _ROOM.match(code):
        return None, str(int(match.group(1)) // 100)
    return None, None


def _phone(raw: str) -> tuple[Optional[str], bool]:
    """The first number of the cell (several may be written 138…/139…), and whether all of
    them are phone numbers."""
    parts = [p.strip() for p in _PHONE_SPLIT.split(raw.replace("+86", "")) if p.strip()]
    numbers = [_digits(p) for p in parts]
    if not numbers:
        return None, True
    return numbers[0], all(_PHONE.match(n) for n in numbers)


def _digits(number: str) -> str:
    """138 0000 1234, 138-0000-1234 → 13800001234; a landline keeps the dash after its area code."""
    bare = re.sub(r"[\s-]", "", number)
    if bare.startswith("1"):
        return bare
    area = re.match(r"^(0\d{2,3})[\s-]", number.strip())
    return f"{area.group(1)}-{bare[len(area.group(1)):]}" if area else bare


def _floor(raw: str) -> str:
    return re.sub(r"(层|楼|F)$", "", raw.upper()) if raw else raw


def validate(raw_rows: list[RawRow]) -> list[ImportRow]:
    """Every row checked; a single bad one refuses the whole file, naming them all."""
    problems, rows, seen = [], [], {}
    for raw in raw_rows:
        values = raw.values
        where = f"第{raw.line}行"
        code = normalize_code(values.get("code", ""))
        name = values.get("name", "")
        wrong = []
        if not code:
            wrong.append("缺少物业编号")
        elif len(code) > 40 or not _CODE.match(code):
            wrong.append(f"物业编号「{values['code'][:40]}」无法识别（应如 L2-015、5-2-301）")
        elif code in seen:
            wrong.append(f"物业编号 {code} 与第{seen[code]}行重复")
        if not name:
            wrong.append("缺少租户名称")
        elif len(name) > MAX_NAME:
            wrong.append(f"租户名称超过{MAX_NAME}字")
        phone, phone_ok = _phone(values.get("phone", ""))
        if not phone_ok:
            wrong.append(f"联系电话「{values['phone'][:30]}」格式不正确")
        building, floor = values.get("building", "")[:20], _floor(values.get("floor", ""))[:10]
        if wrong:
            problems.append(f"{where}：{'；'.join(wrong)}")
            continue
        seen[code] = raw.line
        derived_building, derived_floor = unit_place(code)
        rows.append(ImportRow(raw.line, code, name, phone, building or derived_building, floor or derived_floor))
    if problems:
        raise ImportRefused(f"文件中有 {len(problems)} 行有误，未导入任何数据，请改正后重新导入", problems)
    return rows


def read_import(data: bytes, filename: str) -> list[ImportRow]:
    return validate(read_rows(data, filename))


def _existing(session: so.Session, site: Site) -> tuple[dict[str, Unit], dict[int, Tenant]]:
    units = {u.code.upper(): u for u in session.scalars(sa.select(Unit).where(Unit.site_id == site.id))}
    records: dict[int, Tenant] = {}
    for tenant in session.scalars(sa.select(Tenant).where(
            Tenant.site_id == site.id, Tenant.openid.is_(None), Tenant.unit_id.is_not(None)).order_by(Tenant.id)):
        records.setdefault(tenant.unit_id, tenant)
    return units, records


def plan_import(session: so.Session, site: Site, rows: list[ImportRow]) -> ImportSummary:
    """What importing `rows` would change, changing nothing (the console's preview)."""
    return _run(session, site, rows, write=False)


def apply_import(session: so.Session, site: Site, rows: list[ImportRow]) -> ImportSummary:
    """Import `rows` into the session (the caller commits)."""
    summary = _run(session, site, rows, write=True)
    session.flush()
    return summary


def _run(session: so.Session, site: Site, rows: list[ImportRow], *, write: bool) -> ImportSummary:
    units, records = _existing(session, site)
    changes = []
    for row in rows:
        unit = units.get(row.code.upper())
        record = records.get(unit.id) if unit is not None else None
        if unit is None:
            changes.append(Change(row.line, row.code, row.name, "new"))
            if write:
                unit = Unit(site_id=site.id, code=row.code, kind=UNIT_KIND_OF_SITE.get(site.kind, "shop"))
                session.add(unit)
                _fill(session, unit, None, row)
            continue
        details = _differences(unit, record, row)
        changes.append(Change(row.line, unit.code, row.name, "update" if details else "same", details))
        if write and details:
            _fill(session, unit, record, row)
    listed = {row.code.upper() for row in rows}
    return ImportSummary(changes, sum(1 for code in units if code not in listed))


def _differences(unit: Unit, record: Optional[Tenant], row: ImportRow) -> list[str]:
    """What the row changes, in words; an empty cell never erases what is on record."""
    details = []
    old_name = record.name if record is not None else None
    if old_name != row.name:
        details.append(f"租户名称：{old_name or '无'} → {row.name}")
    old_phone = record.phone if record is not None else None
    if row.phone and old_phone != row.phone:
        details.append(f"联系电话：{old_phone or '无'} → {row.phone}")
    for label, attribute in (("楼栋", "building"), ("楼层", "floor")):
        new = getattr(row, attribute)
        if new and getattr(unit, attribute) != new:
            details.append(f"{label}：{getattr(unit, attribute) or '无'} → {new}")
    return details


def _fill(session: so.Session, unit: Unit, record: Optional[Tenant], row: ImportRow) -> None:
    unit.name = row.name
    unit.building = row.building or unit.building
    unit.floor = row.floor or unit.floor
    if record is None:
        record = Tenant(site_id=unit.site_id, unit=unit, openid=None, subscribed=False)
        session.add(record)
    record.name = row.name
    record.phone = row.phone or record.phone
