"""Reports the bot holds while it asks who the tenant is (Conversation in state
AWAITING_IDENTITY): opened as a ticket with whatever is known, when the tenant answers,
when a second problem comes up, or when the conversation expires (the worker's sweep)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import Channel, Conversation, Message, Outbox, Site, Tenant, Ticket
from models.reference_cache import SiteValues
from nlp import taxonomy
from workflow import machine
from workflow.classification import classify
from workflow.handling import add_note
from workflow.register import register

AWAITING_IDENTITY = "awaiting_identity"
# Why the bot put a ticket on the desk's 待分诊 list: nothing in it the classifier could read
TRIAGE_NOT_UNDERSTOOD = "not_understood"


def register_pending(session: so.Session, site: Site | SiteValues, tenant: Tenant, conv: Conversation) -> Optional[Ticket]:
    """Open the ticket for a report we held while asking who the tenant is — with whatever
    is known. Used when the tenant answers and when the conversation expires."""
    # Claim it first: the expiry sweep and the tenant's next message may race for it.
    claimed = session.execute(
        sa.update(Conversation).where(Conversation.id == conv.id, Conversation.state == AWAITING_IDENTITY)
        .values(state="idle").execution_options(synchronize_session=False)).rowcount == 1
    if not claimed:
        session.refresh(conv)
        return None
    data = conv.data or {}
    pending = data.get("pending") or {}
    texts = pending.get("texts") or []
    media = data.get("media") or []
    place = _held_place(conv)
    conv.state, conv.data = "idle", {"unit": data["unit"]} if data.get("unit") else {}
    if not texts and not media:
        return None
    content = "\n".join(texts) if texts else _unexplained(session, media)
    result = classify(session, content)
    ticket = register(session, site, content=content, channel=Channel.WECHAT, tenant=tenant,
                      unit_code=data.get("unit"), code=pending.get("code") or result.code,
                      classification=result)
    if not result.urgent and (pending.get("code") or result.code) == taxonomy.OTHER and result.intent == "other":
        # a photo and 「你们看看这个」: what it shows is for a person to read, as any message not understood
        ticket.triage = TRIAGE_NOT_UNDERSTOOD
    session.flush()
    ids = pending.get("message_ids", []) + [m for m in media]
    if ids:
        session.execute(sa.update(Message).where(Message.id.in_(ids)).values(ticket_id=ticket.id))
    for message_id in media:
        session.add(Outbox(kind="download_media", ticket=ticket, payload={"message_id": message_id}))
    _note_place(session, place, ticket)
    return ticket


# A location shared before the report goes with a report made this soon after it, not days later
PLACE_HELD_FOR = timedelta(minutes=30)


def hold_place(conv: Conversation, place: str, at: datetime) -> None:
    """A location sent before the report (这里有辆车在冒烟 comes next): kept for the ticket it opens."""
    conv.data = {**(conv.data or {}), "place": place}
    conv.note_time("place_at", at)


def _held_place(conv: Conversation) -> Optional[str]:
    """The location held, if it was shared within PLACE_HELD_FOR."""
    fresh = conv.said_within("place_at", machine.now(), PLACE_HELD_FOR)
    return (conv.data or {}).get("place") if fresh else None


def _note_place(session: so.Session, place: Optional[str], ticket: Ticket) -> None:
    if place:  # 「这里」 in the report is this place: the responders read it on the ticket
        add_note(session, ticket, None, f"租户发送位置：{place}")


def _unexplained(session: so.Session, media: list[int]) -> str:
    """What a ticket of media alone says: a voice needs someone to listen to it."""
    kinds = set(session.scalars(sa.select(Message.msg_type).where(Message.id.in_(media))))
    if "voice" in kinds:
        return "（租户发来语音，未能识别文字，请收听）" if kinds == {"voice"} else "（租户发来图片和语音，请查看并收听）"
    return "（租户发来图片，未补充文字说明）"


def about_nothing_yet(pending: dict) -> bool:
    """Held words that tell who or where the tenant is and no problem yet (我们店, 我是二楼的,
    then the fault in the next message): they go with the fault that follows, not apart."""
    return bool(pending.get("fragment")) and not pending.get("code")


def settle_held_beside(session: so.Session, site: Site | SiteValues, tenant: Tenant, conv: Conversation,
                       ticket: Ticket, same_problem: bool = False) -> Optional[Ticket]:
    """A report held while we asked who the tenant is, and then an emergency opened at once
    (ticket): when the tenant has told us who they are, the held words are not dropped.
    About the same thing (its code, or the emergency named no fault) they go on the
    emergency's ticket; else they open their own, which is returned. `same_problem`: the
    caller read the emergency as about the held report (砸到人了 after 天花板掉下来一块)."""
    pending = (conv.data or {}).get("pending") or {}
    texts = pending.get("texts") or []
    if not texts:
        return None
    if not same_problem and pending.get("code") != ticket.code and ticket.code != taxonomy.OTHER \
            and not about_nothing_yet(pending):
        return register_pending(session, site, tenant, conv)
    add_note(session, ticket, None, "租户此前反映：" + "；".join(texts))
    if pending.get("message_ids"):
        session.execute(sa.update(Message).where(Message.id.in_(pending["message_ids"])).values(ticket_id=ticket.id))
    conv.data = {k: v for k, v in (conv.data or {}).items() if k != "pending"}
    return None


def attach_held_media(session: so.Session, conv: Conversation, ticket: Ticket) -> None:
    """Photos, and a location, sent before the report they show go with the ticket it opened."""
    data = conv.data or {}
    media = data.get("media") or []
    if data.get("place"):
        _note_place(session, _held_place(conv), ticket)
        conv.data = data = {k: v for k, v in data.items() if k not in ("place", "place_at")}
    if not media:
        return
    session.flush()
    session.execute(sa.update(Message).where(Message.id.in_(media)).values(ticket_id=ticket.id))
    for message_id in media:
        session.add(Outbox(kind="download_media", ticket=ticket, payload={"message_id": message_id}))
    conv.data = {k: v for k, v in (conv.data or {}).items() if k != "media"}


def flush_expired(session: so.Session, now: Optional[datetime] = None) -> int:
    """Open the tickets of conversations whose tenant never told us who they are.
    Run periodically by the worker; commit is the caller's."""
    now = now or machine.now()
    expired = session.scalars(sa.select(Conversation).where(
        Conversation.state == AWAITING_IDENTITY, Conversation.expires_at < now)).all()
    opened = 0
    for conv in expired:
        site = session.get(Site, conv.site_id)
        tenant = session.scalar(sa.select(Tenant).where(Tenant.site_id == conv.site_id, Tenant.openid == conv.openid))
        if tenant is not None and register_pending(session, site, tenant, conv) is not None:
            opened += 1
    return opened
