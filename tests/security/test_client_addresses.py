"""Behind reverse proxies (TRUSTED_PROXIES hops) the per-address webhook limit and the
sign-in limits see the client's address; with 0, X-Forwarded-For is ignored so a client
cannot choose the address it is counted under. The sign-in lockout is per (username,
address): a stranger cannot lock a known name out, and says nothing about which names exist."""
from __future__ import annotations

import pytest

from admin.auth import GENERIC_ERROR, LOCKED, MAX_FAILURES
from tests.admin.conftest import Console
from tests.admin.conftest import team as admin_team

team = admin_team  # the console tests' staff: desk, engineer, supervisor, admin


@pytest.fixture
def site(make, session):
    site = make.site()
    session.commit()
    return site


def _unsigned(client, forwarded_for):
    return client.post("/wechat/lehui", data=b"<xml/>", headers={"X-Forwarded-For": forwarded_for},
                       environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code  # the proxy's own address


def test_one_trusted_hop_limits_each_client_not_the_proxy(app, client, site):
    app.config["WEBHOOK_IP_LIMIT_PER_MINUTE"] = 3
    from app import create_app

    proxied = create_app({**app.config, "TRUSTED_PROXIES": 1}).test_client()
    assert [_unsigned(proxied, "203.0.113.7") for _ in range(5)] == [403, 403, 403, 429, 429]
    assert _unsigned(proxied, "198.51.100.9") == 403  # another client behind the same proxy


def test_without_trusted_proxies_x_forwarded_for_is_ignored(app, client, site):
    app.config["WEBHOOK_IP_LIMIT_PER_MINUTE"] = 3
    codes = [_unsigned(client, f"203.0.113.{i}") for i in range(5)]  # a client inventing addresses
    assert codes == [403, 403, 403, 429, 429]


def _console(app, address, hops=1):
    from app import create_app

    proxied = create_app({**app.config, "TRUSTED_PROXIES": hops}).test_client()
    proxied.environ_base.update({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": address})
    return Console(proxied)


def test_a_stranger_cannot_lock_a_known_name_out_from_elsewhere(app, team):
    stranger, desk = _console(app, "203.0.113.66"), _console(app, "198.51.100.20")
    for _ in range(MAX_FAILURES):
        assert stranger.login("desk", "guessing").status_code == 401
    refused = stranger.login("desk")
    assert refused.status_code == 401 and LOCKED in refused.get_data(as_text=True)
    assert desk.login("desk").status_code == 302  # the real clerk, at the desk


def test_the_lockout_says_nothing_about_which_names_exist(app, team):
    console = _console(app, "203.0.113.5")
    pages = {}
    for name in ("desk", "no-such-person"):
        answers = [console.login(name, "guessing").get_data(as_text=True) for _ in range(MAX_FAILURES + 1)]
        assert all(GENERIC_ERROR in page for page in answers[:MAX_FAILURES])
        pages[name] = answers[-1]
    assert LOCKED in pages["desk"] and LOCKED in pages["no-such-person"]


def test_failures_are_counted_atomically_in_redis(app, team):
    console = _console(app, "203.0.113.8")
    console.login("desk", "guessing")
    console.login("desk", "guessing")
    (key,) = app.redis.scan_iter("rl:admin-login-fail:*")
    assert int(app.redis.get(key)) == 2 and 0 < app.redis.ttl(key) <= 15 * 60
