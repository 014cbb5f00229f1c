"""Reading a centre's own list of units and tenants (业户清单), as it keeps it: an Excel
workbook (.xlsx) or a CSV file (UTF-8 or GBK, as Chinese Excel saves it), with a title row or
two above the header, header names it chose (物业编号 or 房号 or 铺位号 …) and columns of its
own, which are ignored. Gives the data rows, each with its row number as the file shows it."""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from workflow.errors import ValidationError

MAX_ROWS = 20000
HEADER_SEARCH_ROWS = 10  # title rows above the header
# Per column: the names a centre may give it, best first. A header that contains one of
# them counts too ("租户名称（全称）"), unless it names something else (合同编号).
COLUMNS = {
    "code": ("物业编号", "房号", "铺位号", "铺号", "房间号", "单元号", "门牌号", "房屋编号", "物业号", "编号", "铺位", "房间"),
    "name": ("租户名称", "租户", "业户名称", "业户", "业主姓名", "业主", "商户名称", "商户", "客户名称", "店铺名称",
             "店名", "承租人", "住户", "姓名", "名称"),
    "phone": ("联系电话", "电话", "手机号码", "手机号", "手机", "联系方式", "电话号码"),
    "building": ("楼栋", "楼号", "栋号", "楼宇", "楼座", "栋", "幢"),
    "floor": ("楼层", "所在楼层", "层"),
}
NOT_THIS = ("合同", "身份证", "证件", "执照", "项目", "楼盘", "车位", "紧急")
LABELS = {"code": "物业编号", "name": "租户名称", "phone": "联系电话"}
_PUNCT = re.compile(r"[\s()（）\[\]【】*:：.、/\\-]+")


class ImportRefused(ValidationError):
    """The file cannot be imported: `problems` names every bad row (row number, what is
    wrong); nothing was changed."""

    def __init__(self, message: str, problems: Optional[list[str]] = None) -> None:
        super().__init__(message, field="file")
        self.problems = problems or []


@dataclass
class RawRow:
    line: int  # the row number in the file: what a spreadsheet shows, what a clerk looks for
    values: dict[str, str]  # column key (COLUMNS) → the cell as text, stripped


def cell_text(value) -> str:
    """A cell as text: Excel keeps 13800001234 and 301 as numbers (13800001234.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def _header_key(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or ""))


def match_columns(header: list[str]) -> dict[str, int]:
    """Column key → position, for the columns this header has. An exact name beats a
    containing one, an earlier alias a later one."""
    best: dict[str, tuple[tuple[int, int], int]] = {}  # key → ((inexact, alias rank), position)
    for position, raw in enumerate(header):
        text = _header_key(raw)
        if not text or any(word in text for word in NOT_THIS):
            continue
        for key, aliases in COLUMNS.items():
            rank = next((r for r, alias in enumerate(aliases) if alias in text), None)
            if rank is None:
                continue
            quality = (0 if text == aliases[rank] else 1, rank)
            if key not in best or quality < best[key][0]:
                best[key] = (quality, position)
    return {key: position for key, (_quality, position) in best.items()}


def _table(data: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """(row number, cells as text) for every row of the file's first sheet."""
    name = (filename or "").lower()
    if data[:4] == b"\xd0\xcf\x11\xe0" or name.endswith(".xls"):
        raise ImportRefused("不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入")
    if data[:4] == b"PK\x03\x04" or name.endswith((".xlsx", ".xlsm")):
        return _xlsx(data)
    if name.endswith((".csv", ".txt")) or not name:
        return _csv(data)
    raise ImportRefused("请上传 .xlsx 或 .csv 文件")


def _xlsx(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file: one answer for all
        raise ImportRefused("文件无法读取：不是有效的 Excel（.xlsx）文件") from None
    try:
        sheet = book.worksheets[0]
        if sheet.max_row > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise ImportRefused(f"文件超过 {MAX_ROWS} 行，请分批导入")
        return [(number, [cell_text(v) for v in row])
                for number, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)]
    finally:
        book.close()


def _csv(data: bytes) -> list[tuple[int, list[str]]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRefused("无法识别文件编码，请保存为 UTF-8 或 GBK 编码的 CSV")
    if "\x00" in text:
        raise ImportRefused("文件无法读取：不是文本格式的 CSV 文件")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = []
    try:
        for cells in reader:
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise ImportRefused(f"文件超过 {MAX_ROWS} 行，请分批导入")
            rows.append((reader.line_num, [cell_text(c) for c in cells]))
    except csv.Error as exc:
        raise ImportRefused(f"CSV 格式有误（第{reader.line_num}行）：{exc}") from None
    return rows


def _find_header(table: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]]:
    """Where the header is (title rows may come first) and its columns."""
    for position, (_number, cells) in enumerate(table[:HEADER_SEARCH_ROWS]):
        columns = match_columns(cells)
        if "code" in columns and "name" in columns:
            return position, columns
    raise ImportRefused("找不到表头：文件前10行中须有“物业编号”（或房号、铺位号）和“租户名称”两列")


def read_rows(data: bytes, filename: str) -> list[RawRow]:
    """The data rows under the header, blank rows left out. Refuses a file with no header
    naming the unit and the tenant columns, or with no data row."""
    if not data:
        raise ImportRefused("文件是空的")
    table = _table(data, filename)
    header_at, columns = _find_header(table)
    rows = []
    for number, cells in table[header_at + 1:]:
        values = {key: cells[position] if position < len(cells) else "" for key, position in columns.items()}
        if any(values.values()):
            rows.append(RawRow(number, values))
    if not rows:
        raise ImportRefused("表头下面没有数据行")
    return rows
