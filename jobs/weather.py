"""Rainy days from a weather provider, for leak repairs' return visits (seed §七(6)).

``WeatherProvider`` is the adapter: ``day(location, day, today) -> DailyWeather | None``.
``QWeather`` implements it against QWeather's API (the city's daily forecast for today,
its "time machine" history for the last ten days; the location is a LocationID, "lon,lat",
or a city name resolved through its GeoAPI). ``check_weather`` (periodic, morning and
evening) asks about yesterday and today for every site with a city and records each rainy
day with ``workflow.followups.record_rain_day``, which makes the waiting visits due. Staff
can also mark a day rainy in the console (same function, source "staff")."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional, Protocol

import requests
import sqlalchemy as sa

from jobs.runtime import job_context
from models import RainDay, Site
from models.localtime import today as local_today
from workflow.followups import record_rain_day

logger = logging.getLogger(__name__)

RAIN_MM = 0.1  # a trace of rain on the station is enough to test a repaired roof


@dataclass(frozen=True)
class DailyWeather:
    day: date
    text: str  # 小雨 / 多云转阵雨 …
    precip_mm: float

    @property
    def rainy(self) -> bool:
        return self.precip_mm >= RAIN_MM or "雨" in self.text


class WeatherProvider(Protocol):
    def day(self, location: str, day: date, today: date) -> Optional[DailyWeather]:
        """The weather of local ``day`` (``today`` or before) at ``location``; None if unknown."""


class WeatherError(Exception):
    """The provider did not answer usefully (HTTP error, error code, no data)."""


class QWeather:
    """QWeather (和风天气) v7: ``/v7/weather/3d`` for today, ``/v7/historical/weather`` for
    the last ten days, ``/geo/v2/city/lookup`` for city names. Authenticated with the API
    key header; every response is JSON with a string ``code`` ("200" is success)."""

    def __init__(self, api_host: str, key: str, *, timeout: float = 10.0,
                 session: Optional[requests.Session] = None) -> None:
        self.api_host = api_host.rstrip("/")
        self.key = key
        self.timeout = timeout
        self.http = session or requests.Session()
        self._locations: dict[str, str] = {}

    def _get(self, path: str, **params: str) -> dict:
        try:
            response = self.http.get(f"{self.api_host}{path}", params=params, timeout=self.timeout,
                                     headers={"X-QW-Api-Key": self.key})
        except requests.RequestException as exc:
            raise WeatherError(f"{type(exc).__name__} calling {path}") from None
        if response.status_code != 200:
            raise WeatherError(f"HTTP {response.status_code} from {path}")
        try:
            body = response.json()
        except ValueError:
            raise WeatherError(f"{path} answered something that is not JSON") from None
        if str(body.get("code")) != "200":
            raise WeatherError(f"{path} answered code {body.get('code')}")
        return body

    def location_id(self, location: str) -> str:
        """A LocationID or coordinates as given; a city name looked up (and remembered)."""
        location = location.strip()
        if location.isdigit() or "," in location:
            return location
        if location not in self._locations:
            found = self._get("/geo/v2/city/lookup", location=location, number="1").get("location") or []
            if not found:
                raise WeatherError(f"no QWeather location for {location!r}")
            self._locations[location] = str(found[0]["id"])
        return self._locations[location]

    def day(self, location: str, day: date, today: date) -> Optional[DailyWeather]:
        location_id = self.location_id(location)
        if day >= today:
            for entry in self._get("/v7/weather/3d", location=location_id).get("daily") or []:
                if entry.get("fxDate") == day.isoformat():
                    text = " ".join(t for t in (entry.get("textDay"), entry.get("textNight")) if t)
                    return DailyWeather(day, text, _mm(entry.get("precip")))
            return None
        body = self._get("/v7/historical/weather", location=location_id, date=f"{day:%Y%m%d}")
        daily = body.get("weatherDaily") or {}
        hourly = body.get("weatherHourly") or []
        texts = sorted({h.get("text") for h in hourly if h.get("text")})
        precip = max(_mm(daily.get("precip")), sum(_mm(h.get("precip")) for h in hourly))
        return DailyWeather(day, " ".join(texts), precip)


def _mm(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def provider_from_config(config) -> Optional[WeatherProvider]:
    key = config.get("QWEATHER_KEY")
    if not key:
        return None
    return QWeather(config.get("QWEATHER_API_HOST") or "https://devapi.qweather.com", key)


def check_weather(provider: Optional[WeatherProvider] = None) -> dict[str, int]:
    with job_context("jobs.weather") as ctx:
        provider = provider or provider_from_config(ctx.config)
        if provider is None:
            ctx.log.info("no weather provider configured (QWEATHER_KEY): rainy days come from staff only")
            return {"sites": 0, "rainy_days": 0, "visits_due": 0}
        return record_rainy_days(ctx.session, provider, ctx.log)


def record_rainy_days(session, provider: WeatherProvider, log=logger) -> dict[str, int]:
    """Yesterday and today for each site with a city; a provider error for one site is
    logged and the others go on."""
    today = local_today()
    sites = session.scalars(sa.select(Site).where(Site.city.is_not(None), Site.city != "").order_by(Site.id)).all()
    rainy = due = 0
    for site in sites:
        for day in (today - timedelta(days=1), today):
            if session.scalar(sa.select(RainDay.id).where(RainDay.site_id == site.id, RainDay.day == day)):
                continue
            try:
                weather = provider.day(site.city, day, today)
            except WeatherError as exc:
                log.warning("weather for %s (%s) on %s: %s", site.slug, site.city, day, exc)
                continue
            if weather is None or not weather.rainy:
                continue
            _, became_due = record_rain_day(session, site, day, "weather")
            session.commit()
            log.info("%s: %s was rainy (%s, %.1f mm); %s visit(s) now due", site.slug, day, weather.text,
                     weather.precip_mm, became_due)
            rainy += 1
            due += became_due
    return {"sites": len(sites), "rainy_days": rainy, "visits_due": due}
