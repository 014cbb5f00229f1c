"""``rq worker --worker-class jobs.worker.AppWorker``: the standard forking RQ worker that
first prepares what its work horses inherit — the Flask app built once (config, the
database engine, Redis, the warmed-up classifier, the job modules imported) — and
schedules the periodic jobs (jobs.periodic)."""
from __future__ import annotations

import logging

from flask import Flask
from rq.worker import Worker

from jobs import periodic, runtime

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def prepare_process() -> Flask:
    """Build the process app and warm what every job would otherwise pay for again."""
    import nlp
    from models import db

    app = runtime.process_app()
    seconds = nlp.warm_up()
    for module in ("jobs.outbox", "jobs.sweeps", "jobs.weather", "jobs.reports"):
        __import__(module)
    # The parent holds no connections a horse could inherit half-used.
    db.engine.dispose()
    logging.getLogger(__name__).info("worker ready: app built, classifier warmed up in %.2fs", seconds)
    return app


class AppWorker(Worker):
    def bootstrap(self, *args, **kwargs):
        if not logging.getLogger().handlers:
            logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
        prepare_process()
        super().bootstrap(*args, **kwargs)
        scheduled = periodic.ensure_scheduled(self.connection)
        if scheduled:
            self.log.info("scheduled periodic jobs: %s", ", ".join(scheduled))
