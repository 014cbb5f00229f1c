"""The conversation with a tenant: which phrase to answer with, when to open, join or
dispatch a ticket, and when to ask who the tenant is. State lives in the database
(Conversation, with an expiry), so any web process can take the next message."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

import workflow
from bot.identity import Identity, find_addressed_name, find_name, find_phone, find_unit, parse_identity
from bot.protocol import InboundMessage
from models import (
    OPEN_STATUSES,
    Channel,
    Conversation,
    Message,
    Outbox,
    Site,
    Status,
    Tenant,
    Ticket,
    Unit,
)
from nlp import taxonomy
from workflow import faq, machine, surveys
from workflow.classification import classify
from workflow.held_reports import AWAITING_IDENTITY, attach_held_media, flush_expired, register_pending
from workflow.phrasebook import phrase, ticket_eta

DIALOG_TTL = timedelta(minutes=10)  # how long we wait for name/phone/unit before registering anyway
JOIN_WINDOW = timedelta(minutes=30)  # follow-up messages about the same problem join its ticket
PROGRESS_KEYS = {"PROGRESS", "查询进度", "progress"}
REPAIR_KEYS = {"REPAIR", "报修", "repair"}
COMPLAINT_KEYS = {"COMPLAINT", "投诉", "complaint"}
CONTACT_KEYS = {"CONTACT", "联系我们", "contact"}

_PUNCT = re.compile(r"[\s，。,.!！?？~～、:：;；…·\"'“”‘’()（）【】\[\]]+")
_GREETING = re.compile(r"^(你好|您好|hello|hi|嗨|在吗|在不在|有人吗|哈喽|喂|早上好|下午好|晚上好)+$", re.I)
# One plain alternation, stripped rather than repeated: `^(嗯|嗯嗯|…)+$` backtracked
# exponentially on "嗯"×48 + "吗" (issue 16).
_BYE = re.compile(r"谢谢|多谢|谢了|好的|好|ok|嗯|收到|知道了|再见|拜拜|没事了|没有了", re.I)
# Money and receipts need the explicit word the notice asked for (回复「确认」); a passing
# "好的" must not accept a paid quote.
_YES = re.compile(r"^(确认|确定|同意)(维修|修理|报价|收到)?$")
_NO = re.compile(r"^(不同意|不要|取消|太贵了?|算了|不修了?|不用了?|拒绝|不行)+$", re.I)
# "不用修了，已经好了": staff confirm with the tenant and close; the bot never closes a ticket itself
_CANCEL = re.compile(r"不用(修|来|派人|维修|处理)了|不需要(维修|修|处理|来)?了|(已经|自己)(修)?好了|修好了不用|"
                     r"取消(报修|维修|工单|投诉)|撤(销|回)(报修|工单|投诉)")
_PROGRESS = re.compile(r"进度|进展|查询|查一下|查下|怎么样了|处理到哪|到哪一步|什么时候(来|到|修)|修好了没|有人来吗|结果呢")
NO_SERVICE = ("外卖", "快递代收", "代收快递", "搬家", "家政", "租车", "订票", "代购", "办签证", "叫车")


@dataclass
class Turn:
    session: so.Session
    site: Site
    tenant: Tenant
    conv: Conversation
    message: Message
    now: datetime
    first_contact: bool
    recent_open_ticket: bool = True  # False: no open ticket younger than JOIN_WINDOW, nothing to join
    reply: list[str] = field(default_factory=list)

    def keep_conv(self) -> Conversation:
        """The conversation row, inserted the first time the dialog has something to keep:
        most turns (a known tenant reporting) never need one."""
        if sa.inspect(self.conv).transient:
            self.conv = _insert_once(self.session, self.conv, _CONVERSATION,
                                     {"site_id": self.site.id, "openid": self.conv.openid})
        return self.conv

    def message_id(self) -> int:
        """The inbound message's id, inserting it now; most turns never need it, and the
        webhook inserts it with the reply at the end (one INSERT instead of INSERT + UPDATEs)."""
        if self.message.id is None:
            self.session.add(self.message)
            self.session.flush()
        return self.message.id

    def say(self, key: str, **values) -> None:
        self.reply.append(phrase(key, self.site, **values))

    def text(self) -> Optional[str]:
        return "\n".join(self.reply) or None


def fallback_reply(site: Site) -> str:
    return phrase("check_first", site)


def throttled_reply(site: Site) -> str:
    return phrase("too_many_messages", site)


def handle(session: so.Session, site: Site, msg: InboundMessage, message: Message, lookup: Lookup) -> Optional[str]:
    """The reply to one message, with everything it changes added to `session`. `lookup`
    is the sender's row as `look_up` read it (the webhook reads it while Redis answers)."""
    now = lookup.at
    tenant, conv, recent_open_ticket = _tenant_and_conversation(session, site, msg.from_user, lookup)
    first_contact = tenant.last_inbound_at is None or tenant.last_inbound_at < now - DIALOG_TTL
    if conv.state == AWAITING_IDENTITY and (conv.expires_at is None or conv.expires_at < now):
        # the tenant never answered: keep the report
        recent_open_ticket |= register_pending(session, site, tenant, conv) is not None
    message.tenant_id = tenant.id
    turn = Turn(session, site, tenant, conv, message, now, first_contact, recent_open_ticket)
    if msg.msg_type == "event":
        _event(turn, msg)
    elif msg.msg_type == "text":
        _text(turn, msg.content or "")
    elif msg.msg_type == "voice":
        if (msg.recognition or "").strip():
            _text(turn, msg.recognition)
        else:
            turn.say("voice_unrecognised")
    elif msg.msg_type in ("image", "video", "shortvideo"):
        _media(turn, msg)
    elif msg.msg_type == "location":
        _note_on_open_ticket(turn, f"租户发送位置：{msg.label or ''}（{msg.location_x},{msg.location_y}）")
        turn.say("location_received")
    elif msg.msg_type == "link":
        _note_on_open_ticket(turn, f"租户发送链接：{message.content}")
        turn.say("link_received")
    else:
        turn.say("unsupported")
    _seen(tenant, now)
    if turn.conv.state != "idle":
        turn.conv.expires_at = now + DIALOG_TTL
    return turn.text()


