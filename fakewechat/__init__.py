"""A fake WeChat API server for tests and the demo: the recorded state
(``fakewechat.state``), its HTTP routes (``fakewechat.app``), the server that runs them
(``fakewechat.server``) and a client for one in another process (``fakewechat.remote``).

In-process::

    fake = FakeWeChat()
    base_url = fake.start()          # http://127.0.0.1:PORT ; fake.api_base for clients
    ...
    fake.stop()

Standalone (for the demo): ``python -m fakewechat --port 8555``, then point the worker's
API base at ``http://127.0.0.1:8555/cgi-bin/`` and inspect it with
``RemoteFakeWeChat("http://127.0.0.1:8555")`` or ``curl .../_fake/requests``.
"""
from fakewechat.remote import RemoteFakeWeChat
from fakewechat.server import FakeWeChat
from fakewechat.state import DEMO_JPEG, ENDPOINTS

__all__ = ["DEMO_JPEG", "ENDPOINTS", "FakeWeChat", "RemoteFakeWeChat"]
