"""What an upload says: problems in the page's language, counts in singular or plural, the
file's own name with the contributor's organisation and the licence given, a repeated
file, a failed write and a long list of problems."""

from __future__ import annotations

import ast
import base64
import errno
from pathlib import Path

import pytest
from dash import html
from test_contrib import ANA, make_live

from dashboard.app import upload
from dashboard.app.factory import create_app
from dashboard.app.live import LiveData
from dashboard.app.pages import Context, upload_page
from dashboard.app.upload import MAX_LISTED, add_upload, check_upload, problems_csv, report
from dashboard.core import problems
from dashboard.core.texts import TEXTS
from dashboard.core.viewstate import ViewState
from tests.tree import texts

FIXTURE = Path(__file__).parent / "fixtures" / "survey_smoking_heat.csv"


@pytest.fixture()
def live(tmp_path, dataset) -> LiveData:
    return make_live(tmp_path / "store", dataset)


def file_data(raw: bytes, name: str = "enkät.csv") -> dict[str, str]:
    return {"contents": "data:text/csv;base64," + base64.b64encode(raw).decode(),
            "filename": name}



def one_row() -> bytes:
    lines = FIXTURE.read_bytes().splitlines()
    return b"\n".join(lines[:2]).replace(b",14.5,", b",,") + b"\n"


def test_problems_are_shown_in_swedish_and_english(dataset) -> None:
    raw = FIXTURE.read_bytes().replace(b"14.1", b"fjorton", 1).replace(b"Oxie", b"Atlantis")
    data = file_data(raw)["contents"]
    sv = check_upload(dataset, data, "enkät.csv", "sv").problems
    en = check_upload(dataset, data, "enkät.csv", "en").problems
    assert sv == ("enkät.csv, rad 1 (rad 2 i filen), kolumnen ”estimate”: ska vara ett tal, "
                  "men är 'fjorton'",)
    assert en == ("enkät.csv, row 1 (line 2), column 'estimate': expected a number, "
                  "got 'fjorton'",)
    fixed = FIXTURE.read_bytes().replace(b"Oxie", b"Atlantis")
    assert check_upload(dataset, file_data(fixed)["contents"], "enkät.csv", "sv").problems == (
        "enkät.csv, rad 7, kolumnen ”subgroup”: 'Atlantis' är ingen känd områdeskod och "
        "inget känt områdesnamn",)


def test_counts_read_in_singular_and_plural(dataset) -> None:
    single = check_upload(dataset, file_data(one_row())["contents"], "en.csv", "sv")
    assert "1 värde, varav 1 ny indikator." in texts(report(single, "sv"))
    assert "1 value, 1 new indicator." in texts(report(single, "en"))
    many = check_upload(dataset, file_data(FIXTURE.read_bytes())["contents"], "m.csv", "sv")
    assert "11 värden, varav 1 ny indikator." in texts(report(many, "sv"))


def test_the_source_keeps_the_file_name_organisation_and_licence(live) -> None:
    data = file_data(FIXTURE.read_bytes())
    needs = add_upload(live, ANA, data, "", "sv")
    assert "Ange licensen" in texts(needs)
    assert live.store.records() == []
    added = add_upload(live, ANA, data, "CC BY 4.0", "sv")
    assert "Sparat som utkast" in texts(added) and "11 värden" in texts(added)
    (record,) = live.store.records()
    live.store.publish(record.name, by="pia")
    stored = live.published
    source = stored.sources[stored.sources["id"].str.startswith("file-")].iloc[0]
    assert (source["title"], source["url"]) == ("enkät.csv", "enkät.csv")
    assert (source["publisher"], source["licence"]) == ("Region Skåne", "CC BY 4.0")
    assert "/tmp" not in stored.sources.to_csv() and "upload.csv" not in stored.sources.to_csv()
    exported = create_app(stored).server.test_client().get("/export/bars/csv?ind=smoke_daily")
    assert "enkät.csv" in exported.get_data(as_text=True)
    assert "/tmp" not in exported.get_data(as_text=True)


