"""Links back to the view and file names."""

from __future__ import annotations

import pytest

from dashboard.core.viewstate import ViewState, to_query
from dashboard.export.formats import file_name
from dashboard.export.link import split_link, view_link
from dashboard.export.names import file_stem

STATE = ViewState(lang="en", indicator="ohalsotal", period="2006-2010", sex="male",
                  dimension="total", group="total", level="stadsdel")


@pytest.mark.parametrize(("base", "expected"), [
    ("http://127.0.0.1:8050/", "http://127.0.0.1:8050/"),
    ("https://halsa.example/malmo/?old=1#top", "https://halsa.example/malmo/"),
    ("http://127.0.0.1:8050", "http://127.0.0.1:8050/"),
])
def test_view_link_replaces_any_query_of_the_base(base, expected) -> None:
    assert view_link(base, STATE) == expected + to_query(STATE)


@pytest.mark.parametrize(("given", "expected"), [
    ("http://127.0.0.1:8050/?ind=x&lang=en", ("http://127.0.0.1:8050/", "ind=x&lang=en")),
    ("https://a.example/app?ind=x#frag", ("https://a.example/app", "ind=x")),
    ("?ind=x&lang=en", (None, "ind=x&lang=en")),
    ("ind=x", (None, "ind=x")),
    ("  ?ind=x#a ", (None, "ind=x")),
])
def test_split_link(given, expected) -> None:
    assert split_link(given) == expected


def test_file_names_are_safe_and_say_what_they_hold() -> None:
    assert file_stem(STATE, "bars") == "ohalsotal-bars-2006-2010-en"
    assert file_name(STATE, "bars", "png-square") == "ohalsotal-bars-2006-2010-en-square.png"
    assert file_name(STATE, "map", "csv", full=True) == "ohalsotal-map-2006-2010-en-data.csv"
    odd = ViewState(lang="sv", indicator="a/b c", period="2020")
    assert file_stem(odd, "map") == "a_b_c-map-2020-sv"
