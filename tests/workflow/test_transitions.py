"""Every workflow transition, legal and illegal, on the real database."""
from __future__ import annotations

import os
import re
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

import workflow
from models import (
    Channel,
    DispatchOrder,
    FollowUp,
    Outbox,
    Status,
    Survey,
    Ticket,
    TicketEvent,
    utcnow,
)
from tests.images import jpeg
from workflow.machine import ACTIONS


def outbox_kinds(session, ticket):
    return [o.kind for o in session.scalars(sa.select(Outbox).where(Outbox.ticket_id == ticket.id).order_by(Outbox.id))]


def events(ticket):
    return [e.action for e in ticket.history]


def test_register_fills_every_registration_field(desk, session):
    t = workflow.register(session, desk.site, content="L2-015卫生间水管爆了", channel=Channel.PHONE,
                          actor=desk.desk, unit_code="l2-015", phone="13800001234", complainant="王建国",
                          code="ENG-PLUMB", urgent=True)
    session.commit()
    assert re.fullmatch(r"LH-\d{8}-0001", t.number)
    assert (t.unit_code, t.phone, t.complainant, t.code, t.category) == ("l2-015", "13800001234", "王建国", "ENG-PLUMB", "ENG")
    assert t.receiver == t.recorder == desk.desk.display_name
    assert t.channel == Channel.PHONE and t.status == Status.NEW and t.owner_id == desk.desk.id
    assert t.department.name == "工程部"
    # urgent tickets must be answered within 30 minutes whatever the code's usual time
    assert t.due_at - t.created_at == timedelta(minutes=30)
    # the ticket row is the registration record: no event row, the timeline reads it
    [registered] = t.history
    assert t.events == [] and (registered.action, registered.to_status) == ("register", "new")
    assert (registered.at, registered.actor_label) == (t.created_at, desk.desk.display_name)
    assert registered.data == {"code": "ENG-PLUMB", "urgent": True, "emotion": t.emotion, "channel": "phone"}


def test_chat_ticket_is_received_by_the_bot_and_recorded_by_the_system(desk, session):
    t = desk.ticket(code="ENG-HVAC")
    assert t.receiver == "微信服务号" and t.recorder == "系统" and t.owner_id is None
    assert t.complainant == "王建国" and t.phone == "13800001234"
    assert t.due_at - t.created_at == timedelta(hours=4)


def test_numbers_follow_a_daily_sequence_per_site(desk, session, make):
    other = make.site("gongshe", "园区共舍物业服务中心", "GS")
    a, b = desk.ticket(), desk.ticket()
    c = workflow.register(session, other, content="停电了", channel=Channel.PHONE, actor=None)
    assert [a.number[-4:], b.number[-4:]] == ["0001", "0002"]
    assert c.number.startswith("GS-") and c.number.endswith("0001")


def test_unknown_code_and_empty_content_name_the_field(desk, session):
    with pytest.raises(workflow.ValidationError) as e:
        workflow.register(session, desk.site, content="   ", channel=Channel.PHONE, actor=desk.desk)
    assert e.value.field == "content"
    with pytest.raises(workflow.ValidationError) as e:
        workflow.register(session, desk.site, content="x", channel=Channel.PHONE, actor=desk.desk, code="NOPE")
    assert e.value.field == "code"


def test_repair_life_end_to_end(desk, session):
    t = desk.ticket(code="ENG-HVAC")
    order = workflow.dispatch(session, t, desk.desk)
    assert t.status == Status.DISPATCHED and order.department.name == "工程部" and order.due_at == t.due_at
    workflow.start(session, t, desk.engineer)
    assert t.status == Status.IN_PROGRESS and t.first_response_at is not None
    workflow.delay(session, t, desk.engineer, reason="等配件", new_eta=utcnow() + timedelta(days=1))
    assert t.status == Status.IN_PROGRESS and order.due_at == t.due_at
    workflow.complete(session, t, desk.engineer, amount=0, work_done="更换电容", site_cleaned=True)
    assert t.status == Status.COMPLETED and order.status == "done" and t.site_cleaned
    workflow.confirm_receipt(session, t, None)
    assert t.receipt_confirmed and order.receipt_confirmed
    workflow.close(session, t, desk.desk, result="已修好")
    session.commit()
    assert t.status == Status.CLOSED and t.close_reason == "resolved"
    assert events(t) == ["register", "dispatch", "start", "delay", "complete", "confirm_receipt", "close"]
    assert [(e.from_status, e.to_status) for e in t.history[1:3]] == [("new", "dispatched"), ("dispatched", "in_progress")]
    # dispatch: tenant + department; delay: tenant; complete: tenant + the owner (§六(3)); close
    assert outbox_kinds(session, t) == ["notify_tenant", "notify_staff", "notify_tenant", "notify_tenant",
                                        "notify_staff", "notify_tenant", "send_survey"]
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == t.id))
    assert survey.expires_at - t.closed_at == timedelta(hours=24)
    assert t.owner_id == desk.desk.id  # 首问制: the clerk who dispatched owns it, not the engineer


