"""Downloading a tenant's photo or voice from WeChat (media/get), streamed, checked by
type and size before it is kept."""
from __future__ import annotations

import logging
from collections.abc import Collection
from contextlib import closing
from typing import TYPE_CHECKING

import requests
from wechatpy.utils import json as wechat_json

from jobs.wechat_errors import TOKEN_ERRCODES, MediaRejected, get_checked

if TYPE_CHECKING:
    from jobs.wechat_client import OutboundWeChatClient

logger = logging.getLogger(__name__)

MAX_MEDIA_BYTES = 10 * 1024 * 1024  # WeChat's own limit for images; voice is 2 MB
DEFAULT_MEDIA_TYPES = ("image/*", "audio/*", "voice/*")
FORBIDDEN_MEDIA_TYPES = frozenset({"image/svg+xml"})  # scriptable: never store or serve it


def download_media(client: OutboundWeChatClient, media_id: str, max_bytes: int = MAX_MEDIA_BYTES,
                   allowed_types: Collection[str] = DEFAULT_MEDIA_TYPES) -> tuple[bytes, str]:
    """Temporary media (kept 3 days by WeChat) as ``(bytes, content_type)``, streamed:
    the type is checked before reading and the download stops past ``max_bytes``.
    Raises ``MediaRejected`` for a type not in ``allowed_types`` (``image/*``,
    ``audio/*``, ``voice/*``; SVG never), an empty body, or more than ``max_bytes``.
    A token error refreshes the shared token and tries once more, as every call does."""
    for attempt in (1, 2):
        token = client.access_token
        response = get_checked(client.http, f"{client.API_BASE_URL}media/get", endpoint="media/get", stream=True,
                        params={"access_token": token, "media_id": media_id}, timeout=client.timeout)
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
                    client.token.refresh(failed_token=token)
                    continue
                if errcode:
                    raise client.error(errcode, result.get("errmsg"), "media/get", token)
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
