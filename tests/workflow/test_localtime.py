"""One time zone, from the TIMEZONE setting, for ticket numbers, month bounds, statistics,
chat ETAs and the console alike (models.localtime)."""
from __future__ import annotations

from datetime import datetime

import pytest

from models import Channel, Site, db, localtime
from workflow import machine

# 02:30 UTC on 1 March: already 10:30 on 1 March in Shanghai, still 28 February in New York.
MOMENT = datetime(2026, 3, 1, 2, 30)


@pytest.fixture
def new_york(database_url, redis_url, redis_conn):
    from app import create_app

    app = create_app({"DATABASE_URL": database_url, "REDIS_URL": redis_url, "TESTING": True,
                      "SECRET_KEY": "test-secret", "WECHAT_TOKEN": "testtoken", "TIMEZONE": "America/New_York"})
    try:
        with app.app_context():
            from workflow.reference import ensure_reference_data

            ensure_reference_data(db.session)
            db.session.commit()
            yield app
            db.session.remove()
    finally:
        db.engine.dispose()
        localtime.configure(None)


def test_the_setting_decides_the_day_of_a_ticket_number_and_the_times_people_read(new_york):
    import workflow
    from admin.formatting import fmt_time

    session = db.session
    site = Site(slug="ny", name="纽约中心", ticket_prefix="NY", settings={})
    session.add(site)
    session.flush()
    with machine.clock_at(MOMENT):
        ticket = workflow.register(session, site, content="空调不制冷", channel=Channel.PHONE)
        assert ticket.number == "NY-20260228-0001"
        assert localtime.today().isoformat() == "2026-02-28"
        assert localtime.for_people(MOMENT) == "2月28日（今天）21:30"
    assert fmt_time(MOMENT) == "2026-02-28 21:30"


def test_month_bounds_and_statistics_periods_follow_the_setting(new_york):
    from models import stats

    start, end = localtime.month_bounds(2026, 2)
    assert (start, end) == (datetime(2026, 2, 1, 5, 0), datetime(2026, 3, 1, 5, 0))
    assert MOMENT < end, "28 February in New York belongs to February"
    period = stats.month_period(2026, 2)
    assert (period.start, period.end) == (start, end)


def test_the_default_zone_is_shanghai():
    localtime.configure(None)
    assert localtime.local_date(MOMENT).isoformat() == "2026-03-01"
    assert localtime.month_bounds(2026, 3)[0] == datetime(2026, 2, 28, 16, 0)
