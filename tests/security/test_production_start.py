"""APP_ENV=production refuses to start, with one clear message per problem: SECRET_KEY not
from the environment, PUBLIC_BASE_URL not https, a site without WeChat credentials, the
demo token or demo passwords. A sound configuration starts, and answers with HSTS."""
from __future__ import annotations

import pytest

from models import Role, Staff
from tests.conftest import password_hash

SOUND = {"APP_ENV": "production", "SECRET_KEY": "a-long-shared-secret", "SECRET_KEY_SOURCE": "environment",
         "PUBLIC_BASE_URL": "https://desk.example.com", "WECHAT_TOKEN": "real-token", "WECHAT_APPID": "wxreal",
         "WECHAT_SECRET": "real-secret", "TESTING": True}


@pytest.fixture
def production(app, database_url, redis_url, make, session):
    make.site()
    session.commit()

    def start(**changes):
        from app import create_app

        return create_app({"DATABASE_URL": database_url, "REDIS_URL": redis_url, **SOUND, **changes})
    return start


def refused(start, **changes) -> str:
    with pytest.raises(SystemExit) as caught:
        start(**changes)
    message = str(caught.value)
    assert message.startswith("Refusing to start in production:")
    return message


def test_a_sound_production_configuration_starts_and_sends_hsts(production):
    client = production().test_client()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_no_hsts_outside_production(client):
    assert "Strict-Transport-Security" not in client.get("/healthz").headers


def test_secret_key_generated_on_the_host_is_refused(production):
    assert "SECRET_KEY is not set in the environment" in refused(production, SECRET_KEY_SOURCE="instance")


@pytest.mark.parametrize("url", ["http://desk.example.com", "desk.example.com", ""])
def test_public_base_url_must_be_https(production, url):
    assert "PUBLIC_BASE_URL must be the https:// address" in refused(production, PUBLIC_BASE_URL=url)


def test_a_site_without_wechat_credentials_from_either_source(production):
    message = refused(production, WECHAT_SECRET=None, WECHAT_APPID=None)
    assert "site lehui has no WeChat AppID, AppSecret" in message


def test_the_demo_token_is_refused(production):
    assert "demo WeChat token 'demo-token'" in refused(production, WECHAT_TOKEN="demo-token")


def test_demo_accounts_with_the_demo_password_are_refused(production, session, make):
    session.add(Staff(username="kefu", display_name="客服", role=Role.DESK, password_hash=password_hash("demo1234"),
                      sites=[make.site()]))
    session.commit()
    assert "demo accounts with the demo password 'demo1234': kefu" in refused(production)


def test_every_problem_at_once_one_line_each(production):
    message = refused(production, SECRET_KEY_SOURCE="instance", PUBLIC_BASE_URL="http://x", WECHAT_TOKEN=None)
    assert message.count("\n- ") == 3


def test_seed_demo_refuses_in_production(app, runner, session):
    import sqlalchemy as sa

    app.config["APP_ENV"] = "production"
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "refuses to run with APP_ENV=production" in result.output
    assert session.scalar(sa.select(sa.func.count(Staff.id))) == 0