# --- people and state ---------------------------------------------------------------------

_TENANT = sa.select(Tenant).where(Tenant.site_id == sa.bindparam("site_id"), Tenant.openid == sa.bindparam("openid"))
_CONVERSATION = sa.select(Conversation).where(Conversation.site_id == sa.bindparam("site_id"),
                                              Conversation.openid == sa.bindparam("openid"))


@dataclass(frozen=True)
class Lookup:
    """What one query tells about the sender at `at`: the tenant (None for one we have
    never heard from), where the dialog stands (None: nothing kept) and whether the tenant
    has an open ticket younger than JOIN_WINDOW."""
    at: datetime
    tenant: Optional[Tenant] = None
    conv: Optional[Conversation] = None
    recent_open_ticket: bool = False


def look_up(session: so.Session, site: Site, openid: str) -> Lookup:
    """Read only (the webhook runs it while Redis checks the nonce): the tenant with its
    unit, where the dialog stands and whether there is anything to join, in one query."""
    now = machine.now()
    recent_open_ticket = sa.exists().where(
        Ticket.tenant_id == Tenant.id, Ticket.status != Status.CLOSED, Ticket.created_at >= now - JOIN_WINDOW)
    row = session.execute(
        sa.select(Tenant, Conversation, recent_open_ticket)
        .outerjoin(Tenant.unit).options(so.contains_eager(Tenant.unit))
        .outerjoin(Conversation, sa.and_(Conversation.site_id == Tenant.site_id, Conversation.openid == Tenant.openid))
        .where(Tenant.site_id == site.id, Tenant.openid == openid)
    ).first()
    if row is None:
        return Lookup(now)
    tenant, conv, recent = row
    return Lookup(now, tenant, conv, bool(recent))


