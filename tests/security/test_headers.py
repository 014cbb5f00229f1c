"""Security headers on every kind of response: console pages (CSP without inline script),
survey pages, API JSON, webhook XML, errors and redirects."""
from __future__ import annotations

import pytest

from bot.wechat_signing import build_text, sign_request


@pytest.fixture
def site(make, session):
    site = make.site()
    session.commit()
    return site


@pytest.mark.parametrize("path", ["/", "/admin/login", "/api/v1/tickets", "/wechat/lehui", "/survey/not-a-token",
                                  "/healthz", "/nowhere"])
def test_every_response_has_the_headers(client, site, path):
    resp = client.get(path)
    csp = resp.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[-1].split(";")[0]
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["X-Frame-Options"] == "DENY"


def test_console_pages_allow_only_their_own_scripts(client, site):
    csp = client.get("/admin/login").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe" not in csp


def test_webhook_reply_has_the_strictest_policy(client, site):
    query, body = sign_request(build_text("o-h", "gh", "你好", 1), "testtoken")
    resp = client.post("/wechat/lehui", query_string=query, data=body)
    assert resp.status_code == 200 and resp.headers["Content-Security-Policy"].startswith("default-src 'none'")
