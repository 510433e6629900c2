"""Adding a file in WHO's HEAT Plus template from the browser: check, preview, then send it
for review as a draft.

The file is checked exactly as `dashboard ingest heat-file` checks it (the same reader and
the same merge-and-validate step), so every problem is listed by row, line and column, in
the page's language; the first `MAX_LISTED` are shown, all of them download as CSV.
Anyone may check a file; only a signed-in account that may add data can send it, and then
it is kept as a draft (the file's own tables) that a publisher publishes or rejects on
/review; nothing changes in what the public sees until then. The organisation is the
account's, the licence is asked. The source keeps the file's own name (never a path on the
server); a file already published is not added again. A file above `MAX_BYTES` is refused
in the browser, before it is sent.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard.app import markup
from dashboard.app.access import current_account, may
from dashboard.app.pages import view_language
from dashboard.app.preview import ContribLive
from dashboard.core.i18n import format_number, format_period
from dashboard.core.problems import DatasetError, Problem, text_key
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, href
from dashboard.ingest.files import read_heat_file
from dashboard.store.backend import Account, Contribution, StoreRefused
from dashboard.store.dataset import Dataset
from dashboard.store.lock import StoreBusy
from dashboard.store.merge import merge_into

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".csv", ".xlsx")
PREVIEW_ROWS = 15
MAX_LISTED = 50
UNSTATED_LICENCE = "not stated (the user's own file)"

# Refuses a file above the limit in the browser, so that it is never sent; passes the
# others on to the server's check.
GATE = """
function(contents, filename, limit) {
    if (!contents) { return [null, window.dash_clientside.no_update, true]; }
    var size = Math.floor((contents.length - contents.indexOf(",") - 1) * 3 / 4);
    if (size > limit.bytes) {
        return [null, {type: "P", namespace: "dash_html_components",
                       props: {children: limit.message, className: "notice",
                               id: "upload-too-large"}}, true];
    }
    return [{contents: contents, filename: filename}, window.dash_clientside.no_update, true];
}
"""


@dataclass(frozen=True)
class UploadCheck:
    """The outcome of checking an uploaded file: the merged dataset (for the preview) and the
    file's own tables (for the draft), or the problems (as text and as rows of file, row,
    line, column and text), or that it is already there."""

    filename: str
    problems: tuple[str, ...] = ()
    dataset: Dataset | None = None
    tables: dict[str, pd.DataFrame] | None = None
    added_indicators: tuple[str, ...] = ()
    observations: int = 0
    preview: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    rows: tuple[tuple[str, ...], ...] = ()
    duplicate: bool = False


def problem_text(problem: Problem, lang: str) -> str:
    """A problem in the page's language: where it is, then what is wrong."""
    where = [problem.file] if problem.file else []
    if problem.row is not None:
        where.append(t("problem_row", lang, row=problem.row)
                     + (t("problem_line", lang, line=problem.line) if problem.line else ""))
    if problem.column is not None:
        where.append(t("problem_column", lang, column=problem.column))
    return f"{', '.join(where) or t('problem_file', lang)}: {_message(problem, lang)}"


def _message(problem: Problem, lang: str) -> str:
    key = text_key(problem.code)
    return problem.message if key is None else t(key, lang, **dict(problem.params))


def _refused(name: str, problems: list[Problem], tmp: str, lang: str) -> UploadCheck:
    named = [replace(p, file=name) if p.file in (tmp, Path(tmp).name) else p for p in problems]
    rows = tuple((p.file, "" if p.row is None else str(p.row),
                  "" if p.line is None else str(p.line), p.column or "", _message(p, lang))
                 for p in named)
    return UploadCheck(name, tuple(problem_text(p, lang) for p in named), rows=rows)


def _with_source(sources: pd.DataFrame, name: str, publisher: str,
                 licence: str) -> pd.DataFrame:
    """The file's source row under its own name, with the publisher and licence given."""
    out = sources.copy()
    out["title"] = name
    out["url"] = name
    if publisher.strip():
        out["publisher"] = publisher.strip()
    for column in ("licence", "licence_sv", "licence_en"):  # as the user wrote it
        out[column] = licence.strip() or UNSTATED_LICENCE
    return out


