"""Going live at a real centre with no demo data, as README's deploy section walks through it:
init-db, create-site, import-units, create-staff, point WeChat at /wechat/<slug>; the first
tenant message opens ticket 0001 of the site's own prefix."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from fakewechat.signing import build_text, decode_reply, sign_request
from models import ComplaintCode, Site, Staff, Ticket, Unit, db
from models.localtime import today as local_today
from tests.admin.conftest import Console
from tests.golive.files import centre_rows, write, xlsx

TOKEN = "golive-token"


@pytest.fixture
def app(database_url, redis_url, redis_conn):
    """The app on an empty database: no codes, no site, no staff (no seed-demo)."""
    from app import create_app

    app = create_app({"DATABASE_URL": database_url, "REDIS_URL": redis_url, "TESTING": True,
                      "SECRET_KEY": "test-secret", "WECHAT_TOKEN": TOKEN})
    with app.app_context():
        yield app
        db.session.remove()
    db.engine.dispose()


def handshake(client, slug: str) -> str:
    args, _ = sign_request("<xml/>", TOKEN)
    return client.get(f"/wechat/{slug}", query_string={**args, "echostr": "4375120948345356249"}).get_data(as_text=True)


def test_going_live_with_no_demo_data(runner, client, session, tmp_path):
    assert session.scalar(sa.select(sa.func.count(ComplaintCode.code))) == 0
    assert session.scalar(sa.select(sa.func.count(Site.id))) == 0
    assert client.get("/wechat/xinyuan").status_code == 404  # what the deployer saw before

    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0 and "新增投诉代码 21 个" in result.output, result.output

    result = runner.invoke(args=["create-site", "xinyuan", "--name", "新源广场物业服务中心", "--prefix", "XY",
                                 "--kind", "mall", "--phone", "0571-86001234"])
    assert result.exit_code == 0, result.output
    assert "已创建服务中心 新源广场物业服务中心（xinyuan，工单号前缀 XY，商场）" in result.output

    rows = centre_rows(312)
    rows[99][1] = None  # the clerk left one 物业编号 out: file row 102 (a title row, then the header)
    bad = runner.invoke(args=["import-units", write(tmp_path / "业户清单.xlsx", xlsx(rows)), "--site", "xinyuan"])
    assert bad.exit_code == 1 and "第102行：缺少物业编号" in bad.output
    assert session.scalar(sa.select(sa.func.count(Unit.id))) == 0
    rows[99][1] = "L1-040"
    good = runner.invoke(args=["import-units", write(tmp_path / "业户清单.xlsx", xlsx(rows)), "--site", "xinyuan"])
    assert good.exit_code == 0 and "新增 312 个单元" in good.output, good.output

    result = runner.invoke(args=["create-staff", "xiaowang", "--role", "desk", "--password", "golive-2026",
                                 "--name", "王小燕", "--department", "客服部", "--site", "xinyuan"])
    assert result.exit_code == 0, result.output

    # WeChat's server check of the URL set in the Official Account's console
    assert handshake(client, "xinyuan") == "4375120948345356249"
    args, body = sign_request(build_text("o-first-tenant", "gh_xinyuan", "L2-015 卫生间水管爆了，水漫出来了", 1), TOKEN)
    response = client.post("/wechat/xinyuan", query_string=args, data=body, content_type="text/xml")
    reply = decode_reply(response.get_data(), TOKEN)["Content"]
    number = f"XY-{local_today():%Y%m%d}-0001"
    assert reply.startswith("您好，新源广场物业服务中心。") and number in reply
    ticket = session.scalar(sa.select(Ticket))
    assert ticket.number == number and ticket.unit.code == "L2-015" and ticket.unit.name == "商户135"

    # The desk signs in and finds it; nothing of the demo exists.
    console = Console(client)
    assert console.login("xiaowang", "golive-2026").status_code == 302
    assert number in console.get("/admin/tickets").get_data(as_text=True)
    assert session.scalar(sa.select(Site.id).where(Site.slug == "lehui")) is None
    assert session.scalars(sa.select(Staff.username)).all() == ["xiaowang"]
