"""The gunicorn settings file the Procfile's web process picks up."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_gunicorn_finds_the_settings_file_and_its_workers_freeze_the_loaded_app(monkeypatch):
    from gunicorn.app.wsgiapp import WSGIApplication

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["gunicorn", "--workers", "2", "app:create_app()"])
    cfg = WSGIApplication().cfg  # loads the settings as `gunicorn` run here does
    assert Path(cfg.config).resolve() == ROOT / "gunicorn.conf.py"
    assert cfg.workers == 2, "the command line still wins"
    assert cfg.post_worker_init.__module__ != "gunicorn.config", "the hook is ours, not gunicorn's no-op"
    before = gc.get_freeze_count()
    try:
        cfg.post_worker_init(None)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
