"""The ticket state machine: which action is allowed from which status, to which status,
and by whom. Every change goes through `apply`, which checks first and mutates after, so
a refused action changes nothing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import sqlalchemy.orm as so

from models import Channel, Outbox, Role, Staff, Status, Ticket, TicketEvent
from models.localtime import clock_at, now  # noqa: F401 - the workflow's clock, used as machine.now()
from workflow.errors import InvalidTransition, PermissionDenied

S = Status
ANY_OPEN = frozenset(s for s in Status if s != Status.CLOSED)
STAFF_DESK = frozenset({Role.DESK, Role.SUPERVISOR, Role.ADMIN})
STAFF_ALL = frozenset(Role)
SYSTEM = None  # the bot, the worker, the tenant in chat


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset  # statuses the action may start from
    target: Optional[Status]  # None: the status does not change
    roles: frozenset  # staff roles allowed
    system: bool  # whether the system/tenant (actor None) may do it


def _a(name, label, sources, target, roles, system=False):
    return Action(name, label, frozenset(sources), target, frozenset(roles), system)


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        _a("register", "登记", (), S.NEW, STAFF_ALL, system=True),
        _a("reclassify", "重新分类", ANY_OPEN, None, STAFF_DESK),
        _a("dispatch", "派单", (S.NEW, S.REOPENED, S.DISPATCHED, S.IN_PROGRESS), S.DISPATCHED, STAFF_DESK, True),
        _a("start", "开始处理", (S.DISPATCHED,), S.IN_PROGRESS, STAFF_ALL),
        # Reaching the unit starts the work; a job already started just gets the time.
        _a("arrive", "到场", (S.DISPATCHED, S.IN_PROGRESS), S.IN_PROGRESS, STAFF_ALL),
        _a("photo", "现场照片", (S.DISPATCHED, S.IN_PROGRESS, S.QUOTED), None, STAFF_ALL),
        _a("quote", "报价", (S.DISPATCHED, S.IN_PROGRESS), S.QUOTED, STAFF_ALL),
        _a("accept_quote", "确认报价", (S.QUOTED,), S.IN_PROGRESS, STAFF_DESK, True),
        _a("decline_quote", "不同意报价", (S.QUOTED,), S.IN_PROGRESS, STAFF_DESK, True),
        _a("delay", "延期", (S.DISPATCHED, S.IN_PROGRESS, S.QUOTED), None, STAFF_ALL),
        _a("complete", "完工", (S.DISPATCHED, S.IN_PROGRESS), S.COMPLETED, STAFF_ALL),
        _a("confirm_receipt", "确认回执", (S.COMPLETED, S.CLOSED), None, STAFF_ALL, True),
        # Repair staff never collect money (seed §五(5)): engineers are not in the roles.
        _a("record_payment", "前台收费", (S.COMPLETED, S.CLOSED), None, STAFF_DESK),
        _a("close", "结案", (S.NEW, S.REOPENED, S.COMPLETED), S.CLOSED, STAFF_DESK),
        _a("close_not_ours", "非物业事务结案", ANY_OPEN, S.CLOSED, STAFF_DESK),
        _a("reopen", "重开", (S.CLOSED,), S.REOPENED, STAFF_DESK, True),
        _a("escalate", "上报主管", ANY_OPEN, None, STAFF_ALL, True),
        _a("note", "备注", tuple(Status), None, STAFF_ALL, True),
        _a("update_contact", "补充信息", tuple(Status), None, STAFF_ALL, True),
        _a("followup", "回访", tuple(Status), None, STAFF_DESK),
        _a("reply_tenant", "回复租户", tuple(Status), None, STAFF_DESK),
        # A letter's written reply (seed §三(1)(2)); letters only, see _permitted.
        _a("letter_reply", "书面回复", tuple(Status), None, STAFF_DESK),
    )
}


def allowed_actions(ticket: Ticket, actor: Optional[Staff]) -> list[Action]:
    """What the console may offer for this ticket and this person."""
    return [a for a in ACTIONS.values() if a.name != "register" and _permitted(a, ticket, actor) is None]


def _permitted(action: Action, ticket: Ticket, actor: Optional[Staff]) -> Optional[str]:
    """None when allowed, else the reason it is not."""
    if action.name != "register" and ticket.status not in action.sources:
        return f"工单当前状态为「{ticket.status.label}」，不能{action.label}"
    if action.name == "letter_reply" and ticket.channel != Channel.LETTER:
        return "只有信函登记的工单才能登记书面回复"
    if actor is None:
        return None if action.system else f"{action.label}须由工作人员操作"
    if not actor.active:
        return "账号已停用"
    if actor.role not in action.roles:
        return f"{actor.role.label}岗位无权{action.label}"
    if ticket.site_id is not None and not actor.can_see_site(ticket.site_id):
        return "无权处理其他服务中心的工单"
    if actor.role == Role.ENGINEER and action.name in {"start", "arrive", "photo", "quote", "delay", "complete"}:
        order = ticket.active_dispatch
        # Compare through the relationships: an order made in this transaction has no FKs yet.
        if order is None or (order.department is not actor.department and order.assignee is not actor):
            return "该派遣单不属于您的部门"
    return None


def check(action_name: str, ticket: Ticket, actor: Optional[Staff]) -> Action:
    action = ACTIONS[action_name]
    reason = _permitted(action, ticket, actor)
    if reason is not None:
        if action.name != "register" and ticket.status not in action.sources:
            raise InvalidTransition(reason)
        raise PermissionDenied(reason)
    return action


def actor_label(actor: Optional[Staff], default: str = "系统") -> str:
    return actor.display_name if actor is not None else default


def apply(
    session: so.Session,
    ticket: Ticket,
    action: Action,
    actor: Optional[Staff],
    *,
    note: Optional[str] = None,
    data: Optional[dict] = None,
    effects: tuple[tuple[str, dict], ...] = (),
    by: Optional[str] = None,
) -> None:
    """Change status, write the timeline event (none for registration: the new ticket row
    is its record) and the outbox rows, in the caller's transaction. Callers validate
    their own inputs before calling."""
    before = ticket.status  # None on a ticket being registered, which records no event
    if action.target is not None and ticket.status != action.target:
        ticket.status = action.target
    # 首问制: the first staff member who acts on a ticket owns it to the end.
    if actor is not None and ticket.owner_id is None and actor.role != Role.ENGINEER:
        ticket.owner = actor
    if action.name != "register":  # the ticket row is the registration record (Ticket.history)
        record_event(session, ticket, action.name, actor, by=by, note=note, data=data,
                     from_status=before.value)
    for kind, payload in effects:
        session.add(Outbox(kind=kind, ticket=ticket, payload=payload))


SAME_STATUS = object()


def record_event(session: so.Session, ticket: Ticket, action: str, actor: Optional[Staff] = None, *,
                 by: Optional[str] = None, note: Optional[str] = None, data: Optional[dict] = None,
                 from_status: object = SAME_STATUS) -> TicketEvent:
    """The one place a timeline event is written. `from_status` (a status value) defaults
    to the ticket's status: an event that changes nothing."""
    event = TicketEvent(ticket=ticket, at=now(), actor_label=by or actor_label(actor), action=action,
                        from_status=ticket.status.value if from_status is SAME_STATUS else from_status,
                        to_status=ticket.status.value, note=note, data=data or {})
    if actor is not None:
        event.actor = actor
    session.add(event)
    return event
