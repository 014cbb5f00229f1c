"""Unit QR codes: the printable page (several to an A4 sheet, the WeChat code where made,
else the signed link), the link's landing page, and both tenant simulators taking a scan
of the link as WeChat's scan of the unit."""
from __future__ import annotations

import re
from html import unescape

import sqlalchemy as sa

from models import Outbox, Tenant, Unit
from tests.browser import serve
from workflow.unit_codes import QR_JOB, read_scan, scan_link

CARD = re.compile(r'<div class="qr-card" data-unit="([^"]+)" data-kind="(\w+)" data-content="([^"]+)"')


def units(session, site, count=10):
    made = [Unit(site_id=site.id, code=f"L2-{n:03d}", floor="L2") for n in range(1, count + 1)]
    made[0].wechat_qr_url = "http://weixin.qq.com/q/made-by-the-worker"
    session.add_all(made)
    session.commit()
    return made


def test_the_print_page_puts_four_codes_on_each_sheet(team, console, session, app):
    units(session, team.site)
    console.login("supervisor")
    page = console.get("/admin/units/qr?site=lehui&per_page=4").get_data(as_text=True)
    assert page.count('<div class="sheet per-4">') == 3  # 10 units, 4 a page
    cards = [(code, kind, unescape(content)) for code, kind, content in CARD.findall(page)]
    assert [c[0] for c in cards] == [f"L2-{n:03d}" for n in range(1, 11)]
    assert cards[0][1:] == ("wechat", "http://weixin.qq.com/q/made-by-the-worker")
    kind, link = cards[1][1:]
    assert kind == "link" and link.startswith(f"{app.config['PUBLIC_BASE_URL']}/wechat/lehui/scan/")
    assert read_scan(link, app.config["SECRET_KEY"]) == (team.site.id, "L2-002")
    assert page.count('src="data:image/svg+xml;base64,') == 10 and 'id="wechat-count">1<' in page
    assert console.get("/admin/units/qr?per_page=9").get_data(as_text=True).count('<div class="sheet per-9">') == 2
    console.login("desk")
    assert console.get("/admin/units/qr").status_code == 403


def test_asking_for_wechat_codes_queues_the_worker_and_the_page_says_how_it_went(team, console, session):
    units(session, team.site, 2)
    console.login("admin")
    assert console.post("/admin/units/qr/wechat", {"site": "lehui"}).status_code == 302
    row = session.scalar(sa.select(Outbox).where(Outbox.kind == QR_JOB))
    assert row.payload == {"site_id": team.site.id} and row.status == "pending"
    row.status, row.last_error = "failed", "该公众号无权生成带参数二维码（须为已认证的服务号），打印页改用签名链接"
    session.commit()
    page = console.get("/admin/units/qr").get_data(as_text=True)
    assert "未能生成：该公众号无权生成带参数二维码" in page


def test_the_signed_link_tells_a_phone_how_to_reach_the_account(team, client, session, app):
    unit = units(session, team.site, 2)[1]
    link = scan_link("http://x", team.site, unit, app.config["SECRET_KEY"])
    path = link[len("http://x"):]
    page = client.get(path).get_data(as_text=True)
    assert "乐汇城物业服务中心" in page and "铺位号：<strong>L2-002</strong>" in page
    assert client.get(path[:-3] + "abc").status_code == 404  # forged
    assert client.get(path.replace("/lehui/", "/other/")).status_code == 404
    other = scan_link("http://x", team.site, unit, "another-secret")
    assert client.get(other[len("http://x"):]).status_code == 404


def test_the_console_simulator_scans_a_units_link(team, console, session, app):
    unit = units(session, team.site, 2)[1]
    link = scan_link(app.config["PUBLIC_BASE_URL"], team.site, unit, app.config["SECRET_KEY"])
    console.login("desk")
    first = console.post_json("/admin/simulator/send", {"site": "lehui", "openid": "sim-scan", "scan": link})
    assert first.status_code == 200, first.get_data(as_text=True)
    assert "已为您绑定铺位 L2-002" in first.get_json()["reply"] and "您好，乐汇城物业服务中心" in first.get_json()["reply"]
    tenant = session.scalar(sa.select(Tenant).where(Tenant.openid == "sim-scan"))
    assert tenant.unit.code == "L2-002"
    again = console.post_json("/admin/simulator/send", {"site": "lehui", "openid": "sim-scan", "scan": "L2-001"})
    assert again.get_json()["reply"] == "已为您绑定铺位 L2-001。"  # already following: a SCAN event
    forged = console.post_json("/admin/simulator/send", {"site": "lehui", "openid": "sim-scan",
                                                         "scan": link[:-4] + "AAAA"})
    assert forged.status_code == 400 and "无法识别的二维码" in forged.get_json()["error"]


def test_the_command_line_simulator_scans_a_units_link(team, session, app, runner):
    unit = units(session, team.site, 2)[1]
    link = scan_link(app.config["PUBLIC_BASE_URL"], team.site, unit, app.config["SECRET_KEY"])
    with serve(app) as url:
        script = f"/扫码 {link}\n/扫码 {link[:-4]}AAAA\n/退出\n"
        result = runner.invoke(args=["simulate", "--site", "lehui", "--url", url, "--openid", "sim-cli"], input=script)
    assert result.exit_code == 0, result.output
    assert "已为您绑定铺位 L2-002" in result.output and "[无法识别的二维码" in result.output
