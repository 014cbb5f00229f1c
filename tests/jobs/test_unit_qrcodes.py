"""The worker makes each unit's WeChat parametric QR code through the API (the fake WeChat
server answers it), in batches, once; an account that may not make them fails visibly."""
from __future__ import annotations

import sqlalchemy as sa

from jobs import unit_qrcodes
from models import Unit
from tests.jobs.conftest import outbox_rows, work
from workflow.unit_codes import QR_JOB, request_wechat_codes


def add_units(session, site, codes):
    session.add_all([Unit(site_id=site.id, code=code) for code in codes])
    session.commit()


def urls(session, site) -> dict[str, str | None]:
    session.expire_all()
    return dict(session.execute(sa.select(Unit.code, Unit.wechat_qr_url).where(Unit.site_id == site.id)).all())


def test_each_unit_gets_its_wechat_code_once(app, desk, session, fake_wechat):
    add_units(session, desk.site, ["L2-015", "L3-008", "B1-003"])
    request_wechat_codes(session, desk.site)
    session.commit()
    work(app)
    made = urls(session, desk.site)
    assert all(url and url.startswith("http://weixin.qq.com/q/") for url in made.values())
    assert len(set(made.values())) == 3
    calls = fake_wechat.sent("qrcode")
    assert sorted(c["json"]["action_info"]["scene"]["scene_str"] for c in calls) == ["B1-003", "L2-015", "L3-008"]
    assert {c["json"]["action_name"] for c in calls} == {"QR_LIMIT_STR_SCENE"}  # permanent: printed for years
    assert outbox_rows(session, kind=QR_JOB)[0].status == "done"
    request_wechat_codes(session, desk.site)
    session.commit()
    work(app)
    assert len(fake_wechat.sent("qrcode")) == 3 and urls(session, desk.site) == made


def test_a_large_site_is_done_in_batches_each_queueing_the_next(app, desk, session, fake_wechat, monkeypatch):
    monkeypatch.setattr(unit_qrcodes, "BATCH", 2)
    add_units(session, desk.site, [f"L1-{n:03d}" for n in range(1, 6)])
    request_wechat_codes(session, desk.site)
    session.commit()
    work(app)
    assert None not in urls(session, desk.site).values()
    assert [row.status for row in outbox_rows(session, kind=QR_JOB)] == ["done", "done", "done"]
    assert len(fake_wechat.sent("qrcode")) == 5


def test_an_account_that_may_not_make_codes_fails_visibly_and_changes_nothing(app, desk, session, fake_wechat):
    add_units(session, desk.site, ["L2-015"])
    fake_wechat.fail("qrcode", errcode=48001, times=None)
    request_wechat_codes(session, desk.site)
    session.commit()
    work(app)
    row = outbox_rows(session, kind=QR_JOB)[0]
    assert row.status == "failed" and "无权生成带参数二维码" in row.last_error and row.attempts == 1
    assert urls(session, desk.site) == {"L2-015": None}