def test_paid_repair_quote_accept_complete_pay_close(desk, session):
    t = desk.ticket(Status.IN_PROGRESS)
    workflow.quote(session, t, desk.desk, amount="180", description="更换电容")
    assert t.status == Status.QUOTED and t.quote_amount == Decimal("180.00") and t.quote_accepted is None
    with pytest.raises(workflow.InvalidTransition):
        workflow.complete(session, t, desk.engineer, amount="180", work_done="x", site_cleaned=True)
    workflow.answer_quote(session, t, None, accepted=True)
    assert t.status == Status.IN_PROGRESS and t.quote_accepted is True
    with pytest.raises(workflow.ValidationError) as e:
        workflow.complete(session, t, desk.engineer, amount="200", work_done="x", site_cleaned=True)
    assert e.value.field == "amount" and t.status == Status.IN_PROGRESS
    workflow.complete(session, t, desk.engineer, amount="180", work_done="更换电容", site_cleaned=True)
    workflow.confirm_receipt(session, t, None)
    with pytest.raises(workflow.ValidationError) as e:
        workflow.close(session, t, desk.desk, result="已修好")
    assert "收费" in e.value.message and t.status == Status.COMPLETED
    with pytest.raises(workflow.ValidationError):
        workflow.record_payment(session, t, desk.desk, amount="100")
    workflow.record_payment(session, t, desk.desk, amount="180.00")
    assert t.paid_at is not None and t.paid_recorded_by_id == desk.desk.id
    with pytest.raises(workflow.ValidationError):
        workflow.record_payment(session, t, desk.desk, amount="180")
    workflow.close(session, t, desk.desk, result="已修好并收费")
    assert t.status == Status.CLOSED


@pytest.mark.parametrize("confirm", ["wechat", "staff"])
def test_paid_repair_closes_only_after_the_tenant_confirms_the_receipt_5_3(desk, session, confirm):
    """§五(3): the engineer writes the amount on the 回执 and the tenant confirms it; a paid
    repair paid at the desk still cannot close until that confirmation is on the ticket."""
    t = desk.ticket(Status.IN_PROGRESS)
    workflow.quote(session, t, desk.desk, amount="180", description="更换电容")
    workflow.answer_quote(session, t, None, accepted=True)
    workflow.complete(session, t, desk.engineer, amount="180", work_done="更换电容", site_cleaned=True)
    workflow.record_payment(session, t, desk.desk, amount="180")
    with pytest.raises(workflow.ValidationError) as e:
        workflow.close(session, t, desk.desk, result="已修好")
    assert e.value.field == "result" and "回执" in e.value.message
    assert t.status == Status.COMPLETED and t.closed_at is None
    workflow.confirm_receipt(session, t, None if confirm == "wechat" else desk.desk)
    workflow.close(session, t, desk.desk, result="已修好")
    assert t.status == Status.CLOSED and t.receipt_method == confirm


def test_a_free_repair_closes_without_a_receipt_5_3(desk, session):
    """§五(3) asks the tenant to confirm an amount: nothing to confirm on a free repair."""
    t = desk.ticket(Status.COMPLETED)
    workflow.close(session, t, desk.desk, result="已修好")
    assert t.status == Status.CLOSED and not t.receipt_confirmed


