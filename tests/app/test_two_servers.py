"""Two app servers on one PostgreSQL store show the same data: what one publishes, the
other serves within its poll interval, and the public's cached views follow."""

from __future__ import annotations

import json
import time

from dashboard.app.factory import SHARED_POLL_SECONDS, create_app
from dashboard.app.viewcache import make_cache
from dashboard.store.dataset import Dataset
from dashboard.store.postgres import PgStore
from tests.dash_requests import navigate_body
from tests.store.test_backends import contribution_tables, given


def _menu_of_indicators(app, client) -> str:
    answer = client.post("/_dash-update-component",
                         json=navigate_body(app, "/definitions", "?lang=en"))
    assert answer.status_code == 200
    return json.dumps(json.loads(answer.data)["response"], ensure_ascii=False)


def test_what_one_server_publishes_the_other_shows(dataset: Dataset, postgres_url: str,
                                                   redis_url: str) -> None:
    def server():
        store = PgStore(postgres_url, fallback=lambda: dataset)
        app = create_app(dataset, {}, store, follow_store=True, cache=make_cache(redis_url))
        return app, app.server.test_client(), store

    first, first_client, store = server()
    second, second_client, _ = server()
    assert "Test shared" not in _menu_of_indicators(second, second_client)
    draft = store.add_draft(contribution_tables("shared"), given("shared"))
    published = store.publish(draft.name, "anna", "checked")
    time.sleep(SHARED_POLL_SECONDS + 0.2)
    for app, client in ((first, first_client), (second, second_client)):
        assert client.get("/healthz").get_json()["version"] == published.version
        assert "Test shared" in _menu_of_indicators(app, client)
