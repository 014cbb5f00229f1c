"""What arrives besides words: WeChat's events (subscribe, a unit's QR code scanned, a
menu click, a template message delivered) and photos or videos."""
from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING, Optional

import sqlalchemy as sa

import workflow
from bot.dialog import intents
from bot.dialog.identity import bind_unit, remind_identity
from bot.dialog.intents import COMPLAINT_KEYS, CONTACT_KEYS, PROGRESS_KEYS, REPAIR_KEYS
from bot.dialog.lookup import JOIN_WINDOW, open_tickets
from bot.dialog.tickets import progress
from bot.protocol import InboundMessage
from models import Message, Outbox, Ticket
from workflow.held_reports import AWAITING_IDENTITY

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


def media(turn: Turn, msg: InboundMessage) -> None:
    ticket = _attach_to_recent(turn, timedelta(days=3), "租户发来图片")
    if ticket is not None:
        turn.say("photo_received", number=ticket.number)
        return
    # No open ticket: hold the photo until the tenant says what it shows (or the dialog expires).
    _hold(turn)
    turn.say("photo_need_text")


def unheard_voice(turn: Turn) -> None:
    """A voice message WeChat sent without its text (recognition off, or too noisy): a
    person listens. On the report made just before, or held like a photo until the tenant
    types what it is, or the dialog expires and it opens for the desk; either way the
    tenant is asked to type it."""
    turn.say("voice_unrecognised")
    ticket = _attach_to_recent(turn, JOIN_WINDOW, "租户发来语音（未能识别文字），请收听")
    if ticket is not None:
        turn.say("voice_attached", number=ticket.number)
    else:
        _hold(turn)


def _attach_to_recent(turn: Turn, within: timedelta, note: str) -> Optional[Ticket]:
    """The media goes on the tenant's newest open ticket younger than `within`, noted and
    downloaded for staff; None when there is none."""
    tickets = open_tickets(turn.session, turn.tenant)
    if not tickets or tickets[0].created_at < turn.now - within:
        return None
    ticket = tickets[0]
    turn.message.ticket_id = ticket.id
    workflow.add_note(turn.session, ticket, None, note)
    turn.session.add(Outbox(kind="download_media", ticket=ticket, payload={"message_id": turn.message_id()}))
    return ticket


def _hold(turn: Turn) -> None:
    """Kept with the conversation until the tenant says what it is (or the dialog expires
    and it opens for the desk: workflow.held_reports)."""
    conv = turn.keep_conv()
    data = conv.data or {}
    conv.state = AWAITING_IDENTITY
    conv.data = {**data, "media": data.get("media", []) + [turn.message_id()]}


def event(turn: Turn, msg: InboundMessage) -> None:
    kind, key = msg.event, (msg.event_key or "").strip()
    if kind == "subscribe":
        turn.tenant.subscribed = True
        turn.say("greeting", centre=turn.site.name)
        if key.startswith("qrscene_"):
            bind_unit(turn, key[len("qrscene_"):])
        turn.say("offer_help")
    elif kind == "scan":
        bind_unit(turn, key)
    elif kind == "unsubscribe":
        turn.tenant.subscribed = False
    elif kind == "click":
        if key in PROGRESS_KEYS:
            progress(turn)
        elif key in REPAIR_KEYS:
            turn.say("menu_repair")
        elif key in COMPLAINT_KEYS:
            turn.say("menu_complaint")
        elif key in CONTACT_KEYS:
            turn.say("contact_us")
        else:
            turn.say("offer_help")
    elif kind == "templatesendjobfinish":
        _template_delivery(turn, msg)
    # LOCATION reports, VIEW and the rest need no answer ("success")


def _template_delivery(turn: Turn, msg: InboundMessage) -> None:
    if not msg.msg_id:
        return
    for out in turn.session.scalars(sa.select(Message).where(
            Message.site_id == turn.site.id, Message.openid == msg.from_user, Message.direction == "out",
            Message.channel == "template")):
        if str((out.data or {}).get("msgid")) == str(msg.msg_id):
            out.delivery = (msg.status or "").lower() or "delivered"
            break


# How to send a photo or a video asked (我拍了视频 怎么发给你们, 能发照片吗): matched against bare() text
_HOW_TO_SEND = re.compile(r"(?:怎么|如何|怎样|能不能|能|可以|可不可以)(?:给你们)?(?:发|传|上传|发送)(?:给你们)?(?:个|一下|下)?(?:照片|图片|视频|录像|相片)|"
                          r"(?:照片|图片|视频|录像|相片)(?:要|该)?(?:怎么|如何|发哪|发到哪|往哪)(?:发|传)?|"
                          r"(?:拍了|录了|有)(?:个|一段|几张)?(?:照片|图片|视频|录像|相片)[^。！？!?]{0,4}(?:怎么|如何|能不能|可以|要不要)(?:发|传|给)")


def media_asked(turn: Turn, text: str) -> bool:
    """Answered at once: send it here, in this chat, and it goes on the report."""
    if _HOW_TO_SEND.search(intents.bare(text)) is None:
        return False
    turn.say("media_how")
    if turn.conv.state == AWAITING_IDENTITY:  # the report we hold still waits for who they are
        remind_identity(turn)
    return True
