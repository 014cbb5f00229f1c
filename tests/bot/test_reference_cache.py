"""Sites and complaint codes on the webhook come from a per-process TTL cache of plain
values: a staff edit shows at once in the process that saved it, and in any other
process within the TTL."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import ComplaintCode, Site, Tenant, Ticket, Unit, reference_cache


def later(monkeypatch, seconds: float) -> None:
    """The cache's clock moved on by `seconds`."""
    now = reference_cache.time.monotonic()
    monkeypatch.setattr(reference_cache.time, "monotonic", lambda: now + seconds)


def test_a_phrase_saved_in_this_process_is_used_at_once(wechat, session, site):
    assert wechat.say("o-1", "你好").startswith("您好，乐汇城物业服务中心。")
    site.settings = {"phrases": {"greeting": "欢迎光临{centre}！"}}
    session.commit()
    assert wechat.say("o-2", "你好").startswith("欢迎光临乐汇城物业服务中心！")


def test_a_phrase_saved_by_another_process_is_used_within_the_ttl(monkeypatch, wechat, session, site):
    assert wechat.say("o-1", "你好").startswith("您好，")
    # another process's edit: nothing in this process saw it happen
    session.execute(sa.update(Site).where(Site.id == site.id)
                    .values(settings={"phrases": {"greeting": "欢迎光临{centre}！"}}))
    session.commit()
    assert wechat.say("o-2", "你好").startswith("您好，"), "read from the cache until the TTL passes"
    later(monkeypatch, reference_cache.TTL_SECONDS + 1)
    assert wechat.say("o-3", "你好").startswith("欢迎光临乐汇城物业服务中心！")


def test_a_response_time_saved_in_this_process_is_used_at_once(wechat, session, site):
    unit = session.scalar(sa.select(Unit).where(Unit.code == "L2-015"))
    for openid in ("o-1", "o-2"):
        session.add(Tenant(site_id=site.id, openid=openid, name="王建国", phone="13800001234", unit_id=unit.id))
    session.commit()
    wechat.say("o-1", "走廊的灯不亮了")
    first = session.scalars(sa.select(Ticket).order_by(Ticket.id.desc())).first()
    code = session.get(ComplaintCode, first.code)
    code.response_hours = 72
    session.commit()
    assert "72小时" in wechat.say("o-2", "走廊的灯不亮了")
    second = session.scalars(sa.select(Ticket).order_by(Ticket.id.desc())).first()
    assert second.code == first.code and (second.due_at - second.created_at).total_seconds() == 72 * 3600


def test_the_cache_hands_out_read_only_values_never_rows(session, site):
    site.settings = {"phrases": {"greeting": "欢迎"}, "numbers": [1, 2]}
    session.commit()
    values = reference_cache.site_by_slug(session, "lehui")
    assert not isinstance(values, Site) and values.id == site.id and values.ticket_prefix == "LH"
    with pytest.raises(TypeError):
        values.settings["phrases"]["greeting"] = "changed"
    assert values.settings["numbers"] == (1, 2)
    assert reference_cache.site_by_slug(session, "nowhere") is None
    code = reference_cache.code_values(session, "OTHER")
    assert not isinstance(code, ComplaintCode) and code.response_hours > 0
