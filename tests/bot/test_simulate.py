"""The tenant simulator talks to a real webhook over HTTP, signed like WeChat."""
from __future__ import annotations

import sqlalchemy as sa

from models import Ticket, db
from tests.browser import serve


def test_simulated_tenant_reports_and_gets_a_ticket_number(app, site, runner):
    with serve(app) as url:
        script = "你好\n我是王建国，电话13800001234，L2-015空调不制冷\n/菜单 PROGRESS\n/退出\n"
        result = runner.invoke(args=["simulate", "--site", "lehui", "--url", url, "--openid", "sim-1"], input=script)
        assert result.exit_code == 0, result.output
        db.session.remove()
        ticket = db.session.scalar(sa.select(Ticket))
        assert "您好，乐汇城物业服务中心" in result.output
        assert result.output.count(ticket.number) == 2  # in the reply and in the progress list
        assert ticket.complainant == "王建国" and ticket.tenant.openid == "sim-1"


def test_simulator_reports_an_unreachable_server(app, site, runner):
    result = runner.invoke(args=["simulate", "--url", "http://127.0.0.1:1"], input="你好\n")
    assert result.exit_code == 0 and "无法连接" in result.output
