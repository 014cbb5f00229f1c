"""Times as tenants and staff read them: local (TIMEZONE, Asia/Shanghai by default), in
Chinese date order, with 今天/明天 when that is what the date is."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Optional
from zoneinfo import ZoneInfo

from models.queries import local_midnight_utc
from workflow import machine

RELATIVE_DAYS = {0: "今天", 1: "明天", 2: "后天", -1: "昨天"}


def to_local(moment: datetime, tz_name: str) -> datetime:
    """Naive UTC (as stored) → aware local time."""
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(tz_name))


def for_people(moment: Optional[datetime], tz_name: str, now: Optional[datetime] = None) -> str:
    """'11月27日 14:30', '11月27日（明天）14:30'; the year only when it is not this year."""
    if moment is None:
        return ""
    local = to_local(moment, tz_name)
    today = to_local(now or machine.now(), tz_name).date()
    text = f"{local.month}月{local.day}日"
    if local.year != today.year:
        text = f"{local.year}年{text}"
    relative = RELATIVE_DAYS.get((local.date() - today).days)
    return f"{text}（{relative}）{local:%H:%M}" if relative else f"{text} {local:%H:%M}"


def local_today(tz_name: str, now: Optional[datetime] = None):
    return machine.local_date(now or machine.now(), tz_name)


def local_day_start(day, tz_name: str) -> datetime:
    """The naive-UTC moment a local day begins."""
    return local_midnight_utc(day, tz_name)


def local_day_end(day, tz_name: str) -> datetime:
    return local_day_start(day + timedelta(days=1), tz_name)
