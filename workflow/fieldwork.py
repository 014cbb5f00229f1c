"""Work in the field, from the engineer's phone: arrival at the unit (到场), photos before
and after the work, and the tenant's signature on the 回执. Files are written under the
media root (INSTANCE_PATH) before their row; the state machine is asked first, so a
refused action writes nothing."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import DispatchOrder, Staff, Ticket, TicketFile
from workflow import machine
from workflow.errors import ValidationError
from workflow.handling import check_receipt_open, confirm_receipt
from workflow.media import EXTENSIONS, MAX_SIGNATURE_BYTES, MAX_UPLOAD_BYTES, image_type, png_has_ink, write_atomically

PHOTO_STAGES = ("before", "after")
PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp")


def arrive(session: so.Session, ticket: Ticket, actor: Staff) -> DispatchOrder:
    """One tap on arrival: the time goes on the active dispatch order, and a job not yet
    started starts (处理中), as 开始处理 would."""
    action = machine.check("arrive", ticket, actor)
    order = ticket.active_dispatch
    if order.arrived_at is not None:
        raise ValidationError("已登记到场，无需重复登记", field="arrive")
    now = machine.now()
    order.arrived_at, order.arrived_by = now, actor
    order.started_at = order.started_at or now
    ticket.first_response_at = ticket.first_response_at or now
    minutes = round((now - ticket.created_at).total_seconds() / 60)
    machine.apply(session, ticket, action, actor, data={"minutes": minutes})
    return order


def awaiting_arrival(order: DispatchOrder) -> bool:
    """An urgent job nobody has reached yet: its deadline was the promise to be there (维修
    人员将在30分钟内到场), so when it passes the sweep's overdue and escalation notices say
    that nobody has arrived."""
    return order.ticket.urgent and order.arrived_at is None


def add_photo(session: so.Session, ticket: Ticket, actor: Staff, *, stage: str, content: bytes,
              media_root: str) -> TicketFile:
    """A photo before or after the work, from the phone's camera (resized by the browser)."""
    action = machine.check("photo", ticket, actor)
    if stage not in PHOTO_STAGES:
        raise ValidationError("请选择维修前或维修后照片", field="stage")
    if not content:
        raise ValidationError("请拍摄或选择一张照片", field="photo")
    if len(content) > MAX_UPLOAD_BYTES:
        raise ValidationError(f"照片过大（不超过 {MAX_UPLOAD_BYTES // 1024} KB）", field="photo")
    mimetype = image_type(content[:16])
    if mimetype not in PHOTO_TYPES:
        raise ValidationError("只能上传 JPEG、PNG 或 WebP 格式的照片", field="photo")
    photo = _keep(session, ticket, actor, stage, content, mimetype, media_root)
    machine.apply(session, ticket, action, actor, data={"stage": stage, "file_id": photo.id})
    return photo


def sign_receipt(session: so.Session, ticket: Ticket, actor: Staff, *, signer: Optional[str], png: bytes,
                 media_root: str) -> Ticket:
    """The tenant signs the 回执 on the engineer's screen: the canvas as a PNG, their name,
    and the time; the ticket records the confirmation as signed."""
    check_receipt_open(ticket, actor)
    signer = (signer or "").strip()[:40]
    if not signer:
        raise ValidationError("请租户写下姓名", field="signer")
    if not png or len(png) > MAX_SIGNATURE_BYTES or image_type(png[:16]) != "image/png":
        raise ValidationError("签名图片无效，请重新签名", field="signature")
    try:
        signed = png_has_ink(png)
    except ValueError:
        raise ValidationError("签名图片无效，请重新签名", field="signature") from None
    if not signed:
        raise ValidationError("请租户在签名框内签名", field="signature")
    signature = _keep(session, ticket, actor, "signature", png, "image/png", media_root, signer=signer)
    return confirm_receipt(session, ticket, actor, signature=signature)


def _keep(session: so.Session, ticket: Ticket, actor: Staff, kind: str, data: bytes, mimetype: str,
          media_root: str, signer: Optional[str] = None) -> TicketFile:
    now = machine.now()
    relative = (Path("media") / str(ticket.site_id) / f"{now:%Y%m}"
                / f"ticket-{ticket.id}-{kind}-{uuid.uuid4().hex}{EXTENSIONS[mimetype]}")
    write_atomically(media_root, relative, data)
    orders = ticket.dispatch_orders
    kept = TicketFile(ticket=ticket, dispatch_order=orders[-1] if orders else None, kind=kind,
                      path=relative.as_posix(), mimetype=mimetype, size=len(data), staff=actor, signer=signer,
                      created_at=now)
    session.add(kept)
    session.flush()  # its id goes on the timeline event
    return kept


def files(session: so.Session, ticket: Ticket) -> list[TicketFile]:
    return list(session.scalars(sa.select(TicketFile).where(TicketFile.ticket_id == ticket.id).order_by(TicketFile.id)))


def signature(session: so.Session, ticket: Ticket) -> Optional[TicketFile]:
    """The 回执 signature, for the ticket page and a printed 回执单."""
    return session.scalar(sa.select(TicketFile).where(TicketFile.ticket_id == ticket.id, TicketFile.kind == "signature")
                          .order_by(TicketFile.id.desc()).limit(1))
