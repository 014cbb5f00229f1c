"""Staff corrections from the database, as examples for evaluate and suggest."""

import os

DEFAULT_DATABASE_URL = "sqlite:///instance/servicedesk.db"
_QUERY = "SELECT text, intent, category, code, urgent, emotion FROM classification_corrections"


def database_url(explicit: str | None = None) -> str:
    url = explicit or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    # Hosting platforms still hand out the scheme SQLAlchemy 2 no longer accepts.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    return url


def load_corrections(url: str | None = None) -> list[dict]:
    """Rows of classification_corrections; NULL intent/urgent/emotion stay None (not corrected)."""
    import sqlalchemy as sa  # only this command needs a database driver

    url = database_url(url)
    location = sa.make_url(url)
    if location.get_backend_name() == "sqlite" and location.database not in (None, "", ":memory:"):
        # connecting would silently create an empty database file
        if not os.path.exists(location.database):
            raise FileNotFoundError(f"no database file {location.database}")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(_QUERY)).mappings().all()
    finally:
        engine.dispose()
    examples = []
    for row in rows:
        example = dict(row)
        if example["urgent"] is not None:
            example["urgent"] = bool(example["urgent"])
        examples.append(example)
    return examples
