"""Sign-in (Flask-Login): hashed passwords, a lockout after repeated failures, a per-address
limit, and a login check on every console route except the sign-in page and static files."""
from __future__ import annotations

import hashlib
import logging
from urllib.parse import urlsplit

import redis
import sqlalchemy as sa
from flask import abort, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

import ratelimit
from admin import bp
from models import Role, Staff, db

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_MINUTES = 15
ADDRESS_LIMIT = 30  # sign-in attempts per address per window
ADDRESS_WINDOW = 600
PUBLIC_ENDPOINTS = {"admin.login", "admin.static"}
JSON_ENDPOINTS = {"admin.classify_text", "admin.simulator_send", "admin.simulator_messages"}
GENERIC_ERROR = "用户名或密码错误"
LOCKED = f"登录失败次数过多，请{LOCK_MINUTES}分钟后再试或联系管理员"

login_manager = LoginManager()
login_manager.login_view = "admin.login"
login_manager.login_message = "请先登录"
login_manager.session_protection = "strong"
_DUMMY_HASH = generate_password_hash("not-a-password")


class ConsoleUser(UserMixin):
    """Flask-Login's view of a staff member. The id carries a stamp of the password hash,
    so changing a password signs out every other session."""

    def __init__(self, staff: Staff) -> None:
        self.staff = staff

    def get_id(self) -> str:
        return f"{self.staff.id}:{password_stamp(self.staff)}"

    @property
    def is_active(self) -> bool:
        return self.staff.active


def password_stamp(staff: Staff) -> str:
    return hashlib.sha256(staff.password_hash.encode()).hexdigest()[:16]


@login_manager.user_loader
def load_user(user_id: str):
    staff_id, _, stamp = user_id.partition(":")
    if not staff_id.isdigit():
        return None
    staff = db.session.get(Staff, int(staff_id))
    if staff is None or not staff.active or stamp != password_stamp(staff):
        return None
    return ConsoleUser(staff)


@login_manager.unauthorized_handler
def unauthorized():
    if request.endpoint in JSON_ENDPOINTS or request.accept_mimetypes.best == "application/json":
        return jsonify(error="请先登录"), 401
    return redirect(url_for("admin.login", next=request.full_path if request.query_string else request.path))


bp.record_once(lambda state: login_manager.init_app(state.app))


@bp.before_request
def login_check():
    """Every console route needs a signed-in, active staff member, decorated or not."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return unauthorized()
    return None


@bp.errorhandler(401)
def not_signed_in(_exc):
    return unauthorized()


def landing() -> str:
    """Where a signed-in person starts: engineers and guards at 我的任务, others at the queue."""
    return url_for("admin.my_tasks" if current_user.staff.role == Role.ENGINEER else "admin.queue")


def _safe_next(target: str | None) -> str:
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/admin") and "\\" not in target:
            return target
    return landing()


def _address_blocked() -> bool:
    """A cap per client address on top of the per-account lockout; fails open when Redis
    is away (the account lockout in the database still holds)."""
    return not ratelimit.hit(current_app.redis, f"admin-login:{request.remote_addr}", ADDRESS_LIMIT, ADDRESS_WINDOW)


def _failures_key(username: str, address: str | None) -> str:
    """Failures count per (username, address): someone elsewhere cannot lock a known name
    out, and a name that does not exist locks the same way (the message tells nothing)."""
    name = hashlib.sha256(username.lower().encode()).hexdigest()[:24]
    return f"admin-login-fail:{name}:{address}"


def _failures(key: str) -> int:
    try:
        return int(current_app.redis.get(ratelimit.redis_key(key)) or 0)
    except redis.RedisError:
        return 0  # fails open like every limit; the per-address cap and hashing cost remain


def authenticate(username: str, password: str, address: str | None = None) -> tuple[Staff | None, str | None]:
    """The staff member, or None and the message to show. Failures are counted atomically
    (Redis INCR) per (username, address); the same messages whether the name exists."""
    key = _failures_key(username, address)
    if _failures(key) >= MAX_FAILURES:
        return None, LOCKED
    staff = db.session.scalar(sa.select(Staff).where(Staff.username == username))
    if staff is None or not staff.active:
        check_password_hash(_DUMMY_HASH, password)  # same cost as a real check
        ok = False
    else:
        ok = staff.check_password(password)
    if not ok:
        if not ratelimit.hit(current_app.redis, key, MAX_FAILURES - 1, LOCK_MINUTES * 60):
            log.warning("sign-in locked for %d minutes after %d failures from %s", LOCK_MINUTES, MAX_FAILURES,
                        address)
        return None, GENERIC_ERROR
    try:
        current_app.redis.delete(ratelimit.redis_key(key))
    except redis.RedisError:
        pass
    return staff, None


def clear_failures(username: str) -> None:
    """An admin's 解锁: forget the account's failures from every address."""
    name = hashlib.sha256(username.lower().encode()).hexdigest()[:24]
    try:
        keys = list(current_app.redis.scan_iter(ratelimit.redis_key(f"admin-login-fail:{name}:*")))
        if keys:
            current_app.redis.delete(*keys)
    except redis.RedisError:
        pass


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_safe_next(request.args.get("next")))
    error = None
    username = (request.form.get("username") or "").strip()[:40]
    if request.method == "POST":
        if _address_blocked():
            return render_template("admin/login.html", error="尝试次数过多，请稍后再试", username=username), 429
        staff, error = authenticate(username, request.form.get("password") or "", request.remote_addr)
        if staff is not None:
            session.clear()  # a fresh session (and CSRF token) for the signed-in user
            login_user(ConsoleUser(staff))
            return redirect(_safe_next(request.args.get("next")))
        return render_template("admin/login.html", error=error, username=username), 401
    return render_template("admin/login.html", error=None, username="")


@bp.post("/logout")
def logout():
    logout_user()
    session.clear()
    flash("已退出登录", "info")
    return redirect(url_for("admin.login"))


@bp.get("/")
def home():
    return redirect(landing())


def forbid(message: str = "无权访问"):
    abort(403, description=message)
