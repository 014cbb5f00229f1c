"""The one factory: binds the database, Redis and the queues, registers the blueprints and
the CLI commands. `flask --app app …` and gunicorn `app:create_app()` both start here."""
from __future__ import annotations

import logging

from flask import Flask, jsonify, redirect
from flask.sessions import SecureCookieSessionInterface

import extensions
from config import Config
from models import db, localtime

log = logging.getLogger(__name__)

BASELINE_HEADERS = (
    ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
)
MACHINE_PATHS = ("/wechat", "/api/")  # WeChat's servers and API tokens: no cookies


class PagesOnlyCookieSession(SecureCookieSessionInterface):
    """The signed cookie session, for the pages people use. Machine clients get Flask's
    null session: building the signing serializer on each of their requests cost the
    webhook more than the bare echo endpoint's whole request."""

    def open_session(self, app, request):
        if request.path.startswith(MACHINE_PATHS):
            return self.make_null_session(app)
        return super().open_session(app, request)


def create_app(config: Config | dict | None = None) -> Flask:
    app = Flask(__name__)
    app.json.ensure_ascii = False  # staff read these payloads; keep Chinese readable
    settings = Config()
    app.config.from_mapping(settings.as_dict())
    if isinstance(config, Config):
        app.config.from_mapping(config.as_dict())
    elif config:
        app.config.from_mapping(config)
        if "SECRET_KEY" in config and "SECRET_KEY_SOURCE" not in config:
            app.config["SECRET_KEY_SOURCE"] = "given"

    _refuse_unsafe_settings(app)
    db.configure(app.config["DATABASE_URL"])
    localtime.configure(app.config.get("TIMEZONE"))
    app.config["REDIS_URL"] = extensions.redis_url_for(app.config["REDIS_URL"], app.config["INSTANCE_PATH"])
    app.redis = extensions.connect_redis(app.config["REDIS_URL"])
    app.queues = extensions.make_queues(app.redis)

    @app.teardown_appcontext
    def remove_session(exc):
        if exc is not None:
            db.session.rollback()
        db.session.remove()

    app.session_interface = PagesOnlyCookieSession()
    production_mode = app.config["APP_ENV"] == "production"
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:  # the client's address, as the trusted proxies saw it, for the limits and the lockout
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0)

    @app.after_request
    def baseline_security_headers(response):
        # Blueprints with pages (admin, survey) set their own CSP first; everything else
        # (webhook XML, API JSON, redirects) gets the strictest one. One pass over the
        # few headers set (setdefault searches them, and raises inside, once per name).
        present = {name.lower() for name, _ in response.headers}
        response.headers.extend([(name, value) for name, value in BASELINE_HEADERS if name.lower() not in present])
        if production_mode:  # browsers then never try the console over plain http
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response

    @app.errorhandler(500)
    def internal_error(exc):
        db.session.rollback()
        return jsonify(error="服务器内部错误，请稍后再试"), 500

    @app.get("/healthz")
    def health():
        return jsonify(status="ok")

    @app.get("/")
    def index():
        return redirect("/admin/")

    from admin import bp as admin_bp
    from api import bp as api_bp
    from bot import bp as bot_bp
    from survey import bp as survey_bp

    extensions.csrf.init_app(app)
    for bp in (api_bp, bot_bp):  # machine clients: signatures and tokens, not cookies
        extensions.csrf.exempt(bp)
    for bp in (admin_bp, api_bp, bot_bp, survey_bp):
        app.register_blueprint(bp)

    import cli
    import jobs
    import nlp

    nlp.model.use_instance_dir(app.config["INSTANCE_PATH"])  # the model retrained with corrections
    nlp.warm_up()  # jieba's dictionary loads now, not on the first tenant's message

    cli.init_app(app)
    jobs.init_app(app)  # outbox rows go to RQ after each commit
    import production

    production.refuse_unsafe_start(app)
    return app


def _refuse_unsafe_settings(app: Flask) -> None:
    tolerance = app.config["WECHAT_TIMESTAMP_TOLERANCE"]
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or tolerance <= 0:
        # 0 would turn the window off: a leaked signed query string would work forever
        raise SystemExit(f"WECHAT_TIMESTAMP_TOLERANCE must be a positive number of seconds, got {tolerance!r}")

