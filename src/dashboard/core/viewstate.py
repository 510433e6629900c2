"""The one view-state type, its table of URL parameters and the one URL builder.

Every choice a page shows is a field of `ViewState`, declared once with the key it stands
under in the address and how it is read and written (`PARAMS` lists them). Only codes go in
the address, never names. Reading here is syntactic: a malformed value is ignored and
reported. Whether a code exists in the data, and what to show instead, is the app's view
model (`app.viewmodel`). Every link the product makes (views, exports, embeds) comes from
`href`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any
from urllib.parse import parse_qs, urlencode

from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES

_PERIOD = re.compile(r"\d{4}(-\d{4}|-\d{2}-\d{2}|-\d{2})?")
_CODE = re.compile(r"[\w.:-]{1,64}")


def _language(text: str) -> str:
    if text not in LANGUAGES:
        raise ValueError(text)
    return text


def _code(text: str) -> str:
    if not _CODE.fullmatch(text):
        raise ValueError(text)
    return text


def _period(text: str) -> str:
    if not _PERIOD.fullmatch(text):
        raise ValueError(text)
    return text


def _codes(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_code(c) for c in text.split(",") if c))


def _weights(text: str) -> tuple[float, ...]:
    out = tuple(float(w) if w else 1.0 for w in text.split(","))
    if any(not 0 <= w <= 100 for w in out):
        raise ValueError(text)
    return out


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(text)
        return text
    return parse


def _page(text: str) -> str:
    if not text.isdigit() or not 0 < int(text) < 1_000_000:
        raise ValueError(text)
    return str(int(text))


def _search(text: str) -> str:
    if len(text) > 64 or not text.isprintable():
        raise ValueError(text)
    return text.strip()


def _span(text: str) -> tuple[float, ...]:
    """A number, or three as 'low,likely,high', none negative (their order is the view's
    to check, so that a link keeps what the user typed)."""
    out = tuple(float(v) for v in text.split(","))
    if len(out) not in (1, 3) or any(not 0 <= v < 1e15 for v in out):
        raise ValueError(text)
    return out


def spread(values: tuple[float, ...]) -> tuple[float, ...]:
    """A range as (low, likely, high): one value stands for all three; () stays empty."""
    return values * 3 if len(values) == 1 else values


def _amount(text: str) -> str:
    value = float(text)
    if not 0 <= value < 1e15:
        raise ValueError(text)
    return _show_amount(value)


def _whole(low: int, high: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValueError(text)
        return str(int(text))
    return parse


def _shares(text: str) -> tuple[float, ...]:
    """Four percents (municipality, region, state, individuals); their sum is checked by
    the view."""
    out = tuple(float(v) if v else 0.0 for v in text.split(","))
    if len(out) != 4 or any(not 0 <= v <= 100 for v in out):
        raise ValueError(text)
    return out


def _show_amount(value: float) -> str:
    """A number as short as it can be written and read back exactly ('4000000', '3.5')."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _show_list(values: tuple[Any, ...]) -> str:
    return ",".join(_show_amount(v) if isinstance(v, float) else str(v) for v in values)


# What a gap is measured against in the social-investment view.
REFERENCES = ("best", "city", "sweden")


@dataclass(frozen=True)
class Param:
    """One URL parameter: the state field it fills, its key, how it is read and written."""

    field: str
    key: str
    parse: Callable[[str], Any]
    show: Callable[[Any], str] = str


def _param(key: str, parse: Callable[[str], Any], show: Callable[[Any], str] = str,
           default: Any = "") -> Any:
    """A state field that stands in the address under `key`."""
    return field(default=default, metadata={"param": (key, parse, show)})