def check_upload(ds: Dataset, contents: str | None, filename: str | None,
                 lang: str = "sv", publisher: str = "", licence: str = "") -> UploadCheck:
    """Decode, read and merge an upload (a dcc.Upload data URL) without storing anything;
    `publisher` (the contributor's organisation) and `licence` go into the file's source."""
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
            tables = {**imported.tables, "sources": _with_source(
                imported.tables["sources"], name, publisher, licence)}
            if set(tables["sources"]["id"]) <= set(ds.sources["id"]):
                return UploadCheck(name, duplicate=True)
            new, _ = merge_into(ds, tables, label=name, files={"observations": name},
                                csv_lines=imported.csv_lines, replace_reference=True,
                                info={**ds.info, "uploaded": name})
        except DatasetError as error:
            return _refused(name, error.problems, str(path), lang)
    obs = tables["observations"]
    known = set(ds.indicators["id"])
    added = tuple(i for i in dict.fromkeys(obs["indicator_id"]) if i not in known)
    names = dict(zip(new.areas["code"], new.areas["name"], strict=True))
    titles = dict(zip(new.indicators["id"], new.indicators[f"title_{lang}"], strict=True))
    preview = tuple((titles.get(r.indicator_id, r.indicator_id),
                     names.get(r.area_code, r.area_code), format_period(str(r.period)),
                     str(r.group), format_number(r.value, lang, 1))
                    for r in obs.head(PREVIEW_ROWS).itertuples())
    return UploadCheck(name, (), new, tables, added, len(obs), preview)


def _counted(key: str, n: int, lang: str) -> str:
    if n == 0 and key == "upload_new":
        return ""
    return t(f"{key}_one", lang) if n == 1 else t(f"{key}_many", lang, n=n)


