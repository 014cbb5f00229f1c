"""Rainy days from the weather provider (QWeather responses recorded under tests/data/weather,
served over HTTP from 127.0.0.1: no network) and the return visits they make due."""
from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from flask import Flask, jsonify, request
from werkzeug.serving import make_server

from jobs.periodic import run_periodic
from jobs.weather import QWeather, WeatherError
from models import FollowUp, RainDay, Status, TicketEvent
from tests.jobs.conftest import outbox_rows, texts_to, work
from workflow.followups import due_visits, record_rain_day, record_visit
from workflow.machine import clock_at

DATA = Path(__file__).resolve().parents[1] / "data" / "weather"
SHANGHAI = ZoneInfo("Asia/Shanghai")
KEY = "qweather-test-key"


def at_local(year, month, day, hour, minute=0) -> datetime:
    """A Shanghai wall-clock time as the naive UTC the database stores."""
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC).replace(tzinfo=None)


class RecordedQWeather:
    """Serves the recorded responses at QWeather's paths; ``today`` picks the 3-day
    forecast file, as the live service answers with the forecast starting today."""

    def __init__(self) -> None:
        self.today = "2024-07-24"
        self.requests: list[dict] = []
        app = Flask(__name__)

        def answer(name: str):
            path = DATA / name
            if not path.exists():
                return jsonify({"code": "404"})
            return app.response_class(path.read_bytes(), mimetype="application/json")

        @app.get("/geo/v2/city/lookup")
        def lookup():
            self._record()
            return answer("qweather-geo-hangzhou.json") if request.args["location"] == "杭州" else jsonify(
                {"code": "404"})

        @app.get("/v7/weather/3d")
        def forecast():
            self._record()
            return answer(f"qweather-3d-{self.today}.json")

        @app.get("/v7/historical/weather")
        def historical():
            self._record()
            return answer(f"qweather-historical-{request.args['date']}.json")

        @app.get("/broken/v7/weather/3d")
        def broken():
            return "upstream error", 502

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _record(self) -> None:
        self.requests.append({"path": request.path, "args": dict(request.args),
                              "key": request.headers.get("X-QW-Api-Key")})


@pytest.fixture
def qweather():
    fake = RecordedQWeather()
    fake.thread.start()
    yield fake
    fake.server.shutdown()


# --------------------------------------------------------------------------- the adapter
def test_adapter_reads_forecast_history_and_city_names(qweather):
    provider = QWeather(qweather.url, KEY)
    friday = date(2024, 7, 26)
    qweather.today = "2024-07-26"
    rain = provider.day("杭州", friday, friday)
    assert (rain.text, rain.precip_mm, rain.rainy) == ("中雨 小雨", 14.7, True)
    dry = provider.day("101210101", date(2024, 7, 25), friday)
    assert (dry.text, dry.precip_mm, dry.rainy) == ("多云 阴", 0.0, False)
    shower = provider.day("杭州", date(2024, 7, 20), friday)  # the daily total says 0.0; the hours say 阵雨
    assert shower.rainy and shower.text == "多云 阵雨"
    assert [r["path"] for r in qweather.requests].count("/geo/v2/city/lookup") == 1  # looked up once
    assert {r["key"] for r in qweather.requests} == {KEY}
    assert qweather.requests[-1]["args"] == {"location": "101210101", "date": "20240720"}
    with pytest.raises(WeatherError, match="code 404"):
        provider.day("杭州", date(2024, 7, 21), friday)  # no recording: the service's "no data"
    with pytest.raises(WeatherError, match="lookup answered code 404"):
        provider.day("不存在的城市", friday, friday)
    with pytest.raises(WeatherError, match="HTTP 502"):
        QWeather(qweather.url + "/broken", KEY).day("101210101", friday, friday)


