"""业户档案 in the console: the centre's file uploaded with a preview of what will change,
confirmed or refused with every bad row named; the records page and a unit's page; and
phone or letter tickets linked to the tenant the records know."""
from __future__ import annotations

import io
import re

import sqlalchemy as sa

from models import Channel, Tenant, Ticket, Unit
from tests.golive.files import centre_rows, csv_bytes, xlsx

SEALED = re.compile(r'name="rows" value="([^"]+)"')


def upload(console, data: bytes, name: str):
    return console.open("/admin/units/import", "POST", data={"csrf_token": console.token, "site": "lehui",
                                                            "file": (io.BytesIO(data), name)},
                        content_type="multipart/form-data")


def test_upload_previews_then_imports_and_a_second_file_updates_one_phone(team, console, session):
    console.login("supervisor")
    preview = upload(console, xlsx(centre_rows(30)), "业户清单.xlsx")
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and 'id="count-new">30<' in page and 'data-code="B1-001"' in page
    assert session.scalar(sa.select(sa.func.count(Unit.id))) == 0  # a preview changes nothing
    confirm = console.post("/admin/units/import/confirm", {"site": "lehui", "rows": SEALED.search(page).group(1)})
    assert confirm.status_code == 302 and confirm.headers["Location"].endswith("/admin/tenants?site=lehui")
    assert session.scalar(sa.select(sa.func.count(Unit.id))) == 30
    rows = centre_rows(30)
    rows[4][4] = "13911112222"
    again = upload(console, csv_bytes(rows), "业户清单.csv").get_data(as_text=True)
    assert 'id="count-new">0<' in again and 'id="count-update">1<' in again and 'id="count-same">29<' in again
    assert "联系电话：13800000004 → 13911112222" in again
    console.post("/admin/units/import/confirm", {"site": "lehui", "rows": SEALED.search(again).group(1)})
    session.expire_all()
    record = session.scalar(sa.select(Tenant).join(Unit, Unit.id == Tenant.unit_id).where(Unit.code == "B1-005"))
    assert record.phone == "13911112222"
    assert session.scalar(sa.select(sa.func.count(Tenant.id)).where(Tenant.openid.is_(None))) == 30


def test_a_bad_upload_names_every_bad_row_and_imports_nothing(team, console, session):
    console.login("admin")
    rows = centre_rows(10)
    rows[2][1], rows[5][2] = "", ""
    response = upload(console, xlsx(rows), "bad.xlsx")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'aria-invalid="true"' in page
    assert "第5行：缺少物业编号" in page and "第8行：缺少租户名称" in page
    assert upload(console, b"", "").status_code == 400
    forged = console.post("/admin/units/import/confirm", {"site": "lehui", "rows": "forged.token"})
    assert forged.status_code == 400 and "导入预览已过期或无效" in forged.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count(Unit.id))) == 0


def test_the_records_page_and_a_units_page(team, console, session):
    unit = Unit(site_id=team.site.id, code="L2-015", name="星巴克", floor="L2")
    session.add_all([unit, Unit(site_id=team.site.id, code="L3-008", floor="L3")])
    session.flush()
    session.add(Tenant(site_id=team.site.id, unit=unit, name="星巴克", phone="13855556666", subscribed=False))
    team.tenant.unit = unit
    ticket = team.ticket(content="水龙头坏了", unit_code="L2-015")
    session.commit()
    console.login("desk")
    page = console.get("/admin/tenants?q=星巴克").get_data(as_text=True)
    assert 'data-unit="L2-015"' in page and 'data-unit="L3-008"' not in page and "138****6666" in page
    assert 'data-unit="L3-008"' in console.get("/admin/tenants?floor=L3").get_data(as_text=True)
    detail = console.get(f"/admin/units/{unit.id}").get_data(as_text=True)
    assert ticket.number in detail and "业户档案" in detail and "王建国" in detail and "微信" in detail
    console.login("engineer")
    assert console.get("/admin/tenants").status_code == 403


def test_a_phone_ticket_links_to_the_tenant_the_records_know(team, console, session):
    unit = Unit(site_id=team.site.id, code="L2-015")
    session.add(unit)
    session.flush()
    record = Tenant(site_id=team.site.id, unit=unit, name="星巴克", phone="13855556666", subscribed=False)
    session.add(record)
    session.commit()
    console.login("desk")

    def register(**form):
        response = console.post("/admin/intake/phone", {"content": "空调不制冷", **form})
        assert response.status_code == 302, response.get_data(as_text=True)
        return session.scalars(sa.select(Ticket).order_by(Ticket.id.desc())).first()

    by_record = register(unit_code="l2-015")  # the unit's tenant of record, until someone follows on WeChat
    assert by_record.tenant_id == record.id and by_record.complainant == "星巴克"
    team.tenant.unit = unit
    session.commit()
    by_unit = register(unit_code="L2-015", phone="13900000000")  # the unit's WeChat tenant now
    assert by_unit.tenant_id == team.tenant.id and by_unit.channel == Channel.PHONE
    by_phone = register(phone="13800001234")  # 王建国's phone: his WeChat, and his unit
    assert by_phone.tenant_id == team.tenant.id and by_phone.unit_code == "L2-015"
    stranger = register(phone="13000000000", unit_code="L9-999")
    assert stranger.tenant_id is None
