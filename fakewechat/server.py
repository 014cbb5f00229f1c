"""A fake WeChat Official Account API server, for tests and for the demo: the recorded
state (fakewechat.state) served by its Flask app (fakewechat.app) on 127.0.0.1, in a
background thread (``start()``) or in the foreground (``python -m fakewechat``). A worker
in another process talks to it through fakewechat.remote."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Self

from werkzeug.serving import BaseWSGIServer, make_server

from fakewechat.app import QuietRequestHandler, make_app
from fakewechat.state import WeChatState


class FakeWeChat(WeChatState):
    """The fake server: its state and controls (WeChatState), and its lifecycle."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        appid: str | None = None,
        secret: str | None = None,
        expires_in: int = 7200,
    ) -> None:
        super().__init__(appid=appid, secret=secret, expires_in=expires_in)
        self.host = host
        self.port = port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self.app = make_app(self)

    def start(self) -> str:
        """Serve in a daemon thread; returns the base URL (``http://127.0.0.1:PORT``)."""
        if self._server is not None:
            return self.base_url
        self._server = make_server(
            self.host, self.port, self.app, threaded=True, request_handler=QuietRequestHandler
        )
        self.port = self._server.server_port
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"fakewechat:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self.base_url

    def serve_forever(self, ready: Callable[[str], object] | None = None) -> None:
        """Serve in the calling thread (for ``python -m fakewechat``); ``ready(base_url)``
        is called once the port is bound."""
        self._server = make_server(
            self.host, self.port, self.app, threaded=True, request_handler=QuietRequestHandler
        )
        self.port = self._server.server_port
        if ready is not None:
            ready(self.base_url)
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()
            self._server = None

    def stop(self) -> None:
        self._release_hung()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        """What to give the client as ``api_base``."""
        return f"{self.base_url}/cgi-bin/"
