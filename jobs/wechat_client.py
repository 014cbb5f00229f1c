"""The outbound WeChat API client used by the worker.

It wraps a plain ``wechatpy.WeChatClient`` and uses only wechatpy's public API: the
constructor (``session``, ``timeout``, ``auto_retry=False``), ``API_BASE_URL``, the API
objects (``message``, ``qrcode``) and wechatpy's documented extension point for where
the access token lives, a ``wechatpy.session.SessionStorage``. Around it, what the
worker needs and wechatpy 1.8.18 does not give:

* every call goes to one configurable API base (``api_base``, a fake server in tests and
  in the demo). wechatpy fetches tokens from a hard-coded URL, so this module fetches
  them itself (``SharedAccessToken``) and hands them to wechatpy through the storage:
  wechatpy's own fetch is never reached;
* a timeout on every request, the token fetch included;
* one access token shared by all processes (in Redis, where wechatpy's ``RedisStorage``
  keeps it) and refreshed under a Redis lock: after taking the lock the stored token is
  read again, and a token that failed with 40001/40014/42001 is refetched only if it is
  still the stored one -- so several workers that all see 40001 cause ONE refetch. Then
  the call is retried once (wechatpy's ``auto_retry`` would refetch without a lock and
  retry without limit);
* errors as ``WeChatAPIError`` (``.retryable`` tells the job layer: retry later, or
  fail visibly), never carrying the appsecret or the access token, and no log line of
  this module or of urllib3 shows them either (a redacting filter is installed on the
  ``urllib3.connectionpool`` logger, which logs full URLs at DEBUG).

Public API: ``make_client``, ``send_text``, ``send_template``, ``download_media``,
``SendResult`` and the errors.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis
import requests
from wechatpy.client import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session import SessionStorage
from wechatpy.session.redisstorage import RedisStorage

from jobs.wechat_errors import (
    TOKEN_ERRCODES,
    WINDOW_ERRCODES,
    MediaRejected,
    NotDeliverable,
    RedactSecretsFilter,
    RetryableWeChatError,
    WeChatAPIError,
    api_error,
    get_checked,
    http_error,
    install_log_redaction,
    transport_error,
)
from jobs.wechat_media import MAX_MEDIA_BYTES, download_media

logger = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://api.weixin.qq.com/cgi-bin/"
DEFAULT_TIMEOUT = 5.0
DEFAULT_PREFIX = "wechatpy"  # wechatpy's RedisStorage default: plain wechatpy clients share it


@dataclass(frozen=True)
class SendResult:
    channel: str  # "custom" (customer-service message) or "template"
    msgid: int | None = None  # template messages: matches TEMPLATESENDJOBFINISH's MsgID
    custom_errcode: int | None = None  # why the custom message was not used (45015/45047)


# --------------------------------------------------------------------------- client
def normalize_api_base(api_base: str) -> str:
    """``http://host:port`` → ``http://host:port/cgi-bin/``; always a trailing slash."""
    parts = urlsplit(api_base.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"WeChat API base must be an http(s) URL, got {api_base!r}")
    path = parts.path or "/"
    if path == "/":
        path = "/cgi-bin/"
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))