def _tenant_and_conversation(session, site, openid, lookup: Lookup) -> tuple[Tenant, Conversation, bool]:
    """The tenant (created on first contact), where the dialog stands, and whether there is
    anything to join, from `lookup` for a tenant we know. A tenant with no stored
    conversation gets an unsaved idle one."""
    if lookup.tenant is not None:
        tenant, conv, recent_open_ticket = lookup.tenant, lookup.conv, lookup.recent_open_ticket
    else:
        params = {"site_id": site.id, "openid": openid}
        tenant = _insert_once(session, Tenant(site_id=site.id, openid=openid, subscribed=True), _TENANT, params)
        conv, recent_open_ticket = session.scalar(_CONVERSATION, params), False
    if conv is None:
        conv = Conversation(site_id=site.id, openid=openid, state="idle", data={})
    return tenant, conv, bool(recent_open_ticket)


def _seen(tenant: Tenant, now: datetime) -> None:
    """Record when the tenant last wrote: it opens WeChat's 48 h window for our messages."""
    tenant.last_inbound_at = now


def _insert_once(session, row, query, params):
    """Insert, or take the row a concurrent request inserted first."""
    try:
        with session.begin_nested():
            session.add(row)
        return row
    except sa.exc.IntegrityError:
        return session.scalar(query, params)


def _identity_missing(turn: Turn) -> list[str]:
    t, data = turn.tenant, turn.conv.data or {}
    missing = []
    if not t.name:
        missing.append("name")
    if not t.phone:
        missing.append("phone")
    if not (t.unit_id or data.get("unit")):
        missing.append("unit")
    return missing


def _ask_identity(turn: Turn, missing: list[str]) -> None:
    for key in missing:
        turn.say({"name": "ask_name", "phone": "ask_phone", "unit": "ask_unit"}[key])


def _set_conv(turn: Turn, state: str, **data) -> None:
    """Going idle forgets the held report but keeps the unit the tenant told us (it may be
    one the site has not registered, so it is not on the tenant)."""
    conv = turn.keep_conv()
    old = conv.data or {}
    conv.state = state
    if state == "idle":
        old = {"unit": old["unit"]} if old.get("unit") else {}
    conv.data = {**old, **data}


def _apply_identity(turn: Turn, found: Identity) -> None:
    tenant = turn.tenant
    if found.name:
        tenant.name = found.name
    if found.phone:
        tenant.phone = found.phone
    if found.unit:
        unit = turn.session.scalar(sa.select(Unit).where(
            Unit.site_id == turn.site.id, sa.func.upper(Unit.code) == found.unit.upper()))
        if unit is not None:
            tenant.unit = unit
        conv = turn.keep_conv()
        conv.data = {**(conv.data or {}), "unit": unit.code if unit else found.unit}


# --- text ---------------------------------------------------------------------------------

