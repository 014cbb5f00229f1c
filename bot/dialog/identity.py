"""Who the tenant is: what we still need (name, phone, unit), asking for it, taking it
from what they write or from the unit's QR code they scan, and opening the report we
held meanwhile once we know enough."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

import workflow
from bot.dialog import intents
from bot.dialog.emergencies import names_nothing_of_its_own
from bot.dialog.notes import note
from bot.identity import (
    SURNAME_ONLY,
    Identity,
    beyond_who,
    could_be_name,
    find_addressed_name,
    find_block,
    find_flat,
    find_name,
    find_phone,
    find_signed_name,
    find_unit,
    leftover,
    lone_surname,
    looks_like_name,
    only_block,
    parse_identity,
    titled,
)
from models import Ticket, Unit
from nlp import taxonomy
from workflow.held_reports import (
    AWAITING_IDENTITY,
    TRIAGE_NOT_UNDERSTOOD,
    about_nothing_yet,
    register_pending,
    settle_held_beside,
)
from workflow.phrasebook import ticket_eta

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


def identity_missing(turn: Turn) -> list[str]:
    t, data = turn.tenant, turn.conv.data or {}
    missing = []
    if not t.name:
        missing.append("name")
    if not t.phone:
        missing.append("phone")
    if not (t.unit_id or data.get("unit") or data.get("visitor")):
        missing.append("unit")
    return missing


# A shopper or a passer-by has no 铺位号 to give (我是顾客 不是租户): asked for one again and again
_VISITOR = re.compile(r"我(?:只)?是(?:顾客|客人|路人|访客|游客|消费者|过路的|路过的|来逛街的|来买东西的|来吃饭的)|"
                      r"(?:不是|并非)(?:这里的)?(?:租户|商户|住户)")  # 不是业主 is said by a renter, who has a unit


_VISITOR_ONLY = re.compile(r"^(?:" + _VISITOR.pattern + r")的?(?:呀|啊|哈|哦)?$")


def said_who_first(turn: Turn, text: str) -> bool:
    """「3栋2单元」 or 「我是顾客」 alone, before any problem: kept for the report that follows
    (the flat may come with the name), and the problem asked for, not a message left for
    the desk to triage. With a report held or just made, the identity paths take it."""
    block, visitor = only_block(text), bool(_VISITOR_ONLY.match(intents.bare(text)))
    if not (block or visitor) or held_report(turn) or turn.recent_open_ticket:
        return False
    conv = turn.keep_conv()
    conv.data = {**(conv.data or {}), **({"block": block} if block else {}), **({"visitor": True} if visitor else {})}
    if turn.first_contact:
        turn.say("greeting", centre=turn.site.name)
    turn.say("ask_what_problem")
    return True


def told_visitor(turn: Turn, text: str) -> None:
    if _VISITOR.search(text):
        conv = turn.keep_conv()
        conv.data = {**(conv.data or {}), "visitor": True}


def ask_identity(turn: Turn, missing: list[str]) -> None:
    for key in missing:
        turn.say({"name": "ask_name", "phone": "ask_phone", "unit": "ask_unit"}[key])


def set_conv(turn: Turn, state: str, **data) -> None:
    """Going idle forgets the held report but keeps the unit the tenant told us (it may be
    one the site has not registered, so it is not on the tenant)."""
    conv = turn.keep_conv()
    old = conv.data or {}
    conv.state = state
    if state == "idle":
        old = {"unit": old["unit"]} if old.get("unit") else {}
    conv.data = {**old, **data}


def held_report(turn: Turn) -> Optional[dict]:
    """The report we hold while we ask who the tenant is (its texts, code and message ids)."""
    return (turn.conv.data or {}).get("pending") if turn.conv.state == AWAITING_IDENTITY else None


def hold_words(turn: Turn, text: str, **changes) -> None:
    """The message's words go with the report we hold (a new one if none is held), which
    waits for who the tenant is; `changes` set its other fields (code)."""
    pending = held_report(turn) or {}
    set_conv(turn, AWAITING_IDENTITY, pending={**pending, **changes, "texts": pending.get("texts", []) + [text],
                                               "message_ids": pending.get("message_ids", []) + [turn.message_id()]})


def apply_identity(turn: Turn, found: Identity) -> None:
    tenant = turn.tenant
    if found.name:
        tenant.name = found.name
    if found.phone:
        tenant.phone = found.phone
    if found.unit:
        unit = Unit.find(turn.session, turn.site.id, found.unit)
        if unit is not None:
            tenant.unit = unit
        conv = turn.keep_conv()
        conv.data = {**(conv.data or {}), "unit": unit.code if unit else found.unit}


def names_a_person(turn: Turn, word: str, asked: bool = False) -> bool:
    """A name (unasked, one that looks like a signature's: bot.identity.looks_like_name)
    that carries no keyword of two characters or more: 马桶 and 高压线 are things, while
    钱七 is a person whatever 钱 sounds like."""
    if titled(word) or lone_surname(word.removesuffix(SURNAME_ONLY)):  # 刘经理, 林先生/女士
        return True
    if not (could_be_name(word) if asked else looks_like_name(word)):
        return False
    return not any(len(hit) >= 2 and hit in word for hit in turn.classify(word).evidence)


def only_who(turn: Turn, text: str, asked: bool = False) -> bool:
    """The message says who or where the tenant is and nothing else (我是钱七 L3-008 135…;
    asked who they are, a bare name too): no report, whatever its words sound like."""
    if not (asked or find_phone(text) or find_unit(text) or find_name(text)):
        return False
    rest = leftover(text)
    if rest.startswith("姓"):  # 我是L2-015的 137… 姓钱: the surname told
        rest = rest[1:]
    return not rest or names_a_person(turn, rest, asked)


# the words an English speaker says around who they are (Hi, this is Mary from shop L2-015)
_LATIN_WORD = re.compile(r"[A-Za-z']{2,20}")
_WHO_WORDS = frozenset(
    "hi hello hey dear this is it's i i'm am my me name from shop room rm unit office suite store flat apt no "
    "number tel phone mobile contact call thanks thank you please mr mrs ms miss the here at in of and".split()
)


def says_more_than_who(turn: Turn, text: str) -> bool:
    """Besides who and where, a trouble a person should read, which the rules could not place
    (那个东西又不行了, or English: the air conditioner is not working). An introduction says
    more too (新来的商户 店名叫花语), but names no trouble: it is only noted."""
    if only_who(turn, text) or not _TROUBLE.search(text):
        return False
    latin = [w for w in _LATIN_WORD.findall(text) if w.lower() not in _WHO_WORDS]
    return intents.has_substance(beyond_who(text)) or len(latin) >= 4


# how a trouble is told, whatever it is about: something not right, a question, a request
_TROUBLE = re.compile(r"不|没|坏|问题|怎么|为什么|吗|呢|[?？]|麻烦|帮|看看|又|(?i:\b(?:not|no|broken|problem|issue|help|"
                      r"please|can|could|why|how|doesn't|isn't|won't|can't|stuck|leak\w{0,3})\b)")


def remember_told(turn: Turn, text: str) -> Identity:
    """Who/where told along with the report ("L2-015铺…，电话138…", "李四 139… 网络断了")
    is remembered."""
    told_visitor(turn, text)
    name = find_name(text)
    if name is None and not turn.tenant.name:
        asked = turn.conv.state == AWAITING_IDENTITY
        name = find_addressed_name(text) or find_signed_name(text, beside_unit=asked)
        if name is not None and not names_a_person(turn, name):
            name = None
    told = Identity(name=name, phone=find_phone(text), unit=find_unit(text))
    apply_identity(turn, told)
    return told


def identity_answer(turn: Turn, text: str) -> bool:
    """While we wait for name/phone/unit: take what the tenant tells us. A message that
    is a new problem rather than an answer is not consumed here: its turn takes both the
    problem and the who/where in it ("L2-015 卫生间也漏水了")."""
    told_visitor(turn, text)
    found = parse_identity(text)
    if found.unit and landmark_told(turn, text):
        found.unit = None
        if not found:  # the place alone: who is writing is still to be told
            remind_identity(turn)
            return True
    block = unit_in_pieces(turn, text, found)
    if not (found or block):
        return False
    refused = intents.DECLINE.search(text)  # "不想说" is a refusal, not a name
    if refused or not only_who(turn, text, asked=True):
        if intents.opener(intents.bare(leftover(text))) is None:  # not 「我是来报修的 L2-015」
            result = turn.classify(text)
            if result.urgent or (result.intent != "other" and result.code not in intents.NO_FAULT_CODES):
                return False  # "二号楼电梯困人", "L2-015 卫生间也漏水了": a report of its own
        if found.name and (refused or not could_be_name(found.name)):
            found.name = None
    if not (found or block):
        return False
    apply_identity(turn, found)
    opened = ticket_opened_at_once(turn) if block else None
    if opened is not None:  # 在2号楼 after 电梯里困了三个人: where the responders go
        note(turn, opened, f"租户补充：{text}")
    elif block and held_report(turn):  # 7号楼3单元 is also where the 楼道 lamp is: staff read it
        hold_words(turn, text)
    identity_told(turn)
    return True


# A unit named as a landmark (L2-018门口, 在L1-005对面): where something is, beside a shop
# that need not be the tenant's. Matched against bare() text.
_BESIDE_UNIT = re.compile(r"[a-z][0-9]{1,2}-?[0-9]{2,4}(?:号|铺|店)?的?(?:门口|门前|旁边|对面|附近|隔壁|前面|外面|那边|那儿|那里)")


def landmark_told(turn: Turn, text: str) -> bool:
    """「在二楼 L2-018门口」 while we ask who reported the break-in at the neighbour's: where
    the emergency is, on its ticket for the responders, and not the tenant's own shop."""
    opened = ticket_opened_at_once(turn)
    if opened is None or not opened.urgent or not _BESIDE_UNIT.search(intents.bare(text)):
        return False
    note(turn, opened, f"租户补充：{text}")
    turn.say("help_coming")
    turn.say("joined_ticket", number=opened.number)
    return True


def unit_in_pieces(turn: Turn, text: str, found: Identity) -> bool:
    """7号楼3单元, then 我是702的: a building told alone is kept, and a flat's number told
    after it makes the unit (7-3-702). Returns whether this message told a building alone."""
    data = turn.conv.data or {}
    if found.unit:
        return False
    block = find_block(text)
    if block:
        conv = turn.keep_conv()
        conv.data = {**data, "block": block}
        return True
    flat = find_flat(text) if data.get("block") else None
    if flat:
        found.unit = f"{data['block']}-{flat}"
    return False


def ticket_opened_at_once(turn: Turn) -> Optional[Ticket]:
    """The ticket an emergency opened before we knew who the tenant is, if any (the latest)."""
    ticket_id = (turn.conv.data or {}).get("ticket_id")
    return turn.session.get(Ticket, ticket_id) if ticket_id else None


def wait_for_identity_after(turn: Turn, ticket: Ticket) -> None:
    """An emergency opened before we know who is writing: ask, and remember it with any
    opened before it (电梯困人, then 车库着火), so each gets the contact the tenant gives.
    A report we held about the same (B座电梯又坏了, then 关在里面两个人) goes on it now, for
    the responders on their way; one about another fault opens when we know who, or expires."""
    if ticket.id is None:  # an upset complaint is not dispatched, which would have flushed it
        turn.session.flush()
    waiting = turn.conv.state == AWAITING_IDENTITY
    earlier = (turn.conv.data or {}).get("opened_at_once", []) if waiting else []
    pending = held_report(turn) or {}
    held = pending.get("code")
    if held and (held == ticket.code or ticket.code == taxonomy.OTHER or names_nothing_of_its_own(ticket.content)) \
            or about_nothing_yet(pending):
        settle_held_beside(turn.session, turn.site, turn.tenant, turn.conv, ticket, same_problem=True)
    set_conv(turn, AWAITING_IDENTITY, ticket_id=ticket.id, opened_at_once=[*earlier, ticket.id])


def _open_beside(turn: Turn, ticket: Ticket) -> None:
    """The ticket opened at once, told again, and the report we held beside it: on it, or
    opened as its own (a held 空调不制冷 is not dropped for a 水管爆了 that came after)."""
    turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
    held = settle_held_beside(turn.session, turn.site, turn.tenant, turn.conv, ticket)
    if held is not None:
        turn.say("ticket_opened", number=held.number, eta=ticket_eta(held, turn.site))


def identity_told(turn: Turn, acknowledged: bool = False) -> None:
    """The tenant told us some of who they are (in words, or by scanning their unit's QR
    code, which `acknowledged` already): the ticket opened at once gets it, then we ask
    for what is still missing, or open the report we held."""
    data = turn.conv.data or {}
    missing = identity_missing(turn)
    ticket = ticket_opened_at_once(turn)
    for ticket_id in data.get("opened_at_once") or ([ticket.id] if ticket is not None else []):
        workflow.update_contact(turn.session, turn.session.get(Ticket, ticket_id), None,
                                complainant=turn.tenant.name, phone=turn.tenant.phone, unit_code=data.get("unit"))
    if missing and ("phone" in missing or ticket is not None or not held_report(turn)):
        if not acknowledged:
            turn.say("contact_saved")
        ask_identity(turn, missing)
        return
    if ticket is None:
        # A phone is a way back to the tenant (我是一楼星巴克的 is no 铺位号 we can read): the
        # report opens now, and the name or unit still missing goes on it when told.
        if missing and not acknowledged:
            turn.say("contact_saved")
        ticket = register_pending(turn.session, turn.site, turn.tenant, turn.conv)
        if ticket is not None:
            if ticket.triage == TRIAGE_NOT_UNDERSTOOD:  # a photo and words we cannot read: a person asks
                turn.say("check_first")
            else:
                turn.say("help_coming" if ticket.intent == "repair" else "thanks_complaint")
            if ticket.intent == "repair":
                workflow.call_desk(turn.session, ticket)
            turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
            if missing:
                wait_for_identity_after(turn, ticket)
                ask_identity(turn, missing)
            return
    if not acknowledged:
        turn.say("contact_saved")
    if ticket is not None:
        _open_beside(turn, ticket)
    set_conv(turn, "idle")


def decline_identity(turn: Turn) -> bool:
    """The tenant would rather not say who they are: open what we hold with what we know
    (the desk answers through WeChat) and stop asking."""
    ticket = ticket_opened_at_once(turn)
    if ticket is not None:
        turn.say("identity_declined")
        _open_beside(turn, ticket)
    else:
        ticket = register_pending(turn.session, turn.site, turn.tenant, turn.conv)
        if ticket is None:
            return False
        if ticket.intent == "repair":
            workflow.call_desk(turn.session, ticket)
        turn.say("identity_declined")
        turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
    set_conv(turn, "idle")
    return True


def remind_identity(turn: Turn) -> None:
    """While we wait for who the tenant is: a report we hold is not forgotten (say so,
    rather than "no open tickets" or "I did not understand"), and ask again for what is
    missing."""
    data = turn.conv.data or {}
    held = (data.get("pending") or {}).get("texts") or data.get("media")
    missing = identity_missing(turn)
    if not missing:  # completed elsewhere meanwhile (a clerk, a scan): open what we hold
        identity_told(turn, acknowledged=True)
        return
    if held and not data.get("ticket_id"):
        turn.say("report_held")
    ask_identity(turn, missing)


def bind_unit(turn: Turn, code: str) -> None:
    """The tenant scanned their unit's QR code (subscribe with a scene, or scan)."""
    unit = Unit.find(turn.session, turn.site.id, code)
    if unit is None:
        turn.say("unit_unknown", unit=code[:20])
        return
    turn.tenant.unit = unit
    turn.say("bound_unit", unit=unit.code)
    if turn.conv.state == AWAITING_IDENTITY:  # scanned instead of typing the unit we asked for
        conv = turn.keep_conv()
        conv.data = {**(conv.data or {}), "unit": unit.code}
        identity_told(turn, acknowledged=True)
