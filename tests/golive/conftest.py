"""The console's fixtures (a team, a signed-in client, the browser) for the going-live pages."""
from tests.admin.conftest import artifacts, browser, console, live_server, open_page, team  # noqa: F401
