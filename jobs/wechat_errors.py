"""What can go wrong calling WeChat, as the worker's jobs handle it: the errors (with
``retryable`` and ``maybe_delivered``), how a failed request, an HTTP status or an
errcode becomes one, never carrying the appsecret or the access token, and the log
filter that keeps them out of urllib3's debug lines."""
from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

import requests
import urllib3.exceptions
from wechatpy.exceptions import WeChatClientException

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


def _is_connect_failure(exc: requests.RequestException) -> bool:
    """True when the request certainly never reached the server."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


def transport_error(exc: requests.RequestException, endpoint: str, timeout: float, post: bool) -> WeChatAPIError:
    """Our error for a failed request, without its text (the URL there has the token)."""
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema)):
        return WeChatAPIError(None, f"bad WeChat API URL for {endpoint}: {type(exc).__name__}")
    if isinstance(exc, requests.Timeout):
        connect = isinstance(exc, requests.ConnectTimeout)
        return RetryableWeChatError(None, f"{'connect ' if connect else ''}timeout after {timeout}s calling {endpoint}",
                                    maybe_delivered=post and not connect)
    return RetryableWeChatError(None, f"{type(exc).__name__} calling {endpoint}",
                                maybe_delivered=post and not _is_connect_failure(exc))


def http_error(status: int, endpoint: str, post: bool) -> WeChatAPIError:
    if status >= 500 or status == 429:
        return RetryableWeChatError(None, f"HTTP {status} from {endpoint}", http_status=status,
                                    maybe_delivered=post and status != 429)
    return WeChatAPIError(None, f"HTTP {status} from {endpoint}", http_status=status)


def api_error(errcode: int, errmsg: Any, endpoint: str, *secrets: str | None,
               token_error_retryable: bool = True) -> WeChatAPIError:
    text = str(errmsg if errmsg is not None else errcode)
    for secret in secrets:  # WeChat does not echo them; make sure
        if secret:
            text = text.replace(secret, "***")
    text = f"{text} ({endpoint})"
    if errcode in RETRYABLE_ERRCODES or (errcode in TOKEN_ERRCODES and token_error_retryable):
        return RetryableWeChatError(errcode, text)
    if errcode in UNDELIVERABLE_ERRCODES:
        return NotDeliverable(errcode, text)
    return WeChatAPIError(errcode, text)


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


def get_checked(http: requests.Session, url: str, *, endpoint: str, params: Mapping[str, Any], timeout: float,
         stream: bool = False) -> requests.Response:
    """One GET of our own (the token, media); errors raised outside the ``except``, so
    they carry no ``__context__`` with the URL in it."""
    error: WeChatAPIError | None = None
    try:
        response = http.get(url, params=params, stream=stream, timeout=timeout)
    except requests.RequestException as exc:
        error = transport_error(exc, endpoint, timeout, post=False)
    if error is not None:
        raise error
    if response.status_code >= 400:
        response.close()
        raise http_error(response.status_code, endpoint, post=False)
    return response