# --------------------------------------------------------------------------- the journey
def test_leak_repaired_on_a_dry_day_is_visited_only_after_a_rainy_day(app, desk, session, fake_wechat, qweather):
    app.config.update(QWEATHER_KEY=KEY, QWEATHER_API_HOST=qweather.url)
    desk.site.city = "杭州"
    with clock_at(at_local(2024, 7, 23, 10)):  # Tuesday, dry
        ticket = desk.ticket(Status.COMPLETED, code="ENG-LEAK", content="天花板靠窗那边渗水")
    session.commit()
    (visit,) = session.scalars(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id)).all()
    assert (visit.kind, visit.due_at) == ("after_rain", None)

    def weather_check(moment, forecast):
        qweather.today = forecast
        with clock_at(moment):
            app.queues["low"].enqueue(run_periodic, "check_weather")
            work(app)
        session.expire_all()

    weather_check(at_local(2024, 7, 24, 20, 5), "2024-07-24")  # Wednesday evening: Tue and Wed dry
    assert session.scalar(sa.select(sa.func.count(RainDay.id))) == 0
    assert visit.due_at is None
    assert session.scalars(due_visits(session, [desk.site.id], now=at_local(2024, 7, 25, 9))).all() == []

    weather_check(at_local(2024, 7, 26, 20, 5), "2024-07-26")  # Friday evening: Thu dry, Fri rain
    (rain,) = session.scalars(sa.select(RainDay)).all()
    assert (rain.day, rain.source) == (date(2024, 7, 26), "weather")
    assert visit.due_at == at_local(2024, 7, 27, 0)  # due from Saturday morning on
    assert session.scalars(due_visits(session, [desk.site.id], now=at_local(2024, 7, 27, 9))).all() == [visit]
    weather_check(at_local(2024, 7, 27, 8, 5), "2024-07-26")  # the morning run: Friday already known
    assert session.scalar(sa.select(sa.func.count(RainDay.id))) == 1

    # Not called by Sunday: the owner is alerted, once.
    for _ in range(2):
        with clock_at(at_local(2024, 7, 28, 10)):
            app.queues["default"].enqueue(run_periodic, "alert_overdue_visits")
            work(app)
    (alert,) = outbox_rows(session, kind="notify_staff", ticket_id=ticket.id, status="done")[-1:]
    assert alert.payload["event"] == "visit_overdue"
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(
        TicketEvent.ticket_id == ticket.id, TicketEvent.action == "visit_overdue")) == 1
    (text,) = texts_to(fake_wechat, desk.desk.openid, "template")[-1:]
    assert text == f"【回访逾期】工单 {ticket.number} 的回访已逾期（应于7月27日（昨天）00:00前完成），请尽快回访租户。"
    record_visit(session, visit, desk.desk, method="phone", result="已修好，下雨后无渗漏")
    session.commit()
    assert ticket.events[-1].action == "followup"


def test_staff_marking_a_day_rainy_counts_only_after_the_repair(app, desk, session):
    with clock_at(at_local(2024, 7, 23, 15)):
        ticket = desk.ticket(Status.COMPLETED, code="ENG-LEAK")
    session.commit()
    visit = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id))
    _, due = record_rain_day(session, desk.site, date(2024, 7, 23), "staff")  # the repair's own day
    assert due == 0 and visit.due_at is None
    _, due = record_rain_day(session, desk.site, date(2024, 7, 24), "staff")
    assert due == 1 and visit.due_at == at_local(2024, 7, 25, 0)


def test_urgent_repair_visit_is_due_a_day_after_completion(app, desk, session, fake_wechat):
    with clock_at(at_local(2024, 7, 23, 22, 40)):
        ticket = desk.ticket(Status.COMPLETED, code="ENG-PLUMB", urgent=True)
    session.commit()
    visit = session.scalar(sa.select(FollowUp).where(FollowUp.ticket_id == ticket.id))
    assert (visit.kind, visit.due_at) == ("urgent_24h", at_local(2024, 7, 24, 22, 40))
    with clock_at(at_local(2024, 7, 24, 22, 39)):
        app.queues["default"].enqueue(run_periodic, "alert_overdue_visits")
        work(app)
    session.expire_all()
    assert visit.alerted_at is None
    record_visit(session, visit, desk.desk, method="phone", result="已修好，无渗漏")
    session.commit()
    with clock_at(at_local(2024, 7, 25, 9)):
        app.queues["default"].enqueue(run_periodic, "alert_overdue_visits")
        work(app)
    session.expire_all()
    assert visit.alerted_at is None  # done in time: no alert


def test_recorded_files_are_valid_qweather_answers():
    for path in DATA.glob("qweather-*.json"):
        body = json.loads(path.read_text("utf-8"))
        assert body["code"] == "200", path.name
