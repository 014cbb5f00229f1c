"""Local time, from one setting: TIMEZONE (Asia/Shanghai by default). The database stores
naive UTC; staff and tenants think in local days and read local times. Ticket numbers,
month bounds, statistics, chat ETAs, the console and the jobs all ask here.

The zone is read from the environment at import and set again by create_app from its
configuration (`configure`), so the web, the worker and the CLI agree."""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Optional
from zoneinfo import ZoneInfo

from models.base import utcnow

DEFAULT_TIMEZONE = "Asia/Shanghai"
RELATIVE_DAYS = {0: "今天", 1: "明天", 2: "后天", -1: "昨天"}

_zone = ZoneInfo(os.environ.get("TIMEZONE") or DEFAULT_TIMEZONE)
_clock: list[datetime] = []


def configure(name: Optional[str]) -> None:
    """Use the zone `name` (an IANA name; None: the default) from now on."""
    global _zone
    _zone = ZoneInfo(name or DEFAULT_TIMEZONE)


def zone() -> ZoneInfo:
    return _zone


def now() -> datetime:
    """Naive UTC now, or the moment `clock_at` set."""
    return _clock[-1] if _clock else utcnow()


@contextmanager
def clock_at(moment: datetime):
    """Let the demo seed (and tests) replay a ticket's life at past moments."""
    _clock.append(moment)
    try:
        yield
    finally:
        _clock.pop()


def to_local(moment: datetime) -> datetime:
    """Naive UTC (as stored) → aware local time."""
    return moment.replace(tzinfo=UTC).astimezone(_zone)


def local_date(moment: datetime) -> date:
    """The local calendar day of a naive-UTC moment."""
    return to_local(moment).date()


def today() -> date:
    return local_date(now())


def day_start(day: date) -> datetime:
    """The naive-UTC moment a local day begins."""
    return datetime.combine(day, time.min, tzinfo=_zone).astimezone(UTC).replace(tzinfo=None)


def day_end(day: date) -> datetime:
    return day_start(day + timedelta(days=1))


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """[start, end) of a local month, in naive UTC."""
    return day_start(date(year, month, 1)), day_start(date(year + (month == 12), month % 12 + 1, 1))


def for_people(moment: Optional[datetime], now_: Optional[datetime] = None) -> str:
    """'11月27日 14:30', '11月27日（明天）14:30'; the year only when it is not this year."""
    if moment is None:
        return ""
    local = to_local(moment)
    current = local_date(now_ or now())
    text = f"{local.month}月{local.day}日"
    if local.year != current.year:
        text = f"{local.year}年{text}"
    relative = RELATIVE_DAYS.get((local.date() - current).days)
    return f"{text}（{relative}）{local:%H:%M}" if relative else f"{text} {local:%H:%M}"