@dataclass(frozen=True)
class ViewState:
    """What the user chose; each field with its URL key and parser, the one table of the
    address. Empty values mean 'not chosen: use the default'."""

    lang: str = _param("lang", _language, default=DEFAULT_LANGUAGE)
    indicator: str = _param("ind", _code)
    period: str = _param("period", _period)
    sex: str = _param("sex", _code)
    dimension: str = _param("dim", _code)
    group: str = _param("grp", _code)
    level: str = _param("level", _code)
    order: str = _param("order", _code)
    area: str = _param("area", _code)
    split: str = _param("split", _code)
    sel: tuple[str, ...] = _param("sel", _codes, _show_list, ())
    weights: tuple[float, ...] = _param("w", _weights, _show_list, ())
    sort: str = _param("sort", _choice("value", "name"))
    topic: str = _param("topic", _code)
    bins: str = _param("bins", _choice("5", "10"))
    shape: str = _param("shape", _choice("map", "tiles"))
    opage: str = _param("opage", _page)
    osize: str = _param("osize", _choice("25", "50", "100"))
    osort: str = _param("osort", _code)
    ofind: str = _param("ofind", _search)
    oparent: str = _param("oparent", _code)
    otype: str = _param("otype", _choice("1", "2", "3", "4", "5"))
    # The social-investment view: the reference of the gap, the money per natural unit, and
    # a scenario (spans are 'likely' or 'low,likely,high'; percents as percent).
    ref: str = _param("ref", _choice(*REFERENCES))
    vpu: tuple[float, ...] = _param("vpu", _span, _show_list, ())
    cost0: tuple[float, ...] = _param("cost0", _span, _show_list, ())
    costy: tuple[float, ...] = _param("costy", _span, _show_list, ())
    cyrs: str = _param("cyrs", _whole(0, 100))
    people: str = _param("ppl", _amount)
    eff: tuple[float, ...] = _param("eff", _span, _show_list, ())
    effk: str = _param("effk", _choice("abs", "rel"))
    start: str = _param("start", _whole(1, 100))
    decay: tuple[float, ...] = _param("decay", _span, _show_list, ())
    hor: str = _param("hor", _whole(1, 100))
    rate: tuple[float, ...] = _param("rate", _span, _show_list, ())
    shares: tuple[float, ...] = _param("shares", _shares, _show_list, ())
    seed: str = _param("seed", _whole(0, 2**31 - 1))

    def with_changes(self, **changes: Any) -> ViewState:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def weight_of(self, code: str) -> float:
        """The weight of one selected index component (1 where none is given)."""
        if code in self.sel:
            i = self.sel.index(code)
            if i < len(self.weights):
                return self.weights[i]
        return 1.0


PARAMS: tuple[Param, ...] = tuple(Param(f.name, *f.metadata["param"]) for f in fields(ViewState))
_BY_KEY = {p.key: p for p in PARAMS}
# The fields that hold a range (low, likely, high) or one likely value.
SPAN_FIELDS = frozenset(p.field for p in PARAMS if p.parse is _span)


def to_query(state: ViewState) -> str:
    """The URL query string ('?lang=sv&ind=...') holding every chosen value."""
    pairs = [(p.key, p.show(getattr(state, p.field))) for p in PARAMS
             if getattr(state, p.field) not in ("", ())]
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def restrict(state: ViewState, keep: frozenset[str]) -> ViewState:
    """The state with only the fields in `keep` (and the language); the others empty, so
    that an address holds just what its view uses."""
    empty = ViewState()
    return replace(state, **{p.field: getattr(empty, p.field) for p in PARAMS
                             if p.field not in keep and p.field != "lang"})


def from_query(search: str | None) -> tuple[ViewState, list[str]]:
    """Read a URL query string; return the state and the keys it ignored (unknown or
    malformed), so the page can say what it did not understand."""
    parsed = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    values: dict[str, Any] = {}
    ignored = []
    for key, texts in parsed.items():
        param = _BY_KEY.get(key)
        if param is None:
            ignored.append(key)
            continue
        try:
            values[param.field] = param.parse(texts[-1].strip())
        except ValueError:
            ignored.append(key)
    return ViewState(**values), ignored


def href(path: str, state: ViewState | None = None, base: str = "", **extra: str) -> str:
    """The one URL builder: a view, an export or an embed at `path`, with the state's
    choices and any extra parameters (e.g. scale=2), absolute when `base` is given."""
    query = to_query(state) if state is not None else ""
    if extra:
        query += ("&" if query else "?") + urlencode(extra)
    return base.rstrip("/") + path + query
