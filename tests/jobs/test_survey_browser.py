"""The survey page filled in by a real headless Chromium on a phone-sized screen, under
the page's own Content-Security-Policy (an inline script would be blocked and reported)."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Status, Survey
from tests.browser import ARTIFACTS, chromium, serve
from tests.jobs.conftest import work
from workflow.survey_links import survey_token

pytestmark = pytest.mark.browser


@pytest.fixture
def served(app):
    with serve(app) as url:
        yield url


@pytest.fixture
def browser():
    with chromium() as instance:
        yield instance


def test_tenant_rates_four_stars_with_a_comment_on_a_phone(app, desk, session, fake_wechat, served, browser):
    ticket = desk.ticket(Status.CLOSED)
    session.commit()
    work(app)
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    context = browser.new_context(viewport={"width": 375, "height": 667}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))

    page.goto(f"{served}/survey/{survey_token(survey.id)}")
    assert page.locator("h1").first.inner_text() == "满意度评价"
    assert ticket.number in page.content()
    page.locator("label[for=score-4]").tap()
    assert page.locator("#score-text").inner_text() == "4分 · 满意"  # survey.js is running
    page.fill("#comment", "师傅很准时，修得很好")
    # Nothing sticks out of a 375 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "survey-page.png"), full_page=True)
    page.locator("#submit").tap()
    page.wait_for_selector("#notice")
    assert page.locator("#notice h1").inner_text() == "评价已提交"
    assert "感谢您的评价" in page.locator("#notice").inner_text()
    page.screenshot(path=str(ARTIFACTS / "survey-thanks.png"), full_page=True)
    context.close()

    assert problems == []
    session.expire_all()
    assert (survey.score, survey.comment, survey.answer_channel) == (4, "师傅很准时，修得很好", "page")
    assert ticket.status == Status.CLOSED and ticket.satisfaction == 4
