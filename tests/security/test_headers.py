"""Security headers on every kind of response: console pages (CSP without inline script),
survey pages, API JSON, webhook XML, errors and redirects."""
from __future__ import annotations

import pytest

from fakewechat.signing import build_text, sign_request


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


@pytest.mark.parametrize("path", ["/admin/login", "/wechat/lehui", "/healthz"])
def test_each_header_is_set_once_and_a_page_keeps_its_own_policy(client, site, path):
    resp = client.get(path)
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"):
        assert len(resp.headers.getlist(name)) == 1, name
    assert ("script-src 'self'" in resp.headers["Content-Security-Policy"]) == path.startswith("/admin")


def test_machine_clients_get_no_cookie_session_and_pages_keep_theirs(app, client, site):
    from flask import request

    for path, null in (("/wechat/lehui", True), ("/api/v1/tickets", True), ("/admin/login", False)):
        with app.test_request_context(path):
            opened = app.session_interface.open_session(app, request)
            assert app.session_interface.is_null_session(opened) is null, path
    query, body = sign_request(build_text("o-c", "gh", "你好", 2), "testtoken")
    assert "Set-Cookie" not in client.post("/wechat/lehui", query_string=query, data=body).headers
    login_page = client.get("/admin/login")
    assert login_page.status_code == 200 and "session=" in login_page.headers.get("Set-Cookie", "")
