"""Files as a centre keeps them: its 业户清单 as an Excel workbook (a title row, the header,
columns of its own) or as a CSV saved by Chinese Excel (GBK)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook

HEADER = ["序号", "物业编号", "租户名称", "面积（㎡）", "联系电话", "备注"]


def centre_rows(count: int = 312) -> list[list]:
    """`count` shops over floors B1, L1-L4, 60 or so a floor, numbered as malls do."""
    rows = []
    for i in range(count):
        floor = ("B1", "L1", "L2", "L3", "L4", "L5")[i // 60]
        number = i % 60 + 1
        rows.append([i + 1, f"{floor}-{number:03d}", f"商户{i + 1:03d}", 45.5, 13800000000 + i, ""])
    return rows


def xlsx(rows: list[list], header=HEADER, title: str | None = "新源广场业户清单") -> bytes:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list], header=HEADER, encoding: str = "gb18030") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)
