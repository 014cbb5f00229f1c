"""Signed links to the survey pages: /survey/<token> (a satisfaction survey) and
/survey/q/<token> (a questionnaire sent to one tenant). The token names the row and is
signed with SECRET_KEY (web and worker share it); the database decides whether the survey
is still open — the token's own age limit only backs that up."""
from __future__ import annotations

from typing import Optional

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

SURVEY_SALT = "survey-link"
QUESTIONNAIRE_SALT = "questionnaire-link"
SURVEY_MAX_AGE = 25 * 3600  # 24 h to answer, plus slack for a link opened just in time
QUESTIONNAIRE_MAX_AGE = 8 * 24 * 3600  # campaigns run at most 7 days


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _load(token: str, salt: str, max_age: int) -> Optional[int]:
    try:
        value = _serializer(salt).loads(token, max_age=max_age)
    except BadSignature:  # also SignatureExpired
        return None
    return value if isinstance(value, int) else None


def survey_token(survey_id: int) -> str:
    return _serializer(SURVEY_SALT).dumps(survey_id)


def load_survey_token(token: str) -> Optional[int]:
    """The survey id, or None for a forged, mangled or stale token."""
    return _load(token, SURVEY_SALT, SURVEY_MAX_AGE)


def questionnaire_token(recipient_id: int) -> str:
    return _serializer(QUESTIONNAIRE_SALT).dumps(recipient_id)


def load_questionnaire_token(token: str) -> Optional[int]:
    return _load(token, QUESTIONNAIRE_SALT, QUESTIONNAIRE_MAX_AGE)


def _absolute(path: str) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path


def survey_url(survey_id: int) -> str:
    return _absolute(f"/survey/{survey_token(survey_id)}")


def questionnaire_url(recipient_id: int) -> str:
    return _absolute(f"/survey/q/{questionnaire_token(recipient_id)}")