def test_an_identical_file_is_not_added_again(live) -> None:
    data = file_data(FIXTURE.read_bytes())
    add_upload(live, ANA, data, "CC BY 4.0", "en")
    live.store.publish(live.store.records()[0].name, by="pia")
    records = live.store.records()
    again = check_upload(live.published, data["contents"], "copy.csv", "en")
    assert again.duplicate and again.dataset is None and again.tables is None
    assert "already in the dashboard" in texts(report(again, "en"))
    assert "finns redan" in texts(add_upload(live, ANA, data, "CC BY 4.0", "sv"))
    assert live.store.records() == records


def test_a_full_disk_says_so_and_keeps_nothing(live, monkeypatch) -> None:
    def full(*_args: object, **_kwargs: object) -> str:
        raise OSError(errno.ENOSPC, "No space left on device", "/srv/store")

    monkeypatch.setattr(live.store, "add_draft", full)
    text = texts(add_upload(live, ANA, file_data(FIXTURE.read_bytes()), "CC0", "en"))
    assert "could not be stored (No space left on device)" in text
    assert "/srv/store" not in text and live.store.records() == []


def test_a_long_list_of_problems_shows_the_first_50_and_downloads_all(dataset) -> None:
    lines = FIXTURE.read_bytes().splitlines()
    body = [lines[1].replace(b"14.1", b"x").replace(b",1,0\r", b",1,0")
            .replace(b"2024", str(2024 + i).encode()) for i in range(10_000)]
    check = check_upload(dataset, file_data(b"\n".join([lines[0], *body]))["contents"],
                         "big.csv", "sv")
    assert len(check.problems) == 10_000
    page = report(check, "sv")
    listed = next(p for p in page if getattr(p, "id", "") == "upload-problems")
    assert len(listed.children) == MAX_LISTED
    assert f"de första {MAX_LISTED} av 10000 problem" in texts(page)
    assert any(getattr(p, "id", "") == "upload-problems-csv" for p in page)
    rows = problems_csv(check, "sv").lstrip("\ufeff").splitlines()
    assert rows[0] == "fil;rad;rad i filen;kolumn;problem"
    assert len(rows) == 10_001
    assert rows[1] == "big.csv;1;2;estimate;ska vara ett tal, men är 'x'"


@pytest.mark.parametrize("lang,word", [("sv", "högst 5 MB"), ("en", "at most 5 MB")])
def test_the_page_knows_the_size_limit_and_asks_for_the_licence(dataset, lang, word) -> None:
    ctx = Context(dataset, ViewState(lang=lang), {}, "/upload", "", frozenset())
    tree = html.Div(upload_page.render(ctx))
    found = {getattr(c, "id", None): c for c in _walk(tree)}
    assert found["upload-limit"].data["bytes"] == upload.MAX_BYTES
    assert word in found["upload-limit"].data["message"]
    assert found["upload-licence"].required is True
    assert any(getattr(c, "htmlFor", None) == "upload-licence" for c in _walk(tree))
    assert "upload-publisher" not in found  # the organisation is the account's


def _walk(tree):  # type: ignore[no-untyped-def]
    yield tree
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _walk(child)


def test_every_problem_code_in_the_code_has_words_in_both_languages() -> None:
    used = set()
    for path in Path(problems.__file__).parents[1].rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem":
                args = [*node.args[5:6], *(k.value for k in node.keywords if k.arg == "code")]
                used |= {a.value for a in args if isinstance(a, ast.Constant)}
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "problem":
                used |= {a.value for a in node.args[2:3] if isinstance(a, ast.Constant)}
    assert used and used <= problems.CODES, used - problems.CODES
    for code in problems.CODES:
        assert set(TEXTS[f"problem_{code}"]) == {"sv", "en"}


def test_a_csv_with_a_huge_field_is_refused_with_a_reason(dataset) -> None:
    raw = FIXTURE.read_bytes() + b'"' + b"x" * 200_000 + b'"\n'
    assert check_upload(dataset, file_data(raw)["contents"], "e.csv", "sv").problems == (
        "e.csv: filen kan inte läsas som CSV",)


def test_a_busy_store_says_so_and_adds_nothing(live, monkeypatch) -> None:
    from dashboard.store.lock import StoreBusy

    def busy(*_args: object, **_kwargs: object) -> str:
        raise StoreBusy("held by process 4242")

    monkeypatch.setattr(live.store, "add_draft", busy)
    text = texts(add_upload(live, ANA, file_data(FIXTURE.read_bytes()), "CC0", "sv"))
    assert "används just nu av en annan inläsning" in text
    assert live.store.records() == []
