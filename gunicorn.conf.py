"""gunicorn's settings file, read from the working directory (the Procfile's `web`, the
demo, the benchmarks); options on the command line win over it."""
import gc


def post_worker_init(worker):
    # The app is loaded: Flask, SQLAlchemy's mappers, the rules and the phrasebook are
    # ~150k objects that live as long as the worker. Frozen, the collector's full passes
    # stop re-scanning them all (~50 µs a request on average, measured on the webhook).
    gc.freeze()
