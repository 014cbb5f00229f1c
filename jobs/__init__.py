"""RQ jobs that follow every ticket through: outbox delivery (tenant and staff notices,
surveys, staff replies, media download, questionnaires), periodic sweeps (outbox,
deadlines, overdue visits, survey expiry, questionnaire close), the weather check and the
monthly report; and the outbound WeChat client.

``init_app(app)`` (called by create_app) installs the outbox publisher. The worker is
``rq worker --with-scheduler --worker-class jobs.worker.AppWorker --config jobs.rq_settings
high default low`` (see docs/jobs.md)."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from jobs import publisher

    publisher.install()
