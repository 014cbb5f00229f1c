"""`flask import-units`: a centre's own xlsx or csv in, all or nothing, every bad row named,
and a second import that updates without duplicating."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Tenant, Unit
from tests.golive.files import HEADER, centre_rows, csv_bytes, write, xlsx
from workflow.unit_import import ImportRefused, read_import, unit_place


@pytest.fixture
def site(make, session):
    site = make.site(slug="xinyuan", name="新源广场物业服务中心", prefix="XY")
    session.commit()
    return site


def units_of(session, site) -> dict[str, Unit]:
    session.expire_all()
    return {u.code: u for u in session.scalars(sa.select(Unit).where(Unit.site_id == site.id))}


def records_of(session, site) -> dict[str, Tenant]:
    rows = session.scalars(sa.select(Tenant).where(Tenant.site_id == site.id, Tenant.openid.is_(None)))
    return {t.unit.code: t for t in rows}


def test_a_good_workbook_loads_every_unit_and_tenant(runner, session, site, tmp_path):
    path = write(tmp_path / "业户清单.xlsx", xlsx(centre_rows(312)))
    result = runner.invoke(args=["import-units", path, "--site", "xinyuan"])
    assert result.exit_code == 0, result.output
    assert "新增 312 个单元，更新 0 个，未变 0 个" in result.output
    units = units_of(session, site)
    assert len(units) == 312
    assert units["L2-015"].floor == "L2" and units["L2-015"].kind == "shop"
    assert units["L2-015"].name == "商户135"
    record = records_of(session, site)["L2-015"]
    assert (record.name, record.phone, record.openid, record.subscribed) == ("商户135", "13800000134", None, False)


def test_a_good_gbk_csv_from_chinese_excel_loads_too(runner, session, site, tmp_path):
    rows = [[1, "5栋2单元301", "李娜", "", "139 1234 5678", ""], [2, "A-1203", "新源科技有限公司", "", "0571-88886666", ""]]
    path = write(tmp_path / "units.csv", csv_bytes(rows, encoding="gb18030"))
    result = runner.invoke(args=["import-units", path, "--site", "xinyuan"])
    assert result.exit_code == 0, result.output
    units = units_of(session, site)
    assert set(units) == {"5-2-301", "A-1203"}  # the notation the bot reads from tenants
    assert (units["5-2-301"].building, units["5-2-301"].floor) == ("5", "3")
    assert (units["A-1203"].building, units["A-1203"].floor) == ("A", "12")
    records = records_of(session, site)
    assert records["5-2-301"].phone == "13912345678" and records["A-1203"].phone == "0571-88886666"


def test_a_file_with_bad_rows_imports_nothing_and_names_every_one(runner, session, site, tmp_path):
    rows = centre_rows(20)
    rows[3][1] = ""  # file row 6 (title, header, then rows from 3): no 物业编号
    rows[7][4] = "1380000"  # row 10: a phone that is not one
    rows[9][1] = rows[2][1]  # row 12: the unit of row 5 again
    rows[12][2] = None  # row 15: no tenant
    path = write(tmp_path / "bad.xlsx", xlsx(rows))
    result = runner.invoke(args=["import-units", path, "--site", "xinyuan"])
    assert result.exit_code == 1
    assert "文件中有 4 行有误，未导入任何数据" in result.output
    assert "第6行：缺少物业编号" in result.output
    assert "第10行：联系电话「1380000」格式不正确" in result.output
    assert "第12行：物业编号 B1-003 与第5行重复" in result.output
    assert "第15行：缺少租户名称" in result.output
    assert units_of(session, site) == {}
    assert session.scalar(sa.select(sa.func.count(Tenant.id))) == 0


def test_importing_again_changes_one_phone_and_duplicates_nothing(runner, session, site, tmp_path):
    rows = centre_rows(40)
    first = runner.invoke(args=["import-units", write(tmp_path / "v1.xlsx", xlsx(rows)), "--site", "xinyuan"])
    assert first.exit_code == 0, first.output
    rows[10][4] = 13999999999  # B1-011's tenant has a new phone
    again = runner.invoke(args=["import-units", write(tmp_path / "v2.csv", csv_bytes(rows)), "--site", "xinyuan"])
    assert again.exit_code == 0, again.output
    assert "新增 0 个单元，更新 1 个，未变 39 个" in again.output
    assert len(units_of(session, site)) == 40
    records = records_of(session, site)
    assert len(session.scalars(sa.select(Tenant).where(Tenant.site_id == site.id)).all()) == 40
    assert records["B1-011"].phone == "13999999999" and records["B1-012"].phone == "13800000011"


def test_headers_are_matched_loosely_and_other_columns_ignored():
    header = ["房号", "合同编号", "业主姓名", "手机", "楼层"]
    rows = read_import(xlsx([["301", "HT-2024-01", "王建国", 13800001234, "3F"]], header=header, title=None),
                       "a.xlsx")
    assert [(r.code, r.name, r.phone, r.floor) for r in rows] == [("301", "王建国", "13800001234", "3")]
    rows = read_import(csv_bytes([["L2-015", "星巴克"]], header=["铺位号", "商户名称"], encoding="utf-8"), "b.csv")
    assert [(r.code, r.name, r.phone) for r in rows] == [("L2-015", "星巴克", None)]


@pytest.mark.parametrize("data, name, message", [
    (b"\xd0\xcf\x11\xe0" + b"\x00" * 60, "old.xls", "不支持旧版 Excel"),
    (b"PK\x03\x04 not really a workbook", "broken.xlsx", "不是有效的 Excel"),
    (csv_bytes([["L2-015", "x"]], header=["门店", "金额"], encoding="utf-8"), "c.csv", "找不到表头"),
    (csv_bytes([], encoding="utf-8"), "d.csv", "没有数据行"),
    (b"", "e.csv", "文件是空的"),
    (b"hello", "f.pdf", "请上传 .xlsx 或 .csv"),
])
def test_files_that_cannot_be_read_are_refused_clearly(data, name, message):
    with pytest.raises(ImportRefused) as refused:
        read_import(data, name)
    assert message in refused.value.message and refused.value.field == "file"


def test_an_unknown_site_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(args=["import-units", write(tmp_path / "a.xlsx", xlsx(centre_rows(1))), "--site", "nope"])
    assert result.exit_code == 2 and "没有服务中心 nope" in result.output


@pytest.mark.parametrize("code, place", [
    ("L2-015", (None, "L2")), ("B1-003", (None, "B1")), ("5-2-301", ("5", "3")), ("12-1-502", ("12", "5")),
    ("A-1203", ("A", "12")), ("301", (None, "3")), ("东区商铺", (None, None)),
])
def test_a_units_building_and_floor_follow_from_its_code(code, place):
    assert unit_place(code) == place


def test_header_is_the_documented_one():
    assert HEADER[1:3] == ["物业编号", "租户名称"] and "联系电话" in HEADER
