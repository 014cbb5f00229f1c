"""The fee schedule (收费标准) and quotes built from it (seed §五(2): 根据规定的收费标准向客户
报价): items per site with their price and the complaint codes they apply to, and a quote
made of items and quantities plus one free line for what the schedule does not list."""
from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import ComplaintCode, FeeItem, QuoteLine, Site, Staff, Ticket
from workflow.errors import ValidationError
from workflow.handling import _money, quote

MAX_QUANTITY = Decimal("999")
MAX_DESCRIPTION = 200  # Ticket.quote_description: the lines as the tenant reads them
CENT = Decimal("0.01")


def fee_schedule(session: so.Session, site_id: int, code: Optional[str] = None, *,
                 active_only: bool = True) -> list[FeeItem]:
    """The site's items (those for `code` when given), by name."""
    stmt = sa.select(FeeItem).where(FeeItem.site_id == site_id)
    if active_only:
        stmt = stmt.where(FeeItem.active.is_(True))
    items = session.scalars(stmt.order_by(FeeItem.name)).all()
    return [i for i in items if code is None or i.applies_to(code)]


def save_fee_item(session: so.Session, site: Site, item: Optional[FeeItem], *, name: str, unit: str, price,
                  codes: str = "", active: bool = True) -> FeeItem:
    """Add an item (item None) or change one. `codes`: complaint codes separated by spaces or
    commas; none means every code."""
    name, unit = (name or "").strip(), (unit or "").strip()
    if not name or len(name) > 60:
        raise ValidationError("请填写收费项目名称（不超过60字）", field="name")
    clash = session.scalar(sa.select(FeeItem.id).where(FeeItem.site_id == site.id, FeeItem.name == name))
    if clash is not None and (item is None or clash != item.id):
        raise ValidationError(f"收费项目「{name}」已存在", field="name")
    if not unit or len(unit) > 10:
        raise ValidationError("请填写计价单位，例如 个、次、米", field="unit")
    price = _money(price, "price", positive=True)
    wanted = [c.upper() for c in re.split(r"[\s,，、;；]+", codes or "") if c]
    known = set(session.scalars(sa.select(ComplaintCode.code).where(ComplaintCode.code.in_(wanted))))
    unknown = [c for c in wanted if c not in known]
    if unknown:
        raise ValidationError(f"未知的投诉代码：{'、'.join(unknown)}", field="codes")
    if item is None:
        item = FeeItem(site_id=site.id)
        session.add(item)
    item.name, item.unit, item.price, item.codes, item.active = name, unit, price, sorted(set(wanted)), active
    session.flush()
    return item


def _quantity(raw, field: str) -> Decimal:
    try:
        quantity = Decimal(str(raw).strip() or "0")
    except (InvalidOperation, ValueError):
        raise ValidationError("数量格式不正确", field=field) from None
    if not quantity.is_finite() or quantity < 0 or quantity > MAX_QUANTITY or quantity != quantity.quantize(CENT):
        raise ValidationError(f"数量须在0到{MAX_QUANTITY}之间，最多两位小数", field=field)
    return quantity


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 2.00 → 2, 1.50 → 1.5, 10 → 10


def line_text(line: QuoteLine) -> str:
    """更换水龙头 2个×60.00元, or the free line: 上门服务费 30.00元."""
    if line.fee_item_id is None and line.unit is None:
        return f"{line.name} {line.amount:.2f}元"
    return f"{line.name} {_number(line.quantity)}{line.unit or ''}×{line.price:.2f}元"


def quote_from_schedule(session: so.Session, ticket: Ticket, actor: Staff, *, quantities: Mapping[int, str],
                        description: str = "", amount: str = "") -> Ticket:
    """Quote the schedule's items at these quantities (item id → quantity; 0 or empty left
    out) and the free line `description` at `amount`; the tenant's quote lists them."""
    items = {item.id: item for item in fee_schedule(session, ticket.site_id, ticket.code)}
    lines = []
    for item_id, raw in quantities.items():
        quantity = _quantity(raw, f"qty_{item_id}")
        if quantity == 0:
            continue
        item = items.get(item_id)
        if item is None:
            raise ValidationError("该收费项目已停用或不适用于本工单", field=f"qty_{item_id}")
        lines.append(QuoteLine(fee_item_id=item.id, name=item.name, unit=item.unit, price=item.price,
                               quantity=quantity, amount=(item.price * quantity).quantize(CENT)))
    description = (description or "").strip()
    if description or str(amount or "").strip():
        if not description:
            raise ValidationError("请填写其他费用的内容", field="description")
        extra = _money(amount, "amount", positive=True)
        lines.append(QuoteLine(name=description[:60], price=extra, quantity=Decimal(1), amount=extra))
    if not lines:
        raise ValidationError("请选择收费项目并填写数量，或填写其他费用", field="amount")
    summary = "；".join(line_text(line) for line in lines)
    if len(summary) > MAX_DESCRIPTION:
        raise ValidationError("报价项目过多，请合并后再报价", field="description")
    quote(session, ticket, actor, amount=sum(line.amount for line in lines), description=summary)
    session.execute(sa.delete(QuoteLine).where(QuoteLine.ticket_id == ticket.id))
    for line in lines:
        line.ticket_id = ticket.id
    session.add_all(lines)
    return ticket


def quote_lines(session: so.Session, ticket: Ticket) -> list[QuoteLine]:
    return session.scalars(sa.select(QuoteLine).where(QuoteLine.ticket_id == ticket.id)
                           .order_by(QuoteLine.id)).all()
