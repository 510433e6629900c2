"""Adding a file in WHO's HEAT Plus template from the browser: check, preview, then add.

The file is checked exactly as `dashboard ingest heat-file` checks it (the same reader and
the same merge-and-validate step), so every problem is listed by row, line and column.
Nothing is added until the user has seen the preview and pressed the button; adding
commits a new store version atomically and swaps the app's dataset whole.
"""

from __future__ import annotations

import base64
import binascii
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from dash import Dash, Input, Output, State, dcc, html

from dashboard.app import markup
from dashboard.app.live import LiveData
from dashboard.core.i18n import DEFAULT_LANGUAGE, format_number, format_period
from dashboard.core.problems import DatasetError, Problem
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, href
from dashboard.ingest.files import read_heat_file
from dashboard.store.dataset import Dataset, commit_version
from dashboard.store.merge import merge_into

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".csv", ".xlsx")
PREVIEW_ROWS = 15


@dataclass(frozen=True)
class UploadCheck:
    """The outcome of checking an uploaded file: the new dataset, or the problems."""

    filename: str
    problems: tuple[str, ...] = ()
    dataset: Dataset | None = None
    added_indicators: tuple[str, ...] = ()
    observations: int = 0
    preview: tuple[tuple[str, ...], ...] = field(default_factory=tuple)


def _problem_text(problem: Problem, tmp: str, filename: str) -> str:
    return str(problem).replace(tmp, filename)


def check_upload(ds: Dataset, contents: str | None, filename: str | None,
                 lang: str = "sv") -> UploadCheck:
    """Decode, read and merge an upload (a dcc.Upload data URL) without storing anything."""
    name = Path(filename or "").name or "?"
    if not contents or "," not in contents:
        return UploadCheck(name, (t("upload_empty", lang),))
    if Path(name).suffix.lower() not in SUFFIXES:
        return UploadCheck(name, (t("upload_suffix", lang, name=name),))
    try:
        raw = base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return UploadCheck(name, (t("upload_unreadable", lang, name=name),))
    if len(raw) > MAX_BYTES:
        return UploadCheck(name, (t("upload_too_big", lang, name=name,
                                    mb=format_number(MAX_BYTES / 2**20, lang, 0)),))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{Path(name).suffix.lower()}"
        path.write_bytes(raw)
        try:
            imported = read_heat_file(path, ds.areas)
            new, _ = merge_into(ds, imported.tables, label=name, files={"observations": name},
                                csv_lines=imported.csv_lines, replace_reference=True,
                                info={**ds.info, "uploaded": name})
        except DatasetError as error:
            return UploadCheck(name, tuple(_problem_text(p, str(path), name)
                                           for p in error.problems))
    obs = imported.tables["observations"]
    known = set(ds.indicators["id"])
    added = tuple(i for i in dict.fromkeys(obs["indicator_id"]) if i not in known)
    names = dict(zip(new.areas["code"], new.areas["name"], strict=True))
    titles = dict(zip(new.indicators["id"], new.indicators[f"title_{lang}"], strict=True))
    preview = tuple((titles.get(r.indicator_id, r.indicator_id),
                     names.get(r.area_code, r.area_code), format_period(str(r.period)),
                     str(r.group), format_number(r.value, lang, 1))
                    for r in obs.head(PREVIEW_ROWS).itertuples())
    return UploadCheck(name, (), new, added, len(obs), preview)


def report(check: UploadCheck, lang: str) -> list:
    """The validation report or the preview, as page content."""
    if check.problems:
        return [html.P(t("upload_refused", lang, name=check.filename, n=len(check.problems)),
                       className="notice"),
                html.Ul([html.Li(p) for p in check.problems], id="upload-problems")]
    header = [t("indicator", lang), t("area", lang), t("period", lang), t("group", lang),
              t("value", lang)]
    return [html.P(t("upload_ok", lang, name=check.filename, n=check.observations,
                     new=len(check.added_indicators)), className="lead-small"),
            markup.table(header, check.preview), html.P(t("upload_preview_note", lang),
                                                 className="chart-note")]


def register_upload(app: Dash, live: LiveData) -> None:
    """Check on upload (preview), add on the button."""

    @app.callback(Output("upload-report", "children"), Output("upload-add", "disabled"),
                  Input("upload", "contents"), State("upload", "filename"),
                  State("view", "data"), prevent_initial_call=True)
    def check(contents, filename, view):
        lang = (view or {}).get("lang", DEFAULT_LANGUAGE)
        result = check_upload(live.ds, contents, filename, lang)
        return report(result, lang), bool(result.problems) or live.store_root is None

    @app.callback(Output("upload-result", "children"), Input("upload-add", "n_clicks"),
                  State("upload", "contents"), State("upload", "filename"),
                  State("view", "data"), prevent_initial_call=True)
    def add(_clicks, contents, filename, view):
        lang = (view or {}).get("lang", DEFAULT_LANGUAGE)
        result = check_upload(live.ds, contents, filename, lang)
        if result.dataset is None or live.store_root is None:
            return html.P(t("upload_not_added", lang), className="notice")
        version = commit_version(result.dataset, live.store_root)
        live.replace(result.dataset, version)
        first = result.added_indicators[0] if result.added_indicators else ""
        link = href("/", ViewState(lang=lang, indicator=first))
        return html.P([t("upload_added", lang, n=result.observations, version=version), " ",
                       dcc.Link(t("upload_open", lang), href=link, id="upload-open")],
                      className="lead-small")