def _bare(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()


def _text(turn: Turn, text: str) -> None:
    text = (text or "").strip()
    bare = _bare(text)
    if not bare:
        turn.say("unclear")
        return
    if turn.conv.state == AWAITING_IDENTITY and _identity_answer(turn, text):
        return
    if _quote_or_receipt(turn, bare) or _survey_answer(turn, text):
        return
    if _GREETING.match(bare):
        turn.say("greeting", centre=turn.site.name)
        turn.say("offer_help")
        return
    if not _BYE.sub("", bare):  # nothing but farewell words
        if turn.conv.state == AWAITING_IDENTITY:  # "谢谢" is not goodbye while we still need to know who
            _remind_identity(turn)
        else:
            turn.say("goodbye")
        return
    result = classify(turn.session, text)
    if result.urgent:  # a danger now: no question, chase or 问答 stands in its way
        _remember_told(turn, text)
        _report(turn, text, result)
        return
    if _PROGRESS.search(text) and result.intent == "inquiry" and result.emotion != "upset":
        _progress(turn)
        return
    if (_CANCEL.search(text) and result.intent not in ("repair", "complaint")  # not "修好了，又漏了"
            and turn.conv.state != AWAITING_IDENTITY and _cancel_request(turn, text)):
        return
    if result.code == "SVC-SLOW" and result.emotion != "upset" and _chase(turn, text):
        return
    asked = faq.ask(turn.session, turn.site, turn.tenant, text, result)  # the centre's 问答 answers at once
    if asked.answer is not None:
        if turn.first_contact:
            turn.say("greeting", centre=turn.site.name)
        turn.reply.append(asked.answer)
        return
    if any(word in text for word in NO_SERVICE) and result.intent not in ("repair", "complaint"):
        turn.say("no_service")
        return
    told = _remember_told(turn, text)
    if result.intent == "praise":
        turn.say("praise_thanks")
        return
    if result.code == taxonomy.OTHER and result.intent == "other":
        if turn.conv.state == AWAITING_IDENTITY:
            _remind_identity(turn)
        elif _follow_up(turn, text):
            pass
        elif told:  # "我是李娜，L3-008，电话139…" and nothing else: noted, not "I did not understand"
            if turn.first_contact:
                turn.say("greeting", centre=turn.site.name)
            turn.say("contact_saved")
            if not turn.first_contact:
                turn.say("offer_help")
        elif has_substance(text):  # said something we do not understand: a person reads it
            ticket = _register(turn, text, result)
            _flag_for_triage(ticket, TRIAGE_NOT_UNDERSTOOD)
            turn.say("check_first")
            turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
        else:  # empty or garbled only
            turn.say("unclear")
        return
    if result.intent in ("inquiry", "suggestion"):
        ticket = _register(turn, text, result)
        faq.handed_over(asked, ticket)
        turn.say("check_first" if result.intent == "inquiry" else "suggestion_thanks")
        turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
        return
    _report(turn, text, result)


def _remember_told(turn: Turn, text: str) -> Identity:
    """Who/where told along with the report ("L2-015铺…，电话138…") is remembered."""
    name = find_name(text) or (None if turn.tenant.name else find_addressed_name(text))
    told = Identity(name=name, phone=find_phone(text), unit=find_unit(text))
    _apply_identity(turn, told)
    return told


def _identity_answer(turn: Turn, text: str) -> bool:
    """While we wait for name/phone/unit: take what the tenant tells us. A message that
    is a new problem rather than an answer is not consumed here."""
    found = parse_identity(text)
    if not found:
        return False
    result = classify(turn.session, text)
    if result.urgent:  # "二号楼电梯困人" names a building, but it is an emergency, not an answer
        return False
    if found.name and result.intent != "other":
        found.name = None  # "水管爆了" is a report, not a name
    if not found:
        return False
    _apply_identity(turn, found)
    _identity_told(turn)
    return True


def _identity_told(turn: Turn, acknowledged: bool = False) -> None:
    """The tenant told us some of who they are (in words, or by scanning their unit's QR
    code, which `acknowledged` already): the ticket opened at once gets it, then we ask
    for what is still missing, or open the report we held."""
    data = turn.conv.data or {}
    missing = _identity_missing(turn)
    ticket = turn.session.get(Ticket, data["ticket_id"]) if data.get("ticket_id") else None
    if ticket is not None:
        workflow.update_contact(turn.session, ticket, None, complainant=turn.tenant.name,
                                phone=turn.tenant.phone, unit_code=data.get("unit"))
    if missing:
        if not acknowledged:
            turn.say("contact_saved")
        _ask_identity(turn, missing)
        return
    if ticket is None:
        ticket = register_pending(turn.session, turn.site, turn.tenant, turn.conv)
        if ticket is not None:
            turn.say("help_coming" if ticket.intent == "repair" else "thanks_complaint")
            if ticket.intent == "repair":
                workflow.call_desk(turn.session, ticket)
            turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
            return
    if not acknowledged:
        turn.say("contact_saved")
    if ticket is not None:
        turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
    _set_conv(turn, "idle")


def _cancel_request(turn: Turn, text: str) -> bool:
    """"不用修了": noted on the newest open ticket for staff to confirm and close."""
    ticket = _note_on_open_ticket(turn, f"租户表示不需要继续处理：{text}（请与租户确认后结案）")
    if ticket is None:  # nothing to cancel: not an inquiry ticket about it either
        turn.say("progress_none")
    else:
        turn.say("cancel_noted", number=ticket.number)
    return True


def _chase(turn: Turn, text: str) -> bool:
    """"还没人来吗" from a tenant with an open ticket chases that ticket: noted on it, and
    its progress in the reply, rather than a second ticket. An upset chase is a complaint
    of its own (sympathy, escalation, a supervisor), handled as a report."""
    ticket = _note_on_open_ticket(turn, f"租户催办：{text}")
    if ticket is None:
        return False
    turn.say("chase_noted", number=ticket.number)
    turn.say("progress_item", number=ticket.number, code_name=taxonomy.name_of(ticket.code),
             status=ticket.status.label, eta=ticket_eta(ticket, turn.site, progress=True))
    return True


def _follow_up(turn: Turn, text: str) -> bool:
    """What we cannot classify, right after a report ("明天上午能来吗"), goes on that
    ticket for staff to read, rather than "I did not understand"."""
    if not turn.recent_open_ticket:
        return False
    tickets = _open_tickets(turn)
    if not tickets or tickets[0].created_at < turn.now - JOIN_WINDOW:
        return False
    _join(turn, tickets[0], text)
    return True


def _join(turn: Turn, ticket: Ticket, text: str) -> None:
    _note(turn, ticket, f"租户补充：{text}")
    turn.say("joined_ticket", number=ticket.number)


def _remind_identity(turn: Turn) -> None:
    """While we wait for who the tenant is: a report we hold is not forgotten (say so,
    rather than "no open tickets" or "I did not understand"), and ask again for what is
    missing."""
    data = turn.conv.data or {}
    held = (data.get("pending") or {}).get("texts") or data.get("media")
    missing = _identity_missing(turn)
    if not missing:  # completed elsewhere meanwhile (a clerk, a scan): open what we hold
        _identity_told(turn, acknowledged=True)
        return
    if held and not data.get("ticket_id"):
        turn.say("report_held")
    _ask_identity(turn, missing)


def _open_tickets(turn: Turn, *statuses) -> list[Ticket]:
    return list(turn.session.scalars(
        sa.select(Ticket).where(Ticket.tenant_id == turn.tenant.id, Ticket.status.in_(statuses or OPEN_STATUSES))
        .order_by(Ticket.created_at.desc())
    ))


def _quote_or_receipt(turn: Turn, bare: str) -> bool:
    yes, no = bool(_YES.match(bare)), bool(_NO.match(bare))
    if not (yes or no):
        return False
    quoted = _open_tickets(turn, Status.QUOTED)
    if quoted:
        workflow.answer_quote(turn.session, quoted[0], None, accepted=yes)
        turn.say("quote_accepted" if yes else "quote_declined")
        return True
    if yes:
        done = [t for t in _open_tickets(turn, Status.COMPLETED, Status.CLOSED)[:3] if not t.receipt_confirmed
                and t.completed_at is not None]
        if done:
            workflow.confirm_receipt(turn.session, done[0], None)
            turn.say("receipt_confirmed")
            return True
    return False


def _survey_answer(turn: Turn, text: str) -> bool:
    parsed = surveys.parse_chat_answer(text)
    if parsed is None:
        return False
    survey = surveys.open_survey(turn.session, turn.tenant.id)
    if survey is None:
        return False
    reopened = surveys.answer_survey(turn.session, survey, score=parsed[0], comment=parsed[1], channel="chat")
    turn.say("survey_sorry" if reopened else "survey_thanks")
    return True


def _progress(turn: Turn) -> None:
    """The tenant's open tickets; while we wait for who they are, the report we hold too."""
    tickets = _open_tickets(turn)[:5]
    waiting = turn.conv.state == AWAITING_IDENTITY
    if not tickets and not waiting:
        turn.say("progress_none")
    for t in tickets:
        turn.say("progress_item", number=t.number, code_name=taxonomy.name_of(t.code), status=t.status.label,
                 eta=ticket_eta(t, turn.site, progress=True))
    if waiting:
        _remind_identity(turn)


def _report(turn: Turn, text: str, result) -> None:
    """A repair or a complaint: join, dispatch at once, or wait for who the tenant is."""
    joined = _joinable(turn, result.code)
    if joined is not None and result.urgent and not joined.urgent:
        joined = None  # an emergency is never a note on an ordinary ticket, even of its code
    if joined is not None:
        _join(turn, joined, text)
        return
    missing = _identity_missing(turn)
    upset = result.emotion == "upset"
    if result.urgent or upset or not missing:
        ticket = _register(turn, text, result)
        if result.urgent and result.code == taxonomy.OTHER:  # a call for help, no fault named
            _flag_for_triage(ticket, TRIAGE_CALL_FOR_HELP)
        if result.urgent:
            workflow.dispatch(turn.session, ticket, None)
        if turn.first_contact and not upset:
            turn.say("greeting", centre=turn.site.name)
        if upset:
            turn.say("sympathy")
            turn.say("escalate")
        elif result.intent == "repair" or result.urgent:
            turn.say("help_coming")
            workflow.call_desk(turn.session, ticket)
        elif _needs_decision(result):
            turn.say("escalate")
            workflow.escalate(turn.session, ticket, None, reason="租户投诉需领导答复，微信已答复「我马上向领导汇报」")
        turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
        if result.intent == "complaint":
            turn.say("thanks_complaint")
        if missing:
            _set_conv(turn, AWAITING_IDENTITY, ticket_id=ticket.id)
            _ask_identity(turn, missing)
        return
    pending = (turn.conv.data or {}).get("pending") if turn.conv.state == AWAITING_IDENTITY else None
    if pending and pending.get("code") != result.code:  # a second problem: open the first with what we know
        first = register_pending(turn.session, turn.site, turn.tenant, turn.conv)
        if first is not None:
            turn.say("ticket_opened", number=first.number, eta=ticket_eta(first, turn.site))
        pending = None
    texts = (pending or {}).get("texts", []) + [text]
    _set_conv(turn, AWAITING_IDENTITY, pending={"texts": texts, "code": result.code,
                                                "message_ids": (pending or {}).get("message_ids", []) +
                                                [turn.message_id()]})
    if turn.first_contact:
        turn.say("greeting", centre=turn.site.name)
    _ask_identity(turn, missing)


TRIAGE_NOT_UNDERSTOOD, TRIAGE_CALL_FOR_HELP = "not_understood", "call_for_help"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_FILLER = re.compile(r"你好|您好|在吗|在不在|谢谢|好的|嗯+|哦+|啊+|哈+|呵+|吗|呢|吧|了|的")


def has_substance(text: str) -> bool:
    """Whether a message says something a person should read: a few Chinese characters
    beyond greetings and particles (not "asdfgh", "？？", "嗯嗯", emoji)."""
    return len(_HAN.findall(_FILLER.sub("", text or ""))) >= 3


def _flag_for_triage(ticket: Ticket, reason: str) -> None:
    """On the desk's 待分诊 list until a clerk reclassifies or dispatches it."""
    ticket.triage = reason


def _needs_decision(result) -> bool:
    return result.intent == "complaint" and result.code in ("SVC-ATTI", "SVC-SLOW", "FEE-BILL")


def _joinable(turn: Turn, code: str) -> Optional[Ticket]:
    if not turn.recent_open_ticket:
        return None
    return turn.session.scalars(
        sa.select(Ticket).where(Ticket.tenant_id == turn.tenant.id, Ticket.code == code,
                                Ticket.status != Status.CLOSED, Ticket.created_at >= turn.now - JOIN_WINDOW)
        .order_by(Ticket.created_at.desc()).limit(1)).first()


def _register(turn: Turn, text: str, result) -> Ticket:
    ticket = workflow.register(
        turn.session, turn.site, content=text, channel=Channel.WECHAT, tenant=turn.tenant,
        unit_code=(turn.conv.data or {}).get("unit"), classification=result,
    )
    turn.message.ticket = ticket  # the id is filled in when the transaction flushes
    turn.recent_open_ticket = True
    attach_held_media(turn.session, turn.conv, ticket)
    return ticket


# --- media, events ------------------------------------------------------------------------

def _note_on_open_ticket(turn: Turn, note: str) -> Optional[Ticket]:
    tickets = _open_tickets(turn)
    if not tickets:
        return None
    _note(turn, tickets[0], note)
    return tickets[0]


def _note(turn: Turn, ticket: Ticket, note: str) -> None:
    """On the ticket's timeline for staff, and the message filed with it."""
    workflow.add_note(turn.session, ticket, None, note)
    turn.message.ticket_id = ticket.id


def _media(turn: Turn, msg: InboundMessage) -> None:
    tickets = _open_tickets(turn)
    if tickets and tickets[0].created_at >= turn.now - timedelta(days=3):
        ticket = tickets[0]
        turn.message.ticket_id = ticket.id
        workflow.add_note(turn.session, ticket, None, "租户发来图片")
        turn.session.add(Outbox(kind="download_media", ticket=ticket, payload={"message_id": turn.message_id()}))
        turn.say("photo_received", number=ticket.number)
        return
    # No open ticket: hold the photo until the tenant says what it shows (or the dialog expires).
    conv = turn.keep_conv()
    data = conv.data or {}
    conv.state = AWAITING_IDENTITY
    conv.data = {**data, "media": data.get("media", []) + [turn.message_id()]}
    turn.say("photo_need_text")


def _event(turn: Turn, msg: InboundMessage) -> None:
    event, key = msg.event, (msg.event_key or "").strip()
    if event == "subscribe":
        turn.tenant.subscribed = True
        turn.say("greeting", centre=turn.site.name)
        if key.startswith("qrscene_"):
            _bind_unit(turn, key[len("qrscene_"):])
        turn.say("offer_help")
    elif event == "scan":
        _bind_unit(turn, key)
    elif event == "unsubscribe":
        turn.tenant.subscribed = False
    elif event == "click":
        if key in PROGRESS_KEYS:
            _progress(turn)
        elif key in REPAIR_KEYS:
            turn.say("menu_repair")
        elif key in COMPLAINT_KEYS:
            turn.say("menu_complaint")
        elif key in CONTACT_KEYS:
            turn.say("contact_us")
        else:
            turn.say("offer_help")
    elif event == "templatesendjobfinish":
        _template_delivery(turn, msg)
    # LOCATION reports, VIEW and the rest need no answer ("success")


def _bind_unit(turn: Turn, code: str) -> None:
    unit = turn.session.scalar(sa.select(Unit).where(Unit.site_id == turn.site.id,
                                                     sa.func.upper(Unit.code) == code.upper()))
    if unit is None:
        turn.say("unit_unknown", unit=code[:20])
        return
    turn.tenant.unit = unit
    turn.say("bound_unit", unit=unit.code)
    if turn.conv.state == AWAITING_IDENTITY:  # scanned instead of typing the unit we asked for
        conv = turn.keep_conv()
        conv.data = {**(conv.data or {}), "unit": unit.code}
        _identity_told(turn, acknowledged=True)


def _template_delivery(turn: Turn, msg: InboundMessage) -> None:
    if not msg.msg_id:
        return
    for out in turn.session.scalars(sa.select(Message).where(
            Message.site_id == turn.site.id, Message.openid == msg.from_user, Message.direction == "out",
            Message.channel == "template")):
        if str((out.data or {}).get("msgid")) == str(msg.msg_id):
            out.delivery = (msg.status or "").lower() or "delivered"
            break


__all__ = ["fallback_reply", "flush_expired", "handle", "register_pending"]