def test_declined_quote_returns_to_work_and_tells_the_owner(desk, session):
    t = desk.ticket(Status.QUOTED)
    workflow.answer_quote(session, t, None, accepted=False)
    assert t.status == Status.IN_PROGRESS and t.quote_accepted is False
    assert t.events[-1].action == "decline_quote" and t.events[-1].actor_label == "租户"
    with pytest.raises(workflow.ValidationError):
        workflow.complete(session, t, desk.engineer, amount="180", work_done="x", site_cleaned=True)
    workflow.complete(session, t, desk.engineer, amount="0", work_done="租户不同意报价，未施工", site_cleaned=True)


def test_completion_requires_site_cleaned(desk, session):
    t = desk.ticket(Status.IN_PROGRESS)
    with pytest.raises(workflow.ValidationError) as e:
        workflow.complete(session, t, desk.engineer, amount=0, work_done="x", site_cleaned=False)
    assert e.value.field == "site_cleaned"


def test_engineer_cannot_record_payment(desk, session):
    t = desk.ticket(Status.COMPLETED, paid=True)
    with pytest.raises(workflow.PermissionDenied) as e:
        workflow.record_payment(session, t, desk.engineer, amount="180")
    assert "现场人员" in e.value.message and t.paid_at is None
    assert "record_payment" not in [a.name for a in workflow.allowed_actions(t, desk.engineer)]
    assert "record_payment" in [a.name for a in workflow.allowed_actions(t, desk.desk)]


def test_engineer_of_another_department_cannot_complete(desk, session, make):
    cleaner = make.staff(workflow.machine.Role.ENGINEER, "保洁部")
    t = desk.ticket(Status.DISPATCHED)
    with pytest.raises(workflow.PermissionDenied):
        workflow.complete(session, t, cleaner, amount=0, work_done="x", site_cleaned=True)


def test_staff_of_another_site_cannot_act(desk, session, make):
    other = make.site("gongshe", "园区共舍物业服务中心", "GS")
    outsider = make.staff(workflow.machine.Role.DESK, "客服部", sites=[other])
    t = desk.ticket()
    with pytest.raises(workflow.PermissionDenied):
        workflow.dispatch(session, t, outsider)


def test_urgent_completion_creates_a_24h_return_visit(desk, session):
    t = desk.ticket(Status.COMPLETED, code="ENG-PLUMB", urgent=True)
    visit = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == t.id))
    assert visit.kind == "urgent_24h" and visit.due_at == t.completed_at + timedelta(hours=24)


def test_leak_completion_waits_for_the_first_rainy_day(desk, session):
    t = desk.ticket(Status.COMPLETED, code="ENG-LEAK")
    visit = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == t.id))
    assert visit.kind == "after_rain" and visit.due_at is None


def test_delay_needs_a_reason_and_a_future_eta(desk, session):
    t = desk.ticket(Status.DISPATCHED)
    with pytest.raises(workflow.ValidationError) as e:
        workflow.delay(session, t, desk.desk, reason="", new_eta=utcnow() + timedelta(hours=1))
    assert e.value.field == "reason"
    with pytest.raises(workflow.ValidationError) as e:
        workflow.delay(session, t, desk.desk, reason="等配件", new_eta=utcnow() - timedelta(hours=1))
    assert e.value.field == "new_eta"
    workflow.delay(session, t, desk.desk, reason="等配件", new_eta=utcnow() + timedelta(hours=5))
    notice = session.scalars(sa.select(Outbox).where(Outbox.ticket_id == t.id)).all()[-1]
    assert notice.payload["event"] == "delay" and notice.payload["reason"] == "等配件"


def test_reassign_cancels_the_previous_order(desk, session):
    t = desk.ticket(Status.DISPATCHED)
    first = t.active_dispatch
    second = workflow.dispatch(session, t, desk.supervisor, note="改派")
    assert first.status == "cancelled" and t.active_dispatch is second
    assert t.events[-1].data["reassigned"] is True


def test_close_not_our_business_needs_the_explanation(desk, session):
    t = desk.ticket(Status.DISPATCHED)
    with pytest.raises(workflow.ValidationError) as e:
        workflow.close_not_ours(session, t, desk.desk, explanation=" ")
    assert e.value.field == "explanation"
    workflow.close_not_ours(session, t, desk.desk, explanation="属市政管辖，已告知拨打12319")
    assert t.status == Status.CLOSED and t.close_reason == "not_our_business"
    assert t.dispatch_orders[0].status == "cancelled"
    assert session.scalar(sa.select(Survey).where(Survey.ticket_id == t.id)) is None


