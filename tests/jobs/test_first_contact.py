"""首问负责 (seed §六(3)): wherever a complaint goes, its first receiver follows it, so they
hear when another department completes it or someone else closes it."""
from __future__ import annotations

import workflow
from models import Status
from tests.jobs.conftest import outbox_rows, texts_to, work


def test_the_owner_hears_when_another_department_completes_and_closes_6_3(app, desk, session, fake_wechat):
    """§六(3): the desk clerk dispatched it (and owns it); the engineer's 完工 and the
    supervisor's 结案 each reach the clerk on WeChat."""
    ticket = desk.ticket(Status.IN_PROGRESS)
    assert ticket.owner is desk.desk
    workflow.complete(session, ticket, desk.engineer, amount="0", work_done="更换电容", site_cleaned=True)
    workflow.close(session, ticket, desk.supervisor, result="空调已修好")
    session.commit()
    work(app)
    assert texts_to(fake_wechat, desk.desk.openid, "template") == [
        f"【首问跟踪】您受理的工单 {ticket.number}（未登记铺位）已由{desk.engineer.display_name}完工：空调不制冷。"
        "请跟踪处理情况并回访租户。",
        f"【首问跟踪】您受理的工单 {ticket.number}（未登记铺位）已由{desk.supervisor.display_name}结案：空调不制冷。",
    ]


def test_the_owner_closing_their_own_ticket_is_not_told_about_it_6_3(desk, session):
    """§六(3): no notice to the owner about what the owner did."""
    ticket = desk.ticket(Status.COMPLETED)
    before = len(outbox_rows(session, kind="notify_staff"))
    workflow.close(session, ticket, desk.desk, result="空调已修好")
    session.commit()
    events = [r.payload.get("event") for r in outbox_rows(session, kind="notify_staff")[before:]]
    assert "owner_closed" not in events
