"""A month outside 2000-01 … 2100-12 on the console's statistics is a 400 page that says
what a month looks like, never a 500."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-00", "abc"])
def test_a_month_out_of_range_is_400_naming_the_format(team, console, month):
    console.login("supervisor")
    for path in ("/admin/stats", "/admin/stats/export.csv"):
        response = console.get(f"{path}?month={month}")
        assert response.status_code == 400, path
        assert "月份须为 2000-01 至 2100-12 之间的 YYYY-MM" in response.get_data(as_text=True), path