def test_letter_close_requires_a_written_report(desk, session):
    t = desk.ticket(channel=Channel.LETTER, forwarded_by_company=True, actor=desk.desk)
    with pytest.raises(workflow.ValidationError) as e:
        workflow.close(session, t, desk.desk, result="已处理")
    assert e.value.field == "report" and t.status == Status.NEW
    workflow.close(session, t, desk.desk, result="已处理", report="书面报告：……")
    assert t.result_report == "书面报告：……"


def test_reopen_keeps_the_first_receiver_and_tells_the_supervisors_6_3(desk, session):
    """§六(3) 首问负责: whoever handles it next, the first receiver stays responsible; a
    reopened ticket stays theirs, they are told, and the supervisors are told too."""
    t = desk.ticket(Status.CLOSED)
    assert t.owner is desk.desk
    workflow.reopen(session, t, None, reason="评分2分")
    assert t.status == Status.REOPENED and t.owner is desk.desk and t.supervisor_flag
    assert t.closed_at is None
    rows = session.scalars(sa.select(Outbox).where(Outbox.ticket_id == t.id, Outbox.kind == "notify_staff")
                           .order_by(Outbox.id)).all()
    assert [r.payload for r in rows][-2:] == [
        {"event": "reopened", "to": "supervisors", "owner": desk.desk.display_name},
        {"event": "reopened_owner", "staff_id": desk.desk.id, "reason": "评分2分"}]
    workflow.dispatch(session, t, desk.supervisor)
    assert t.status == Status.DISPATCHED


def test_reclassify_keeps_a_correction_and_moves_the_deadline(desk, session):
    from models import ClassificationCorrection

    t = desk.ticket(code="ENG-HVAC")
    workflow.reclassify(session, t, desk.desk, code="ENG-ELEC", urgent=True)
    assert (t.code, t.category, t.urgent) == ("ENG-ELEC", "ENG", True)
    assert t.due_at - t.created_at == timedelta(minutes=30)
    c = session.scalar(sa.select(ClassificationCorrection))
    assert (c.text, c.code, c.predicted_code, c.urgent) == ("空调不制冷", "ENG-ELEC", "ENG-HVAC", True)
    with pytest.raises(workflow.PermissionDenied):
        workflow.reclassify(session, t, desk.engineer, code="ENG-HVAC")


# --- every action from every status: allowed ones work, the others change nothing ---------

ARGS = {
    "reclassify": lambda d: dict(actor=d.desk, code="ENG-ELEC"),
    "dispatch": lambda d: dict(actor=d.desk),
    "start": lambda d: dict(actor=d.engineer),
    "arrive": lambda d: dict(actor=d.engineer),
    "photo": lambda d: dict(actor=d.engineer, stage="before", content=jpeg(), media_root=os.environ["INSTANCE_PATH"]),
    "quote": lambda d: dict(actor=d.desk, amount="50", description="换灯管"),
    "accept_quote": lambda d: dict(actor=None, accepted=True),
    "decline_quote": lambda d: dict(actor=None, accepted=False),
    "delay": lambda d: dict(actor=d.desk, reason="等配件", new_eta=utcnow() + timedelta(hours=8)),
    "complete": lambda d: dict(actor=d.engineer, amount="0", work_done="已修", site_cleaned=True),
    "confirm_receipt": lambda d: dict(actor=None),
    "close": lambda d: dict(actor=d.desk, result="已处理"),
    "close_not_ours": lambda d: dict(actor=d.desk, explanation="非物业事务"),
    "reopen": lambda d: dict(actor=d.supervisor, reason="租户不满意"),
}
FUNCS = {
    "reclassify": workflow.reclassify, "dispatch": workflow.dispatch, "start": workflow.start,
    "arrive": workflow.arrive, "photo": workflow.add_photo,
    "quote": workflow.quote, "accept_quote": workflow.answer_quote, "decline_quote": workflow.answer_quote,
    "delay": workflow.delay, "complete": workflow.complete, "confirm_receipt": workflow.confirm_receipt,
    "close": workflow.close, "close_not_ours": workflow.close_not_ours, "reopen": workflow.reopen,
}


