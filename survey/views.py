"""The survey pages. A page is what the token names and the database says about it: open
(the form), answered (thanks), expired/closed, or an unknown link."""
from __future__ import annotations

from typing import Optional

from flask import Response, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError

from models import CampaignRecipient, Survey, db
from survey import bp
from workflow import machine
from workflow.campaigns import answer_campaign, is_open
from workflow.errors import ValidationError
from workflow.phrasebook import phrase
from workflow.survey_links import load_questionnaire_token, load_survey_token
from workflow.surveys import LOW_SCORE, answer_survey

SCORE_LABELS = {1: "非常不满意", 2: "不满意", 3: "一般", 4: "满意", 5: "非常满意"}
MAX_COMMENT = 500

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@bp.after_request
def security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    # The link's token must not leak to other sites, nor the page linger in caches.
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _message(title: str, text: str, status: int = 200, site=None):
    return render_template("survey/message.html", title=title, text=text, site=site), status


def _unknown_link():
    return _message("链接无效", "该链接无效或已失效。如需帮助，请直接在公众号中留言。", 404)


# --------------------------------------------------------------------------- satisfaction
def _survey(token: str) -> Optional[Survey]:
    survey_id = load_survey_token(token)
    return db.session.get(Survey, survey_id) if survey_id is not None else None


def _survey_open(survey: Survey) -> bool:
    return survey.answered_at is None and survey.expired_at is None and survey.expires_at > machine.now()


@bp.route("/<token>", methods=["GET", "POST"])
def satisfaction(token: str):
    survey = _survey(token)
    if survey is None:
        return _unknown_link()
    site = survey.ticket.site
    if survey.answered_at is not None:
        text = phrase("survey_thanks", site)
        if survey.score is not None and survey.score <= LOW_SCORE:
            text += phrase("survey_sorry", site)
        return _message("评价已提交", text, site=site)
    if not _survey_open(survey):
        return _message("评价已截止", "该满意度调查已超过24小时，无法再评价。感谢您的关注！", 410, site)
    error, score, comment = None, None, ""
    if request.method == "POST":
        score = request.form.get("score", type=int)
        comment = (request.form.get("comment") or "").strip()[:MAX_COMMENT]
        if score not in SCORE_LABELS:
            error = "请点击星星，选择1-5分"
        else:
            try:
                answer_survey(db.session, survey, score=score, comment=comment, channel="page")
                db.session.commit()
            except ValidationError as exc:
                db.session.rollback()
                error = exc.message
            else:
                return redirect(url_for(".satisfaction", token=token), code=303)
    return render_template("survey/satisfaction.html", survey=survey, ticket=survey.ticket, site=site,
                           labels=SCORE_LABELS, error=error, score=score, comment=comment), 400 if error else 200


# --------------------------------------------------------------------------- questionnaire
def _recipient(token: str) -> Optional[CampaignRecipient]:
    recipient_id = load_questionnaire_token(token)
    return db.session.get(CampaignRecipient, recipient_id) if recipient_id is not None else None


@bp.route("/q/<token>", methods=["GET", "POST"])
def questionnaire(token: str):
    recipient = _recipient(token)
    if recipient is None:
        return _unknown_link()
    campaign = recipient.campaign
    site = campaign.site
    if recipient.answered_at is not None:
        return _message("问卷已提交", "感谢您抽出时间填写问卷，我们会认真研究您的意见！", site=site)
    if not is_open(campaign):
        return _message("问卷已结束", "这份问卷已结束收集。感谢您的关注！", 410, site)
    error, values = None, {}
    if request.method == "POST":
        values = {q.id: (request.form.get(f"q{q.id}") or "").strip() for q in campaign.questions}
        try:
            answer_campaign(db.session, recipient, values)
            db.session.commit()
        except ValidationError as exc:
            db.session.rollback()
            error = exc.message
        else:
            return redirect(url_for(".questionnaire", token=token), code=303)
    return render_template("survey/questionnaire.html", campaign=campaign, site=site, error=error,
                           values=values), 400 if error else 200


@bp.errorhandler(CSRFError)
def csrf_error(exc: CSRFError):
    return _message("页面已过期", "页面停留时间过长，请返回后刷新页面再提交。", 400)
