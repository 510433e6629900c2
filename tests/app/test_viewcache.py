"""The cache of computed views: bounded in memory, shared through Redis, forgotten by
version, and never in the way when Redis is down."""

from __future__ import annotations

from dashboard.app.viewcache import MemoryCache, RedisCache, make_cache


def test_memory_cache_keeps_answers_by_version_and_forgets_a_version() -> None:
    cache = MemoryCache()
    cache.put("v1", "k", b"old")
    cache.put("v2", "k", b"new")
    assert cache.get("v1", "k") == b"old" and cache.get("v2", "k") == b"new"
    cache.forget("v1")
    assert cache.get("v1", "k") is None and cache.get("v2", "k") == b"new"


def test_memory_cache_stays_within_its_bytes_dropping_the_least_recently_used() -> None:
    cache = MemoryCache(limit=10)
    cache.put("v", "a", b"12345")
    cache.put("v", "b", b"12345")
    assert cache.get("v", "a") == b"12345"  # a is now the most recently used
    cache.put("v", "c", b"12345")
    assert cache.get("v", "b") is None
    assert cache.get("v", "a") == b"12345" and cache.get("v", "c") == b"12345"
    cache.put("v", "huge", b"x" * 11)
    assert cache.get("v", "huge") is None and cache.get("v", "c") == b"12345"


def test_redis_cache_is_shared_between_two_clients_and_forgets_a_version(redis_url) -> None:
    first, second = make_cache(redis_url), make_cache(redis_url)
    assert isinstance(first, RedisCache)
    first.put("v1", "k", b"answer")
    first.put("v2", "k", b"other")
    assert second.get("v1", "k") == b"answer"
    second.forget("v1")
    assert first.get("v1", "k") is None and first.get("v2", "k") == b"other"


def test_an_unreachable_redis_answers_nothing_and_raises_nothing(tmp_path, caplog) -> None:
    cache = RedisCache(f"unix://{tmp_path / 'no.sock'}")
    cache.put("v", "k", b"x")
    assert cache.get("v", "k") is None
    cache.forget("v")
    assert "Redis unavailable" in caplog.text


def _counting_server(cache, state):
    import flask

    from dashboard.app.viewcache import CALLBACK_PATH, register_view_cache

    server = flask.Flask("t")
    register_view_cache(server, cache, lambda: state["version"], lambda: state["public"],
                        lambda: "http://127.0.0.1:8050/")

    @server.post(CALLBACK_PATH)
    def answer():
        state["computed"] += 1
        return flask.jsonify({"n": state["computed"], "asked": flask.request.get_json()})

    return server.test_client()


def test_the_same_request_for_the_same_version_is_computed_once() -> None:
    state = {"version": "v1", "public": True, "computed": 0}
    client = _counting_server(MemoryCache(), state)
    first = client.post("/_dash-update-component", json={"view": "/map"}).get_json()
    again = client.post("/_dash-update-component", json={"view": "/map"}).get_json()
    other = client.post("/_dash-update-component", json={"view": "/trends"}).get_json()
    assert first == again and first["n"] == 1
    assert other["n"] == 2 and state["computed"] == 2


def test_a_published_version_is_computed_afresh() -> None:
    state = {"version": "v1", "public": True, "computed": 0}
    client = _counting_server(MemoryCache(), state)
    client.post("/_dash-update-component", json={"view": "/map"})
    state["version"] = "v2"
    assert client.post("/_dash-update-component", json={"view": "/map"}).get_json()["n"] == 2


def test_answers_for_a_signed_in_account_are_never_cached_or_served_from_cache() -> None:
    state = {"version": "v1", "public": True, "computed": 0}
    client = _counting_server(MemoryCache(), state)
    client.post("/_dash-update-component", json={"view": "/map"})
    state["public"] = False
    assert client.post("/_dash-update-component", json={"view": "/map"}).get_json()["n"] == 2
    assert client.post("/_dash-update-component", json={"view": "/map"}).get_json()["n"] == 3


def test_two_servers_share_answers_through_redis(redis_url) -> None:
    first_state = {"version": "v1", "public": True, "computed": 0}
    second_state = {"version": "v1", "public": True, "computed": 0}
    first = _counting_server(make_cache(redis_url), first_state)
    second = _counting_server(make_cache(redis_url), second_state)
    answer = first.post("/_dash-update-component", json={"view": "/map"}).get_json()
    assert second.post("/_dash-update-component", json={"view": "/map"}).get_json() == answer
    assert second_state["computed"] == 0


def test_the_same_request_arriving_while_it_is_computed_waits_for_that_answer() -> None:
    import threading
    import time

    import flask

    from dashboard.app.viewcache import CALLBACK_PATH, register_view_cache

    state = {"computed": 0}
    server = flask.Flask("t")
    register_view_cache(server, MemoryCache(), lambda: "v1", lambda: True,
                        lambda: "http://127.0.0.1:8050/")

    @server.post(CALLBACK_PATH)
    def answer():
        state["computed"] += 1
        time.sleep(0.5)
        return flask.jsonify({"n": state["computed"]})

    answers: list[dict] = []

    def ask() -> None:
        client = server.test_client()
        answers.append(client.post(CALLBACK_PATH, json={"view": "/map"}).get_json())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert state["computed"] == 1 and answers == [{"n": 1}] * 4


def test_a_download_is_drawn_once_and_served_again_with_its_type_and_name(dataset) -> None:
    from dashboard.app.factory import create_app

    app = create_app(dataset)
    client = app.server.test_client()
    address = "/export/bars/csv?ind=ohalsotal&lang=en"
    first = client.get(address)
    assert first.status_code == 200
    calls = {"n": 0}
    view = app.server.view_functions["export"]

    def counted(*args, **kwargs):
        calls["n"] += 1
        return view(*args, **kwargs)

    app.server.view_functions["export"] = counted
    again = client.get(address)
    assert calls["n"] == 0
    assert again.data == first.data and again.content_type == first.content_type
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    assert client.get(address.replace("lang=en", "lang=sv")).status_code == 200
    assert calls["n"] == 1
