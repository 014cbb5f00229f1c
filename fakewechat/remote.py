"""The client for a fake WeChat API running in another process (``python -m fakewechat``,
the demo's): the same controls as ``FakeWeChat``, over ``/_fake/`` (fakewechat.app)."""
from __future__ import annotations

from typing import Any

import requests


class RemoteFakeWeChat:
    """The same controls as ``FakeWeChat``, over HTTP, for a fake in another process."""

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._http = requests.Session()

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/cgi-bin/"

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._http.request(method, f"{self.base_url}/_fake/{path}", timeout=self.timeout, **kwargs)
        response.raise_for_status()
        return response.json()

    def received(self, endpoint: str | None = None) -> list[dict[str, Any]]:
        return self._call("GET", "requests", params={"endpoint": endpoint} if endpoint else None)

    def sent(self, endpoint: str) -> list[dict[str, Any]]:
        return self._call("GET", f"sent/{endpoint}")

    @property
    def token_fetches(self) -> int:
        return self._call("GET", "stats")["token_fetches"]

    def issued_tokens(self) -> list[str]:
        """Every token issued since the last reset, oldest first."""
        return self._call("GET", "tokens")

    def stats(self) -> dict[str, int]:
        return self._call("GET", "stats")

    def fail(self, endpoint: str, *, errcode: int | None = None, status: int | None = None,
             hang: float | None = None, times: int | None = 1, touser: str | None = None) -> None:
        spec = {"endpoint": endpoint, "errcode": errcode, "status": status, "hang": hang,
                "times": times, "touser": touser}
        self._call("POST", "fail", json=spec)

    def reset(self) -> None:
        self._call("POST", "reset")

    def revoke_tokens(self) -> None:
        self._call("POST", "revoke_tokens")

    def add_media(self, media_id: str, data: bytes, content_type: str = "image/jpeg") -> None:
        self._call("POST", f"media/{media_id}", data=data, headers={"Content-Type": content_type})