class SharedAccessToken:
    """The account's access token, one for every process: kept in Redis under wechatpy's
    own key, fetched from ``{api_base}token`` and refreshed under a Redis lock."""

    def __init__(self, appid: str, secret: str, store: RedisStorage, redis_conn: redis.Redis, http: requests.Session,
                 *, api_base: str, timeout: float, prefix: str, lock_timeout: float | None,
                 lock_wait: float | None) -> None:
        self.appid, self._secret, self.store, self.redis, self.http = appid, secret, store, redis_conn, http
        self.api_base, self.timeout = api_base, timeout
        self.key = f"{appid}_access_token"  # wechatpy's access_token_key
        self.lock_name = f"{prefix}:{appid}_access_token:lock"
        # The lock expires on its own if its holder dies mid-fetch; waiters wait a bit
        # longer than one holder can hold it.
        self.lock_timeout = lock_timeout if lock_timeout is not None else max(10.0, 3 * timeout)
        self.lock_wait = lock_wait if lock_wait is not None else self.lock_timeout + timeout
        self.fetches = 0  # by this process's client, for tests and metrics

    def current(self) -> str:
        """The stored token; fetched (under the lock) when Redis has none. The stored copy
        expires a little before WeChat's, so it is refreshed early."""
        return self.store.get(self.key) or self.refresh(failed_token=None)

    def refresh(self, failed_token: str | None) -> str:
        """Under the lock: reuse the stored token if it differs from ``failed_token``
        (another process refreshed meanwhile), otherwise fetch a new one."""
        with self._lock():
            current = self.store.get(self.key)
            if current and current != failed_token:
                if failed_token is not None:
                    logger.info("WeChat access token for %s was already refreshed elsewhere", self.appid)
                return current
            return self._fetch_and_store()["access_token"]

    def fetch_now(self) -> dict[str, Any]:
        with self._lock():
            return self._fetch_and_store()

    @contextmanager
    def _lock(self) -> Iterator[None]:
        lock = self.redis.lock(self.lock_name, timeout=self.lock_timeout, blocking_timeout=self.lock_wait)
        if not lock.acquire():
            raise RetryableWeChatError(None, "timed out waiting for the WeChat access token lock")
        try:
            yield
        finally:
            try:
                lock.release()
            except redis.exceptions.LockError:
                logger.warning("WeChat access token lock expired before it was released")

    def _fetch_and_store(self) -> dict[str, Any]:
        self.fetches += 1
        logger.info("fetching a new WeChat access token for %s", self.appid)
        params = {"grant_type": "client_credential", "appid": self.appid, "secret": self._secret}
        with closing(get_checked(self.http, f"{self.api_base}token", endpoint="token", params=params,
                          timeout=self.timeout)) as response:
            try:
                result = response.json()
            except ValueError:
                result = None
        if not isinstance(result, dict):
            raise RetryableWeChatError(None, "token endpoint answered something that is not JSON")
        errcode = int(result.get("errcode") or 0)
        if errcode:
            # 40001/40013/40125/40164 here mean wrong appid/secret or IP not allowed:
            # not retryable, unlike the same code from a call with a token.
            raise api_error(errcode, result.get("errmsg"), "token", self._secret, token_error_retryable=False)
        token = result.get("access_token")
        if not token or not isinstance(token, str):
            raise RetryableWeChatError(None, "token endpoint answered without an access_token")
        expires_in = int(result.get("expires_in") or 7200)
        # Store it a little shorter than it lives (5 min of 2 h): a refresh then happens
        # while the old token still works, and no process uses one about to expire.
        self.store.set(self.key, token, max(1, expires_in - min(300, expires_in // 4)))
        return result


class SharedTokenStorage(SessionStorage):
    """wechatpy's session storage (its documented extension point) for the client we
    wrap: other keys as ``RedisStorage`` keeps them; the access token from
    ``SharedAccessToken``, which fetches it when none is stored. wechatpy then trusts it
    as a token handed to it, and never fetches one itself."""

    def __init__(self, token: SharedAccessToken) -> None:
        self.token = token

    def get(self, key, default=None):
        if key == self.token.key:
            return self.token.current()
        return self.token.store.get(key, default)

    def set(self, key, value, ttl=None):
        self.token.store.set(key, value, ttl)

    def delete(self, key):
        self.token.store.delete(key)


class OutboundWeChatClient:
    """One official account's API client: a ``wechatpy.WeChatClient`` (``api``) on our API
    base, with the shared token and this module's errors. Build it with ``make_client``;
    call wechatpy's API through ``call``. One client per thread (it holds HTTP sessions)."""

    def __init__(self, appid: str, secret: str, redis_conn: redis.Redis, *, api_base: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, prefix: str = DEFAULT_PREFIX, lock_timeout: float | None = None,
                 lock_wait: float | None = None) -> None:
        if not appid or not secret:
            raise ValueError("WeChat appid and secret are required")
        self.appid, self._secret, self.timeout = appid, secret, timeout
        self.API_BASE_URL = normalize_api_base(api_base or DEFAULT_API_BASE)
        self.session = RedisStorage(redis_conn, prefix=prefix)  # where the token is, as wechatpy keeps it
        self.http = requests.Session()  # ours: the token and media downloads
        self.token = SharedAccessToken(appid, secret, self.session, redis_conn, self.http, api_base=self.API_BASE_URL,
                                       timeout=timeout, prefix=prefix, lock_timeout=lock_timeout, lock_wait=lock_wait)
        self.api = WeChatClient(appid, secret, session=SharedTokenStorage(self.token), timeout=timeout,
                                auto_retry=False)
        self.api.API_BASE_URL = self.API_BASE_URL  # wechatpy's API objects build their URLs on it

    def __repr__(self) -> str:
        return f"<{type(self).__name__} appid={self.appid} api_base={self.API_BASE_URL}>"

    @property
    def access_token_key(self) -> str:
        return self.token.key

    @property
    def access_token(self) -> str:
        return self.token.current()

    @property
    def lock_name(self) -> str:
        return self.token.lock_name

    @property
    def token_fetches(self) -> int:
        return self.token.fetches

    def fetch_access_token(self) -> dict[str, Any]:
        """Fetch a new token now, under the lock, and store it. Normal code never needs
        this: ``access_token`` and the 40001 handling refresh it."""
        return self.token.fetch_now()

    def close(self) -> None:
        self.http.close()

    def call(self, endpoint: str, request: Callable[[WeChatClient], Any], *, post: bool = True) -> Any:
        """``request(api)`` (a wechatpy call, e.g. ``lambda api: api.message.send_text(…)``)
        with one locked token refresh and one retry on a token error, and this module's
        errors, raised outside the ``except`` (wechatpy's carry the URL with the token)."""
        for attempt in (1, 2):
            token = self.access_token
            error: WeChatAPIError | None = None
            try:
                return request(self.api)
            except WeChatAPIError:  # ours, from the token fetch inside wechatpy's call
                raise
            except WeChatClientException as exc:
                if exc.errcode is None:
                    status = exc.response.status_code if exc.response is not None else 0
                    error = http_error(status, endpoint, post)
                elif int(exc.errcode) in TOKEN_ERRCODES and attempt == 1:
                    logger.info("WeChat rejected the access token (errcode %s) calling %s; "
                                "refreshing it and retrying once", exc.errcode, endpoint)
                else:
                    error = api_error(int(exc.errcode), exc.errmsg, endpoint, self._secret, token)
            except requests.RequestException as exc:
                error = transport_error(exc, endpoint, self.timeout, post)
            if error is not None:
                raise error
            self.token.refresh(failed_token=token)
        raise AssertionError("unreachable")  # pragma: no cover

    def error(self, errcode: int, errmsg: Any, endpoint: str, token: str | None = None) -> WeChatAPIError:
        """Our error for WeChat's errcode, without the secret or the token in its text."""
        return api_error(errcode, errmsg, endpoint, self._secret, token)


# --------------------------------------------------------------------------- functions
def make_client(appid: str, secret: str, redis_conn: redis.Redis, api_base: str | None = None,
                *, timeout: float = DEFAULT_TIMEOUT, **options: Any) -> OutboundWeChatClient:
    """The client for one official account. ``api_base`` defaults to the real API
    (``https://api.weixin.qq.com/cgi-bin/``); ``http://host:port`` means its
    ``/cgi-bin/``. ``options``: ``prefix``, ``lock_timeout``, ``lock_wait``."""
    return OutboundWeChatClient(appid, secret, redis_conn, api_base=api_base, timeout=timeout, **options)


def _template_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """``{"k": "v"}`` → ``{"k": {"value": "v"}}``; ``{"k": {...}}`` is kept."""
    return {key: value if isinstance(value, Mapping) else {"value": str(value)}
            for key, value in data.items()}


def send_template(client: OutboundWeChatClient, openid: str, template_id: str,
                  data: Mapping[str, Any], url: str | None = None,
                  mini_program: Mapping[str, str] | None = None) -> SendResult:
    """A template message. ``data`` values may be plain strings."""
    if not template_id:
        raise ValueError("template_id is required")
    result = client.call("message/template/send", lambda api: api.message.send_template(
        openid, template_id, _template_data(data), url=url, mini_program=dict(mini_program) if mini_program else None))
    msgid = result.get("msgid") if isinstance(result, dict) else None
    return SendResult(channel="template", msgid=int(msgid) if msgid is not None else None)


def send_text(client: OutboundWeChatClient, openid: str, text: str, template_id: str | None = None,
              template_data: Mapping[str, Any] | None = None, url: str | None = None) -> SendResult:
    """A customer-service text message; outside the 48 h window (45015) or over its
    count (45047), the template message ``template_id`` with ``template_data`` instead.
    Raises ``NotDeliverable`` when neither can reach the user."""
    if not text:
        raise ValueError("text is empty")
    if template_id and template_data is None:
        raise ValueError("template_data is required with template_id (the fields are the template's)")
    try:
        client.call("message/custom/send", lambda api: api.message.send_text(openid, text))
        return SendResult(channel="custom")
    except WeChatAPIError as exc:
        if exc.errcode not in WINDOW_ERRCODES:
            raise
        if not template_id:
            raise NotDeliverable(exc.errcode, f"{exc.errmsg}: the user has not written within 48 hours "
                                              "(or the window's quota is used) and no template "
                                              "message was given to fall back on") from None
        logger.info("custom message refused (errcode %s); sending template %s instead",
                    exc.errcode, template_id)
        custom_errcode = exc.errcode
    result = send_template(client, openid, template_id, template_data or {}, url=url)
    return SendResult(channel="template", msgid=result.msgid, custom_errcode=custom_errcode)


__all__ = [
    "DEFAULT_API_BASE",
    "MAX_MEDIA_BYTES",
    "MediaRejected",
    "NotDeliverable",
    "OutboundWeChatClient",
    "RedactSecretsFilter",
    "RetryableWeChatError",
    "SendResult",
    "WeChatAPIError",
    "download_media",
    "install_log_redaction",
    "make_client",
    "send_template",
    "send_text",
]
