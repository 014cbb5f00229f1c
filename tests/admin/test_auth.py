"""Sign-in: hashed passwords, lockout after repeated failures, session cookie flags,
safe redirects, and sessions that end when the password changes or the account stops."""
from __future__ import annotations

from admin.auth import LOCKED, MAX_FAILURES
from models import Staff


def test_sign_in_with_the_contract_field_names(team, console):
    page = console.get("/admin/login").get_data(as_text=True)
    assert 'name="username"' in page and 'name="password"' in page
    response = console.login("desk")
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/tickets")
    assert console.get("/admin/tickets").status_code == 200
    assert team.desk.password_hash.startswith(("scrypt:", "pbkdf2:"))


def test_root_and_console_send_anonymous_users_to_sign_in(client):
    assert client.get("/").headers["Location"] == "/admin/"
    response = client.get("/admin/tickets")
    assert response.status_code == 302 and "/admin/login?next=/admin/tickets" in response.headers["Location"]


def test_session_cookie_is_httponly_and_samesite(team, console):
    response = console.login("desk")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_wrong_password_is_refused_without_saying_which_part(team, console):
    wrong_user = console.login("nobody")
    wrong_password = console.login("desk", "wrong-password")
    assert wrong_user.status_code == wrong_password.status_code == 401
    assert "用户名或密码错误" in wrong_user.get_data(as_text=True)
    assert "用户名或密码错误" in wrong_password.get_data(as_text=True)
    assert console.get("/admin/tickets").status_code == 302


def test_lockout_after_repeated_failures(team, console, app):
    for _ in range(MAX_FAILURES):
        assert console.login("desk", "wrong-password").status_code == 401
    locked = console.login("desk")  # even the right password, while locked
    assert locked.status_code == 401 and LOCKED in locked.get_data(as_text=True)
    for key in app.redis.scan_iter("rl:admin-login-fail:*"):
        app.redis.delete(key)  # the window (LOCK_MINUTES) has passed
    assert console.login("desk").status_code == 302


def test_next_only_leads_inside_the_console(team, console):
    console.refresh_token()
    for target, expected in (("/admin/stats", "/admin/stats"), ("https://evil.example/", "/admin/tickets"),
                             ("//evil.example/admin", "/admin/tickets"), ("/survey/x", "/admin/tickets")):
        response = console.post(f"/admin/login?next={target}", {"username": "supervisor", "password": "password123"})
        assert response.headers["Location"] == expected
        console.post("/admin/logout")
        console.refresh_token()


def test_logout_needs_post_with_token(team, console):
    console.login("desk")
    assert console.get("/admin/logout").status_code == 405
    assert console.open("/admin/logout", "POST").status_code == 400  # no token
    assert console.get("/admin/tickets").status_code == 200
    assert console.post("/admin/logout").status_code == 302
    assert console.get("/admin/tickets").status_code == 302


def test_password_change_or_deactivation_ends_sessions(team, console, session):
    console.login("desk")
    desk = session.get(Staff, team.desk.id)
    desk.set_password("a-new-password")
    session.commit()
    assert console.get("/admin/tickets").status_code == 302
    console.login("desk", "a-new-password")
    desk.active = False
    session.commit()
    assert console.get("/admin/tickets").status_code == 302
    assert console.login("desk", "a-new-password").status_code == 401


def test_too_many_attempts_from_one_address(team, console, app, monkeypatch):
    monkeypatch.setattr("admin.auth.ADDRESS_LIMIT", 3)
    codes = [console.login(f"nobody{i}").status_code for i in range(5)]
    assert codes[:3] == [401, 401, 401] and codes[3:] == [429, 429]
    assert app.redis.get("rl:admin-login:127.0.0.1") is not None
    assert len(list(app.redis.scan_iter("rl:admin-login-fail:*"))) == 3  # the 429s checked no password
