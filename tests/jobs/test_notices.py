"""Notices (通知) through the worker to the fake WeChat server: to one floor's tenants, a
customer-service message inside the 48-hour window and the template outside it, each tenant
once; failures and the tenants WeChat cannot reach are listed; neither a second post of the
form nor a reload of the page sends anything."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import Notice, NoticeRecipient, Outbox, Tenant, Unit, utcnow
from tests.admin.conftest import Console
from tests.conftest import wrote
from tests.jobs.conftest import TEMPLATE, outbox_rows, texts_to, work
from workflow.errors import ValidationError
from workflow.notices import SEND_NOTICE, send_notice

KEY = re.compile(r'name="form_key" value="([^"]+)"')


@pytest.fixture
def floors(desk, session):
    """Floor L2: three followers (one wrote today, one a week ago, one unfollowed) and one
    tenant known only from the centre's file; floor L3: one follower."""
    site = desk.site
    units = {code: Unit(site_id=site.id, code=code, floor=code[:2]) for code in
             ("L2-001", "L2-002", "L2-003", "L2-004", "L3-001")}
    session.add_all(units.values())
    session.flush()
    now = utcnow()
    people = [Tenant(site_id=site.id, openid="o-today", name="今天", unit=units["L2-001"]),
              Tenant(site_id=site.id, openid="o-last-week", name="上周", unit=units["L2-002"]),
              Tenant(site_id=site.id, openid="o-gone", name="取关", unit=units["L2-003"], subscribed=False),
              Tenant(site_id=site.id, openid=None, name="档案", phone="13855556666", unit=units["L2-004"],
                     subscribed=False),
              Tenant(site_id=site.id, openid="o-third-floor", name="三楼", unit=units["L3-001"])]
    session.add_all(people)
    session.flush()
    for tenant, at in ((people[0], now), (people[1], now - timedelta(days=7)), (people[4], now)):
        wrote(session, tenant, at)
    session.commit()
    return people


def deliveries(session, notice) -> dict[str, str]:
    session.expire_all()
    rows = session.execute(sa.select(Tenant.name, NoticeRecipient.delivery).join(
        NoticeRecipient, NoticeRecipient.tenant_id == Tenant.id).where(NoticeRecipient.notice_id == notice.id)).all()
    return dict(rows)


def test_a_notice_to_one_floor_reaches_each_tenant_once(app, desk, session, floors, fake_wechat):
    notice, created = send_notice(session, desk.site, desk.supervisor, title="停水通知", body="周六 7:00–9:00 二层停水检修",
                                  audience="floor", target="L2", form_key="k1")
    session.commit()
    assert created and deliveries(session, notice) == {"今天": "pending", "上周": "pending", "取关": "unreachable",
                                                       "档案": "unreachable"}
    work(app)
    assert deliveries(session, notice) == {"今天": "sent", "上周": "sent", "取关": "unreachable", "档案": "unreachable"}
    assert texts_to(fake_wechat, "o-today") == ["【停水通知】周六 7:00–9:00 二层停水检修"]  # inside 48 h: a message
    template = [r["json"] for r in fake_wechat.sent("template") if r["json"]["touser"] == "o-last-week"]
    assert len(template) == 1 and template[0]["template_id"] == TEMPLATE  # outside: the notice template
    assert template[0]["data"]["keyword1"]["value"] == "停水通知"
    assert template[0]["data"]["remark"]["value"] == "周六 7:00–9:00 二层停水检修"
    assert texts_to(fake_wechat, "o-third-floor") == [] and texts_to(fake_wechat, "o-gone") == []

    again, created = send_notice(session, desk.site, desk.supervisor, title="停水通知", body="x", audience="floor",
                                 target="L2", form_key="k1")
    assert (again.id, created) == (notice.id, False)
    for row in outbox_rows(session, kind=SEND_NOTICE):  # a delivery job run twice sends once
        row.status = "pending"
    session.commit()
    from jobs.outbox import enqueue_deliveries
    enqueue_deliveries(app.queues, [r.id for r in outbox_rows(session, kind=SEND_NOTICE)])
    work(app)
    assert len(fake_wechat.sent("custom")) + len(fake_wechat.sent("template")) == 2


def test_a_failed_delivery_is_listed_with_its_reason(app, desk, session, floors, fake_wechat):
    fake_wechat.fail("any", errcode=43004, touser="o-today", times=None)  # unfollowed since we last heard
    notice, _ = send_notice(session, desk.site, desk.supervisor, title="停电通知", body="明晚检修", audience="units",
                            target="l2-001, L2-002 L3-001", form_key="k2")
    session.commit()
    work(app)
    assert deliveries(session, notice) == {"今天": "failed", "上周": "sent", "三楼": "sent"}
    failed = session.scalar(sa.select(NoticeRecipient).where(NoticeRecipient.delivery == "failed"))
    assert "43004" in failed.error


@pytest.mark.parametrize("audience, target, field, message", [
    ("floor", "", "floor", "请选择楼层"), ("units", "L2-001 L9-999", "units", "没有这些单元：L9-999"),
    ("building", "A", "building", "该范围内没有租户"), ("everyone", "", "audience", "请选择通知范围"),
])
def test_a_notice_nobody_would_get_is_refused(desk, session, floors, audience, target, field, message):
    with pytest.raises(ValidationError) as refused:
        send_notice(session, desk.site, desk.supervisor, title="通知", body="内容", audience=audience, target=target,
                    form_key="k3")
    assert refused.value.field == field and message in refused.value.message
    assert session.scalar(sa.select(sa.func.count(Notice.id))) == 0


def test_the_console_sends_once_and_a_reload_sends_nothing(app, desk, session, floors, fake_wechat, client):
    console = Console(client)
    assert console.login(desk.supervisor.username).status_code == 302
    form_key = KEY.search(console.get("/admin/notices").get_data(as_text=True)).group(1)
    form = {"site": desk.site.slug, "form_key": form_key, "title": "停水通知", "body": "周六二层停水",
            "audience": "floor", "floor": "L2"}
    first = console.post("/admin/notices", form)
    second = console.post("/admin/notices", form)  # the browser posted it again
    assert first.status_code == second.status_code == 302 and first.headers["Location"] == second.headers["Location"]
    assert session.scalar(sa.select(sa.func.count(Notice.id))) == 1
    assert session.scalar(sa.select(sa.func.count(Outbox.id)).where(Outbox.kind == SEND_NOTICE)) == 2
    work(app)
    page = console.get(first.headers["Location"]).get_data(as_text=True)
    assert 'id="count-sent">2<' in page and 'id="count-unreachable">2<' in page and 'id="count-pending">0<' in page
    assert 'href="tel:13855556666"' in page and "已取消关注服务号" in page
    sent = len(fake_wechat.received())
    for _ in range(2):
        console.get(first.headers["Location"])
        console.get("/admin/notices")
    work(app)
    assert len(fake_wechat.received()) == sent
    listing = console.get("/admin/notices").get_data(as_text=True)
    assert "停水通知" in listing and "楼层 L2" in listing
    refused = console.post("/admin/notices", {**form, "form_key": "new-key", "floor": ""})
    assert refused.status_code == 400 and "请选择楼层" in refused.get_data(as_text=True)