def problems_csv(check: UploadCheck, lang: str) -> str:
    """Every problem of a refused file as CSV (UTF-8 with BOM, semicolons, as the exports)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([t("upload_csv_file", lang), t("upload_csv_row", lang),
                     t("upload_csv_line", lang), t("upload_csv_column", lang),
                     t("upload_csv_problem", lang)])
    writer.writerows(check.rows)
    return "\ufeff" + out.getvalue()


def report(check: UploadCheck, lang: str) -> list:
    """The validation report or the preview, as page content."""
    if check.duplicate:
        return [html.P(t("upload_duplicate", lang, name=check.filename), className="notice",
                       id="upload-duplicate")]
    if check.problems:
        shown = check.problems[:MAX_LISTED]
        out = [html.P(t("upload_refused", lang, name=check.filename, n=len(check.problems)),
                      className="notice"),
               html.Ul([html.Li(p) for p in shown], id="upload-problems")]
        if len(check.problems) > MAX_LISTED:
            out += [html.P(t("upload_problems_shown", lang, shown=MAX_LISTED,
                             n=len(check.problems)), className="chart-note"),
                    html.Button(t("upload_problems_download", lang), id="upload-problems-csv",
                                className="lang-toggle")]
        return out
    header = [t("indicator", lang), t("area", lang), t("period", lang), t("group", lang),
              t("value", lang)]
    summary = t("upload_ok", lang, name=check.filename,
                values=_counted("upload_values", check.observations, lang),
                new=_counted("upload_new", len(check.added_indicators), lang))
    return [html.P(summary, className="lead-small"),
            markup.table(header, check.preview, label=check.filename),
            html.P(t("upload_preview_note", lang), className="chart-note")]


def _file(data: Any) -> tuple[str | None, str | None]:
    """The contents and name the browser passed on (nothing for anything else)."""
    if not isinstance(data, dict):
        return None, None
    contents, filename = data.get("contents"), data.get("filename")
    return (contents if isinstance(contents, str) else None,
            filename if isinstance(filename, str) else None)



def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def account_line(account: Account | None, lang: str) -> Any:
    """Who the draft will be added as, or why adding needs an account (with the sign-in)."""
    if account is not None and may(account, "add"):
        return html.P([t("contrib_upload_as", lang, name=account.name,
                         organisation=account.organisation), " ",
                       dcc.Link(t("contrib_to_review", lang),
                                href=href("/review", ViewState(lang=lang)))],
                      id="upload-account")
    return html.P([t("contrib_upload_account", lang), " ",
                   html.A(t("contrib_sign_in", lang), href="/login?next=/upload",
                          id="upload-sign-in")], className="notice", id="upload-account")


def add_upload(live: ContribLive, account: Account | None, data: Any, licence: Any,
               lang: str) -> Any:
    """Keep a checked file as a draft for a publisher to review, or say why not. Refused
    (nothing stored) unless `account` may add data, whatever the page's button showed."""
    if account is None or not may(account, "add"):
        return html.P(t("contrib_needs_account", lang), className="notice",
                      id="upload-refused")
    if live.store is None:
        return html.P(t("contrib_no_store", lang), className="notice", id="upload-refused")
    if not _text(licence):
        return html.P(t("contrib_needs_licence", lang), className="notice")
    contents, filename = _file(data)
    result = check_upload(live.published, contents, filename, lang, account.organisation,
                          _text(licence))
    if result.duplicate or result.problems:
        return report(result, lang)
    if result.tables is None:
        return html.P(t("upload_not_added", lang), className="notice")
    contribution = Contribution(added_by=account.name, organisation=account.organisation,
                                licence=_text(licence), file=result.filename)
    try:
        record = live.store.add_draft(result.tables, contribution)
    except StoreBusy:
        return html.P(t("store_busy", lang), className="notice", id="upload-failed")
    except (OSError, DatasetError, StoreRefused) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror \
            else type(error).__name__
        return html.P(t("contrib_store_failed", lang, reason=reason), className="notice",
                      id="upload-failed")
    link = href("/review", ViewState(lang=lang))
    return html.P([t("contrib_draft_added", lang, name=record.name,
                     n=format_number(result.observations, lang, 0)),
                   " ", dcc.Link(t("contrib_to_review", lang), href=link, id="upload-review")],
                  className="lead-small", id="upload-added")


def register_upload(app: Dash, live: ContribLive) -> None:
    """Gate the size in the browser, check on upload (preview), add on the button."""
    app.clientside_callback(
        GATE, Output("upload-file", "data"),
        Output("upload-report", "children", allow_duplicate=True),
        Output("upload-add", "disabled", allow_duplicate=True),
        Input("upload", "contents"), State("upload", "filename"), State("upload-limit", "data"),
        prevent_initial_call=True)

    @app.callback(Output("upload-report", "children"), Output("upload-add", "disabled"),
                  Input("upload-file", "data"), State("view", "data"),
                  prevent_initial_call=True)
    def check(data, view):
        if data is None:
            return no_update, True
        lang = view_language(view)
        result = check_upload(live.published, *_file(data), lang)
        closed = live.store is None or not may(current_account(), "add")
        return report(result, lang), result.dataset is None or closed

    @app.callback(Output("upload-result", "children"), Input("upload-add", "n_clicks"),
                  State("upload-file", "data"), State("upload-licence", "value"),
                  State("view", "data"), prevent_initial_call=True)
    def add(_clicks, data, licence, view):
        return add_upload(live, current_account(), data, licence, view_language(view))

    @app.callback(Output("upload-problems-download", "data"),
                  Input("upload-problems-csv", "n_clicks"), State("upload-file", "data"),
                  State("view", "data"), prevent_initial_call=True)
    def download_problems(_clicks, data, view):
        lang = view_language(view)
        result = check_upload(live.published, *_file(data), lang)
        if not result.rows:
            return no_update
        stem = Path(result.filename).stem or "upload"
        return dcc.send_string(problems_csv(result, lang), f"{stem}-problems.csv")