def _call(name, session, ticket, d):
    kwargs = ARGS[name](d)
    actor = kwargs.pop("actor")
    return FUNCS[name](session, ticket, actor, **kwargs)


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("name", sorted(ARGS))
def test_action_from_status(name, status, desk, session):
    ticket = desk.ticket(status)
    session.commit()
    before = (ticket.status, len(ticket.events), session.scalar(sa.select(sa.func.count(Outbox.id))))
    if status in ACTIONS[name].sources:
        _call(name, session, ticket, desk)
        session.commit()
        assert ticket.events[-1].action == name
        target = ACTIONS[name].target
        assert ticket.status == (target or status)
    else:
        with pytest.raises(workflow.InvalidTransition) as e:
            _call(name, session, ticket, desk)
        assert status.label in e.value.message
        session.rollback()
        session.expire_all()
        t = session.get(Ticket, ticket.id)
        after = (t.status, len(t.events), session.scalar(sa.select(sa.func.count(Outbox.id))))
        assert after == before


def test_transition_and_outbox_commit_together_or_not_at_all(desk, session):
    """A database that refuses the Outbox row must take the status change down with it."""
    t = desk.ticket()
    session.commit()
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(sa.text(
            "CREATE FUNCTION refuse_outbox() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$ "
            "LANGUAGE plpgsql"))
        session.execute(sa.text(
            "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_outbox()"))
    else:
        session.execute(sa.text(
            "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"))
    session.commit()
    try:
        workflow.dispatch(session, t, desk.desk)
        with pytest.raises(sa.exc.DBAPIError, match="outbox refused"):
            session.commit()
        session.rollback()
        session.expire_all()
        t = session.get(Ticket, t.id)
        assert t.status == Status.NEW and events(t) == ["register"]
        assert session.scalar(sa.select(sa.func.count(DispatchOrder.id))) == 0
    finally:
        session.rollback()
        session.execute(sa.text("DROP TRIGGER refuse_outbox" + (" ON outbox" if dialect == "postgresql" else "")))
        if dialect == "postgresql":
            session.execute(sa.text("DROP FUNCTION refuse_outbox()"))
        session.commit()
    workflow.dispatch(session, t, desk.desk)
    session.commit()
    assert t.status == Status.DISPATCHED and outbox_kinds(session, t) == ["notify_tenant", "notify_staff"]
    # one stored event, the dispatch (registration is the ticket row itself)
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(TicketEvent.ticket_id == t.id)) == 1


def test_completing_again_after_a_reopen_rearms_the_return_visit(desk, session):
    from workflow.followups import record_visit

    t = desk.ticket(Status.COMPLETED, code="ENG-LEAK", urgent=True)
    session.commit()
    visits = {v.kind: v for v in session.scalars(sa.select(FollowUp).where(FollowUp.ticket_id == t.id))}
    record_visit(session, visits["urgent_24h"], desk.desk, method="phone", result="已修好")
    workflow.close(session, t, desk.desk, result="已修好")
    workflow.reopen(session, t, desk.supervisor, reason="又漏了")
    workflow.dispatch(session, t, desk.supervisor)
    workflow.complete(session, t, desk.engineer, amount=0, work_done="重新做防水", site_cleaned=True)
    session.commit()
    again = {v.kind: v for v in session.scalars(sa.select(FollowUp).where(FollowUp.ticket_id == t.id))}
    assert set(again) == {"urgent_24h", "after_rain"} and again["urgent_24h"].id == visits["urgent_24h"].id
    assert again["urgent_24h"].done_at is None and again["urgent_24h"].due_at == t.completed_at + timedelta(hours=24)
    assert [e.note for e in t.events if e.action == "followup"] == ["已修好"]  # the first visit stays on record


def test_a_back_dated_registration_is_numbered_by_its_own_day(desk, session):
    from models.localtime import local_date

    when = utcnow() - timedelta(days=40)
    t = desk.ticket(created_at=when)
    assert t.number == f"LH-{local_date(when):%Y%m%d}-0001"
