"""The outbound WeChat API client used by the worker.

A ``wechatpy`` ``WeChatClient`` subclass with what the worker needs and wechatpy 1.8.18
does not give:

* every call goes to one configurable API base (``api_base``, a fake server in tests and
  in the demo) -- wechatpy hard-codes ``https://api.weixin.qq.com/cgi-bin/token`` in
  ``fetch_access_token`` and in ``media.get_url``;
* a timeout on every request, the token fetch included (wechatpy sends that one with
  none);
* one access token shared by all processes (``RedisStorage``) and refreshed under a
  Redis lock: after taking the lock the stored token is read again, and a token that
  failed with 40001/40014/42001 is refetched only if it is still the stored one -- so
  several workers that all see 40001 cause ONE refetch. Then the call is retried once
  (wechatpy's own ``auto_retry`` refetches without a lock and retries without limit);
* errors as ``WeChatAPIError`` (``.retryable`` tells the job layer: retry later, or
  fail visibly), never carrying the appsecret or the access token, and no log line of
  this module or of urllib3 shows them either (a redacting filter is installed on the
  ``urllib3.connectionpool`` logger, which logs full URLs at DEBUG).

Public API: ``make_client``, ``send_text``, ``send_template``, ``download_media``,
``SendResult`` and the errors.
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import redis
import requests
import urllib3.exceptions
from wechatpy.client import WeChatClient
from wechatpy.client.api import WeChatMedia
from wechatpy.exceptions import WeChatClientException
from wechatpy.session.redisstorage import RedisStorage
from wechatpy.utils import json as wechat_json

logger = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://api.weixin.qq.com/cgi-bin/"
WECHAT_ROOT = "https://api.weixin.qq.com/"
DEFAULT_TIMEOUT = 5.0
DEFAULT_PREFIX = "wechatpy"  # wechatpy's RedisStorage default: plain wechatpy clients share it
MAX_MEDIA_BYTES = 10 * 1024 * 1024  # WeChat's own limit for images; voice is 2 MB
DEFAULT_MEDIA_TYPES = ("image/*", "audio/*", "voice/*")
FORBIDDEN_MEDIA_TYPES = frozenset({"image/svg+xml"})  # scriptable: never store or serve it

TOKEN_ERRCODES = frozenset({40001, 40014, 42001})  # invalid / invalid / expired token
WINDOW_ERRCODES = frozenset({45015, 45047})  # outside the 48 h window / over its count
RETRYABLE_ERRCODES = frozenset({-1, 45009, 45011})  # system busy, daily / minute quota
UNDELIVERABLE_ERRCODES = frozenset({40003, 43004})  # invalid openid, unsubscribed


# --------------------------------------------------------------------------- errors
class WeChatAPIError(WeChatClientException):
    """A WeChat API call failed. ``errcode`` is WeChat's code, or None for an HTTP or
    transport failure (then ``http_status`` may say more). ``retryable`` tells whether
    trying again later can help. Subclasses wechatpy's ``WeChatClientException`` (with
    no request/response attached: their URLs carry the token)."""

    retryable = False

    def __init__(self, errcode: int | None, errmsg: str | None, *, http_status: int | None = None,
                 maybe_delivered: bool = False) -> None:
        super().__init__(errcode, errmsg)
        self.http_status = http_status
        # True when the request may have reached WeChat and been acted on although no
        # answer came back (read timeout, HTTP 5xx after a POST): a retry may duplicate.
        self.maybe_delivered = maybe_delivered


class RetryableWeChatError(WeChatAPIError):
    """System busy (-1), quota, HTTP 5xx/429, timeout, connection failure, token still
    rejected after one refresh, token lock not obtained: try again later."""

    retryable = True


class NotDeliverable(WeChatAPIError):
    """The message cannot reach this user now: outside the 48 h customer-service window
    with no template to fall back on, user unsubscribed (43004), or invalid openid."""


class MediaRejected(WeChatAPIError):
    """Downloaded media is not an allowed image/voice type, is empty, or is too big."""


@dataclass(frozen=True)
class SendResult:
    channel: str  # "custom" (customer-service message) or "template"
    msgid: int | None = None  # template messages: matches TEMPLATESENDJOBFINISH's MsgID
    custom_errcode: int | None = None  # why the custom message was not used (45015/45047)


# --------------------------------------------------------------------------- logging
class RedactSecretsFilter(logging.Filter):
    """Rewrites ``access_token=…``, ``secret=…`` in a record's message to ``…=***``."""

    PATTERN = re.compile(r"\b(access_token|secret|appsecret)=[^&\s\"']*", re.IGNORECASE)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the handler's business, not ours
            return True
        redacted = self.PATTERN.sub(r"\1=***", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


REDACTED_LOGGERS = ("urllib3.connectionpool", "urllib3.util.retry", "requests")


def install_log_redaction() -> None:
    """Idempotent: put a ``RedactSecretsFilter`` on the loggers that print request URLs."""
    for name in REDACTED_LOGGERS:
        target = logging.getLogger(name)
        if not any(isinstance(f, RedactSecretsFilter) for f in target.filters):
            target.addFilter(RedactSecretsFilter())


install_log_redaction()


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


class _Media(WeChatMedia):
    def get_url(self, media_id: str) -> str:
        # wechatpy hard-codes https://api.weixin.qq.com/cgi-bin/media/get here.
        query = urlencode({"access_token": self.access_token, "media_id": media_id})
        return f"{self._client.API_BASE_URL}media/get?{query}"


def _is_connect_failure(exc: requests.RequestException) -> bool:
    """True when the request certainly never reached the server."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


class OutboundWeChatClient(WeChatClient):
    """``wechatpy.WeChatClient`` with a configurable API base, timeouts, a Redis-shared
    token refreshed under a Redis lock, and this module's errors. Build it with
    ``make_client``. One client per thread (it holds a ``requests.Session``)."""

    media = _Media()

    def __init__(
        self,
        appid: str,
        secret: str,
        redis_conn: redis.Redis,
        *,
        api_base: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        prefix: str = DEFAULT_PREFIX,
        lock_timeout: float | None = None,
        lock_wait: float | None = None,
    ) -> None:
        if not appid or not secret:
            raise ValueError("WeChat appid and secret are required")
        super().__init__(appid, secret, session=RedisStorage(redis_conn, prefix=prefix),
                         timeout=timeout, auto_retry=False)
        # An instance attribute: wechatpy builds URLs from self.API_BASE_URL.
        self.API_BASE_URL = normalize_api_base(api_base or DEFAULT_API_BASE)
        base = self.API_BASE_URL
        self._api_root = base[: -len("cgi-bin/")] if base.endswith("/cgi-bin/") else base
        self.redis = redis_conn
        self.lock_name = f"{prefix}:{appid}_access_token:lock"
        # The lock expires on its own if its holder dies mid-fetch; waiters wait a bit
        # longer than one holder can hold it.
        self.lock_timeout = lock_timeout if lock_timeout is not None else max(10.0, 3 * timeout)
        self.lock_wait = lock_wait if lock_wait is not None else self.lock_timeout + timeout
        self.token_fetches = 0  # by this client, for tests and metrics

    def __repr__(self) -> str:
        return f"<{type(self).__name__} appid={self.appid} api_base={self.API_BASE_URL}>"

    # ------------------------------------------------------------------ the token
    @property
    def access_token(self) -> str:
        """The shared token; fetched (under the lock) when Redis has none. The stored
        copy expires a little before WeChat's, so it is refreshed early."""
        # wechatpy's version trusts self.expires_at, which only the fetching process has.
        token = self.session.get(self.access_token_key)
        if token:
            return token
        return self._refresh_access_token(failed_token=None)

    def fetch_access_token(self) -> dict[str, Any]:
        """Fetch a new token now, under the lock, and store it (wechatpy's API). Normal
        code never needs this: ``access_token`` and the 40001 handling refresh it."""
        with self._token_lock():
            return self._fetch_and_store()

    def _refresh_access_token(self, failed_token: str | None) -> str:
        """Under the lock: reuse the stored token if it differs from ``failed_token``
        (another process refreshed meanwhile), otherwise fetch a new one."""
        with self._token_lock():
            current = self.session.get(self.access_token_key)
            if current and current != failed_token:
                if failed_token is not None:
                    logger.info("WeChat access token for %s was already refreshed elsewhere", self.appid)
                return current
            return self._fetch_and_store()["access_token"]

    @contextmanager
    def _token_lock(self) -> Iterator[None]:
        lock = self.redis.lock(self.lock_name, timeout=self.lock_timeout,
                               blocking_timeout=self.lock_wait)
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
        self.token_fetches += 1
        logger.info("fetching a new WeChat access token for %s", self.appid)
        params = {"grant_type": "client_credential", "appid": self.appid, "secret": self.secret}
        response = self._send("GET", f"{self.API_BASE_URL}token", endpoint="token", params=params)
        result = self._decode_result(response)
        if not isinstance(result, dict):
            raise RetryableWeChatError(None, "token endpoint answered something that is not JSON",
                                       http_status=response.status_code)
        errcode = int(result.get("errcode") or 0)
        if errcode:
            # 40001/40013/40125/40164 here mean wrong appid/secret or IP not allowed:
            # not retryable, unlike the same code from a call with a token.
            raise self._error(errcode, result.get("errmsg"), "token", token_error_retryable=False)
        token = result.get("access_token")
        if not token or not isinstance(token, str):
            raise RetryableWeChatError(None, "token endpoint answered without an access_token")
        expires_in = int(result.get("expires_in") or 7200)
        # Store it a little shorter than it lives (5 min of 2 h): a refresh then happens
        # while the old token still works, and no process uses one about to expire.
        ttl = max(1, expires_in - min(300, expires_in // 4))
        self.session.set(self.access_token_key, token, ttl)
        self.expires_at = int(time.time()) + expires_in
        return result

    # ------------------------------------------------------------------ requests
    def _send(self, method: str, url: str, *, endpoint: str, params: Mapping[str, Any],
              stream: bool = False, timeout: float | None = None, **kwargs: Any) -> requests.Response:
        """One HTTP request; transport failures and HTTP errors become our errors with
        no URL in them, raised outside the ``except`` so they carry no ``__context__``
        (the requests exception's text has the query string: token, secret)."""
        post = method.upper() == "POST"
        timeout = timeout or self.timeout
        error: WeChatAPIError | None = None
        try:
            response = self._http.request(method, url, params=params, stream=stream,
                                          timeout=timeout, **kwargs)
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema) as exc:
            error = WeChatAPIError(None, f"bad WeChat API URL for {endpoint}: {type(exc).__name__}")
        except requests.Timeout as exc:
            connect = isinstance(exc, requests.ConnectTimeout)
            error = RetryableWeChatError(
                None, f"{'connect ' if connect else ''}timeout after {timeout}s calling {endpoint}",
                maybe_delivered=post and not connect)
        except requests.RequestException as exc:
            error = RetryableWeChatError(None, f"{type(exc).__name__} calling {endpoint}",
                                         maybe_delivered=post and not _is_connect_failure(exc))
        if error is not None:
            raise error
        status = response.status_code
        if status >= 500 or status == 429:
            response.close()
            raise RetryableWeChatError(None, f"HTTP {status} from {endpoint}", http_status=status,
                                       maybe_delivered=post and status != 429)
        if status >= 400:
            response.close()
            raise WeChatAPIError(None, f"HTTP {status} from {endpoint}", http_status=status)
        return response

    def _resolve(self, url_or_endpoint: str, api_base_url: str | None) -> str:
        """Relative endpoints go under the API base; absolute WeChat URLs (some wechatpy
        APIs have them) are moved to the same host."""
        if url_or_endpoint.startswith(("http://", "https://")):
            url = url_or_endpoint
        else:
            url = f"{api_base_url or self.API_BASE_URL}{url_or_endpoint}"
        if url.startswith(WECHAT_ROOT):
            url = self._api_root + url[len(WECHAT_ROOT):]
        return url

    def _endpoint_name(self, url: str) -> str:
        path = urlsplit(url).path
        root_path = urlsplit(self.API_BASE_URL).path
        return path[len(root_path):] if path.startswith(root_path) else path.lstrip("/")

    def _request(self, method: str, url_or_endpoint: str, **kwargs: Any) -> Any:
        """Replaces wechatpy's: token from the shared store, one locked refresh and one
        retry on a token error, this module's errors. Returns the decoded JSON (or the
        ``requests.Response`` when it is not JSON), like wechatpy."""
        url = self._resolve(url_or_endpoint, kwargs.pop("api_base_url", None))
        endpoint = self._endpoint_name(url)
        params = dict(kwargs.pop("params", None) or {})
        result_processor: Callable[[Any], Any] | None = kwargs.pop("result_processor", None)
        if isinstance(kwargs.get("data"), dict):
            kwargs["data"] = wechat_json.dumps(kwargs["data"], ensure_ascii=False).encode("utf-8")
        explicit_token = "access_token" in params  # given by the caller: not ours to refresh
        positions = _file_positions(kwargs.get("files"))

        for attempt in (1, 2):
            token = params["access_token"] if explicit_token else self.access_token
            if attempt == 2:
                _rewind(kwargs.get("files"), positions)
            response = self._send(method, url, endpoint=endpoint,
                                  params={**params, "access_token": token}, **kwargs)
            result = self._decode_result(response)
            if not isinstance(result, dict):
                return result
            if "base_resp" in result:
                result.update(result.pop("base_resp"))
            errcode = int(result.get("errcode") or 0)
            if errcode in TOKEN_ERRCODES and attempt == 1 and not explicit_token:
                logger.info("WeChat rejected the access token (errcode %s) calling %s; "
                            "refreshing it and retrying once", errcode, endpoint)
                self._refresh_access_token(failed_token=token)
                continue
            if errcode:
                raise self._error(errcode, result.get("errmsg"), endpoint, token=token)
            return result_processor(result) if result_processor else result
        raise AssertionError("unreachable")  # pragma: no cover

    def _error(self, errcode: int, errmsg: Any, endpoint: str, *, token: str | None = None,
               token_error_retryable: bool = True) -> WeChatAPIError:
        text = str(errmsg if errmsg is not None else errcode)
        for secret in (self.secret, token):  # WeChat does not echo them; make sure
            if secret:
                text = text.replace(secret, "***")
        text = f"{text} ({endpoint})"
        if errcode in RETRYABLE_ERRCODES or (errcode in TOKEN_ERRCODES and token_error_retryable):
            return RetryableWeChatError(errcode, text)
        if errcode in UNDELIVERABLE_ERRCODES:
            return NotDeliverable(errcode, text)
        return WeChatAPIError(errcode, text)

    # ------------------------------------------------------------------ media
    def download_media(self, media_id: str, *, max_bytes: int = MAX_MEDIA_BYTES,
                       allowed_types: Collection[str] = DEFAULT_MEDIA_TYPES) -> tuple[bytes, str]:
        """GET media/get, streamed: checks the type before reading and stops past
        ``max_bytes``. Token errors are handled like any call."""
        url = self._resolve("media/get", None)
        for attempt in (1, 2):
            token = self.access_token
            response = self._send("GET", url, endpoint="media/get", stream=True,
                                  params={"access_token": token, "media_id": media_id})
            with closing(response):
                content_type = _content_type(response)
                if content_type == "application/json" or content_type.startswith("text/"):
                    # Errors come as JSON, labelled text/plain by the real server.
                    body = _read_capped(response, 64 * 1024)
                    try:
                        result = wechat_json.loads(body.decode("utf-8", "replace"))
                    except ValueError:
                        result = None
                    if not isinstance(result, dict):
                        raise MediaRejected(None, f"media {media_id!r} has type {content_type!r}, "
                                                  "not an image or voice")
                    errcode = int(result.get("errcode") or 0)
                    if errcode in TOKEN_ERRCODES and attempt == 1:
                        logger.info("WeChat rejected the access token (errcode %s) calling "
                                    "media/get; refreshing it and retrying once", errcode)
                        self._refresh_access_token(failed_token=token)
                        continue
                    if errcode:
                        raise self._error(errcode, result.get("errmsg"), "media/get", token=token)
                    # e.g. a video answers {"video_url": ...}: not a type we take.
                    raise MediaRejected(None, f"media {media_id!r} is not an image or voice (JSON answer)")
                if not _type_allowed(content_type, allowed_types):
                    raise MediaRejected(None, f"media {media_id!r} has type {content_type!r}, "
                                              "not an allowed image or voice type")
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise MediaRejected(None, f"media {media_id!r} is {declared} bytes, "
                                              f"over the {max_bytes} limit")
                data = _read_capped(response, max_bytes)
                if len(data) > max_bytes:
                    raise MediaRejected(None, f"media {media_id!r} is over the {max_bytes} byte limit")
                if not data:
                    raise MediaRejected(None, f"media {media_id!r} is empty")
                return data, content_type
        raise AssertionError("unreachable")  # pragma: no cover


def _content_type(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def _type_allowed(content_type: str, allowed: Collection[str]) -> bool:
    if not content_type or content_type in FORBIDDEN_MEDIA_TYPES:
        return False
    main = content_type.split("/")[0]
    return any(a == content_type or (a.endswith("/*") and a[:-2] == main) for a in allowed)


def _read_capped(response: requests.Response, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes: more than ``limit`` means over the limit."""
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            break
    return b"".join(chunks)[: limit + 1]


def _file_objects(files: Any) -> list[Any]:
    if not files:
        return []
    values = files.values() if isinstance(files, Mapping) else [v for _, v in files]
    objects = [v[1] if isinstance(v, tuple) else v for v in values]
    return [f for f in objects if hasattr(f, "seek") and hasattr(f, "tell")]


def _file_positions(files: Any) -> list[int]:
    return [f.tell() for f in _file_objects(files)]


def _rewind(files: Any, positions: list[int]) -> None:
    """A retried upload must send the file again from where it started."""
    for f, position in zip(_file_objects(files), positions, strict=False):
        f.seek(position)


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
    result = client.message.send_template(openid, template_id, _template_data(data), url=url,
                                          mini_program=dict(mini_program) if mini_program else None)
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
        client.message.send_text(openid, text)
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


def download_media(client: OutboundWeChatClient, media_id: str, max_bytes: int = MAX_MEDIA_BYTES,
                   allowed_types: Collection[str] = DEFAULT_MEDIA_TYPES) -> tuple[bytes, str]:
    """Temporary media (kept 3 days by WeChat) as ``(bytes, content_type)``. Raises
    ``MediaRejected`` for a type not in ``allowed_types`` (``image/*``, ``audio/*``,
    ``voice/*``; SVG never), an empty body, or more than ``max_bytes``."""
    return client.download_media(media_id, max_bytes=max_bytes, allowed_types=allowed_types)


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
