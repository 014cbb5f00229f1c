"""The tenant simulator signs like WeChat and talks to the app's own webhook."""
from __future__ import annotations

import sqlalchemy as sa

from models import Message


def test_page_is_linked_and_has_no_inline_script(team, console):
    console.login("desk")
    assert 'href="/admin/simulator"' in console.get("/admin/tickets").get_data(as_text=True)
    html = console.get("/admin/simulator").get_data(as_text=True)
    assert "模拟租户" in html and "simulator.js" in html and 'value="sim-' in html


def test_only_simulated_openids(team, console):
    console.login("desk")
    for openid in ("o-tenant-1", "sim-", "sim-a b", ""):
        response = console.post_json("/admin/simulator/send", {"site": "lehui", "openid": openid, "text": "你好"})
        assert response.status_code == 400, openid
    assert console.post_json("/admin/simulator/send", {"site": "lehui", "openid": "sim-x", "text": " "}).status_code == 400


def test_message_reaches_the_webhook_signed(team, console, session):
    console.login("desk")
    response = console.post_json("/admin/simulator/send", {"site": "lehui", "openid": "sim-test1",
                                                           "text": "空调不制冷"})
    assert response.status_code == 200, response.json
    assert response.json["reply"]
    inbound = session.scalar(sa.select(Message).where(Message.openid == "sim-test1", Message.direction == "in"))
    assert inbound is not None and inbound.content == "空调不制冷"
    polled = console.get("/admin/simulator/messages?site=lehui&openid=sim-test1&after=0")
    assert polled.status_code == 200 and "items" in polled.json
