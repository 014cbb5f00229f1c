from __future__ import annotations

import pytest

import workflow
from models import Channel, Role, Status, Tenant


class Desk:
    """A site with a desk clerk, an engineer, a supervisor and a tenant, and a way to
    bring a ticket to any status through the real workflow."""

    def __init__(self, session, make):
        self.session = session
        self.site = make.site()
        self.desk = make.staff(Role.DESK, "客服部")
        self.engineer = make.staff(Role.ENGINEER, "工程部")
        self.supervisor = make.staff(Role.SUPERVISOR, "客服部")
        self.tenant = Tenant(site_id=self.site.id, openid="o-tenant-1", name="王建国", phone="13800001234")
        session.add(self.tenant)
        session.flush()

    def ticket(self, status: Status = Status.NEW, *, code="ENG-HVAC", urgent=False, paid=False, **kw):
        t = workflow.register(self.session, self.site, content=kw.pop("content", "空调不制冷"),
                              channel=kw.pop("channel", Channel.WECHAT), tenant=self.tenant, code=code,
                              urgent=urgent, **kw)
        self.session.flush()
        if status == Status.NEW:
            return t
        if status == Status.CLOSED and not paid:
            workflow.close(self.session, t, self.desk, result="已答复")
            return t
        if status == Status.REOPENED:
            workflow.close(self.session, t, self.desk, result="已答复")
            workflow.reopen(self.session, t, self.supervisor, reason="租户不满意")
            return t
        workflow.dispatch(self.session, t, self.desk)
        if status == Status.DISPATCHED:
            return t
        workflow.start(self.session, t, self.engineer)
        if status == Status.IN_PROGRESS:
            return t
        if paid or status == Status.QUOTED:
            workflow.quote(self.session, t, self.desk, amount="180", description="更换电容")
            if status == Status.QUOTED:
                return t
            workflow.answer_quote(self.session, t, None, accepted=True)
        workflow.complete(self.session, t, self.engineer, amount="180" if paid else "0",
                          work_done="已更换", site_cleaned=True)
        if status == Status.COMPLETED:
            return t
        if paid:
            workflow.confirm_receipt(self.session, t, None)
            workflow.record_payment(self.session, t, self.desk, amount="180")
        workflow.close(self.session, t, self.desk, result="已修好")
        assert t.status == status
        return t


@pytest.fixture
def desk(session, make):
    return Desk(session, make)
