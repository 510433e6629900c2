"""The view model: the one table of choices, and resolving a view state against the data.

`CHOICES` declares, once and in resolution order, every choice the user can make beyond the
language: the values the data offers given the earlier choices, the default taken from the
data, the notice shown when a link asks for a value that is not there, which earlier
choices its options depend on, and (for the shared controls) its label and option words.
URL keys and parsing are the other half of each row, in `core.viewstate.PARAMS`.
`resolve` walks the table, so an outdated link still opens a sensible view and says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dashboard.core.i18n import format_period
from dashboard.core.schema import TOTAL
from dashboard.core.texts import t
from dashboard.core.viewstate import (
    PARAMS,
    REFERENCES,
    SPAN_FIELDS,
    ViewState,
    restrict,
    spread,
)
from dashboard.figures.labels import area_names, group_label
from dashboard.figures.overview import NAME_SORT, PAGE_SIZES, area_table, judged
from dashboard.store import query
from dashboard.store.dataset import Dataset

# The first view: life expectancy at birth, the measure whose district gap (5.4 years for
# men, 4.6 for women, 2007-2011) the Malmö Commission (Kommission för ett socialt hållbart
# Malmö, final report 2013) put first. The first indicator of the data is used when a
# dataset lacks it.
DEFAULT_INDICATOR = "medellivslangd_vid_fodelsen"
# Areas are ranked by the employment rate (förvärvsfrekvens) unless the user picks another
# determinant: of the social determinants in Malmö's welfare reports it is the one given
# for every district in most years.
DEFAULT_ORDER = "forvarvsfrekvens"
# A composite index starts from one indicator of each domain the welfare reports cover:
# work, sickness absence, health and participation; the user changes the set at will.
DEFAULT_COMPONENTS = ("forvarvsfrekvens", "ohalsotal", "medellivslangd_vid_fodelsen",
                      "valdeltagande_kommunval")
SORTS = ("value", "name")
# Areas ranked by a social determinant are grouped into population-weighted fifths unless the
# user asks for tenths: fifths (quintiles) are what England's public-health profiles and Public
# Health Scotland report most, and with Malmö's 192 DeSO each fifth still holds about 38 areas.
BINS = ("5", "10")
# The start page leads with today's gap between small areas, not the 1998-2013 districts: the
# health indicator with the newest period that has values for small areas (DeSO, else RegSO)
# against income, in fifths. Among indicators with equally new data the order below decides:
# at least one dose first, since it is the widest measure of reach. Income is the determinant
# because it is the one SCB publishes for every DeSO that people read without a definition
# (the low-economic-standard share is the alternative when income is missing).
LEAD_LEVELS = ("deso", "regso")
LEAD_INDICATORS = ("vaccination_covid19_dos1", "vaccination_covid19_dos2",
                   "vaccination_covid19_dos3")
LEAD_ORDERS = ("median_nettoinkomst", "lag_ekonomisk_standard")
LEAD_TOPIC = "health"
# A new filter, sort or page size of the overview's table starts again at its first page.
RESTARTS_PAGE = frozenset({"osize", "osort", "ofind", "oparent", "otype"})
# The social-investment view's number boxes: ranges set by their low, likely and high box,
# the four shares by one box each, whole numbers and amounts by one box.
SPAN_PARTS = ("lo", "mid", "hi")
SHARE_PARTS = ("0", "1", "2", "3")
NUMBER_FIELDS = frozenset({"people", "cyrs", "start", "hor", "seed"})
SCENARIO_NUMBERS = (*sorted(SPAN_FIELDS), "shares", *sorted(NUMBER_FIELDS))


@dataclass(frozen=True)
class Notice:
    """Something the user should know about their choice, e.g. a fallback; `code` names
    the text `notice_<code>`."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """One row of the table: a state field, what the data offers, its default and notice."""

    field: str
    offered: Callable[[Dataset, ViewState], Sequence[Any]]
    default: Callable[[Dataset, ViewState, Sequence[Any]], Any]
    notice: str
    uses: tuple[str, ...] = ()
    label_key: str = ""
    option_label: Callable[[Dataset, ViewState, Any], str] | None = None


def _indicators(ds: Dataset, _s: ViewState) -> list[str]:
    return list(ds.indicators.sort_values(["topic", "id"])["id"])


def _default_indicator(ds: Dataset, s: ViewState, offered: Sequence[str]) -> str:
    """DEFAULT_INDICATOR, or where a level is asked that it lacks, the first indicator with
    values there, health first (the dashboard is about health gaps)."""
    if not s.level or (DEFAULT_INDICATOR in offered
                       and s.level in query.levels_with_data(ds, DEFAULT_INDICATOR)):
        return DEFAULT_INDICATOR if DEFAULT_INDICATOR in offered else offered[0]
    at_level = [i for i in offered if s.level in query.levels_with_data(ds, i)]
    health = set(ds.indicators.loc[ds.indicators["topic"] == LEAD_TOPIC, "id"])
    ranked = sorted(at_level, key=lambda i: i not in health)
    return ranked[0] if ranked else (DEFAULT_INDICATOR if DEFAULT_INDICATOR in offered
                                     else offered[0])


def level_first(ds: Dataset, state: ViewState) -> ViewState:
    """The state with the level kept over the indicator: where the indicator has no values
    at the asked level, the indicator goes back to the level's default. Used when the user
    has just chosen the level, and on views that show no indicator (the overview)."""
    if state.level and state.indicator and \
            state.level not in query.levels_with_data(ds, state.indicator):
        return state.with_changes(indicator="")
    return state


def _levels(ds: Dataset, s: ViewState) -> list[str]:
    return query.levels_with_data(ds, s.indicator)


def _sexes(ds: Dataset, s: ViewState) -> list[str]:
    return list(query.options(ds, s.indicator, s.level)["sexes"])


def _pairs(ds: Dataset, s: ViewState) -> list[tuple[str, str]]:
    obs = query.for_indicator(ds, s.indicator)
    obs = obs[(obs["level"] == s.level) & (obs["sex"] == s.sex)]
    return sorted(set(zip(obs["dimension"], obs["group"], strict=True)),
                  key=lambda dg: (dg[0] != TOTAL, dg))


def _dimensions(ds: Dataset, s: ViewState) -> list[str]:
    return list(dict.fromkeys(d for d, _ in _pairs(ds, s)))


def _groups(ds: Dataset, s: ViewState) -> list[str]:
    return [g for d, g in _pairs(ds, s) if d == s.dimension]


def _periods(ds: Dataset, s: ViewState) -> list[str]:
    return sorted(_chosen(ds, s)["period"].unique(), key=query.period_key)


def _chosen(ds: Dataset, s: ViewState) -> Any:
    obs = query.for_indicator(ds, s.indicator)
    return obs[(obs["level"] == s.level) & (obs["sex"] == s.sex)
               & (obs["dimension"] == s.dimension) & (obs["group"] == s.group)]


def _best_period(ds: Dataset, s: ViewState, _offered: Sequence[str]) -> str:
    """The period with the most areas, latest first among equals."""
    counts = _chosen(ds, s).groupby("period")["area_code"].nunique()
    return str(max(counts.index, key=lambda p: (counts[p], query.period_key(p)[0],
                                                -query.period_key(p)[1])))


def _orders(ds: Dataset, s: ViewState) -> list[str]:
    return query.order_options(ds, s.indicator, s.level)


def _default_order(_ds: Dataset, _s: ViewState, offered: Sequence[str]) -> str:
    return DEFAULT_ORDER if DEFAULT_ORDER in offered else (offered[0] if offered else "")


def _areas(ds: Dataset, s: ViewState) -> list[str]:
    return query.level_areas(ds, s.level)


def _parents(ds: Dataset, s: ViewState) -> list[str]:
    parents = ds.areas.loc[ds.areas["level"] == s.level, "parent_code"].dropna()
    return sorted(set(parents))


def _page_sizes(_ds: Dataset, _s: ViewState) -> list[str]:
    return [str(n) for n in PAGE_SIZES]


def _area_types(ds: Dataset, s: ViewState) -> list[str]:
    """SCB's area types the level's areas have (worked out only when one is asked for)."""
    if not s.otype:
        return []
    types = judged(ds, s.lang, s.level).area_type.dropna()
    return sorted({str(int(v)) for v in types})


def _table_sorts(ds: Dataset, s: ViewState) -> list[str]:
    """The overview's columns, each either way (worked out only when a sort is asked for)."""
    if not s.osort:
        return []
    keys = [NAME_SORT, *(c.key for c in judged(ds, s.lang, s.level).columns)]
    return [*keys, *(f"-{k}" for k in keys)]


def _table_pages(ds: Dataset, s: ViewState) -> list[str]:
    """The pages of the overview's table (worked out only when a page is asked for)."""
    if not s.opage:
        return []
    return [str(p) for p in range(1, area_table(ds, s).pages + 1)]


def _last(_ds: Dataset, _s: ViewState, offered: Sequence[Any]) -> Any:
    return offered[-1] if offered else ""


def _splits(ds: Dataset, s: ViewState) -> list[str]:
    return [*query.split_options(ds, s.indicator, s.level), "area"]


def _components(ds: Dataset, s: ViewState) -> list[str]:
    return query.composite_options(ds, s.level)


def _default_components(_ds: Dataset, _s: ViewState, offered: Sequence[str]) -> tuple[str, ...]:
    chosen = tuple(c for c in DEFAULT_COMPONENTS if c in offered)
    return chosen or tuple(offered[:3])


def _as_given(name: str) -> Callable[[Dataset, ViewState], tuple[Any, ...]]:
    """A choice the data does not limit: the value asked is the one offered."""
    return lambda _ds, s: (getattr(s, name),)


def _empty(_ds: Dataset, _s: ViewState, _offered: Sequence[Any]) -> str:
    return ""


def _first(_ds: Dataset, _s: ViewState, offered: Sequence[Any]) -> Any:
    return offered[0]


def _indicator_label(ds: Dataset, s: ViewState, code: str) -> str:
    return str(query.indicator_info(ds, code)[f"title_{s.lang}"])


def _period_label(_ds: Dataset, _s: ViewState, period: str) -> str:
    return format_period(period)


def _sex_label(_ds: Dataset, s: ViewState, sex: str) -> str:
    return t(f"sex_{sex}", s.lang)


def _level_label(_ds: Dataset, s: ViewState, level: str) -> str:
    return t(f"level_{level}", s.lang)


def _group_label(ds: Dataset, s: ViewState, group: str) -> str:
    label, dimension_label = group_label(ds, s.dimension, group, s.lang)
    return label if s.dimension == TOTAL else f"{dimension_label}: {label}"


def _area_label(ds: Dataset, s: ViewState, code: str) -> str:
    return area_names(ds, [code], s.lang)[code]


CHOICES: tuple[Choice, ...] = (
    Choice("indicator", _indicators, _default_indicator, "unknown_indicator",
           (), "indicator", _indicator_label),
    Choice("level", _levels, _first, "no_level", ("indicator",), "level", _level_label),
    Choice("sex", _sexes, _first, "no_sex", ("indicator", "level"), "sex", _sex_label),
    Choice("dimension", _dimensions, _first, "no_group", ("indicator", "level", "sex")),
    Choice("group", _groups, _first, "no_group", ("indicator", "level", "sex", "dimension"),
           "group", _group_label),
    Choice("period", _periods, _best_period, "no_period",
           ("indicator", "level", "sex", "dimension", "group"), "period", _period_label),
    Choice("order", _orders, _default_order, "no_order", ("indicator", "level")),
    Choice("area", _areas, _empty, "no_area", ("level",)),
    Choice("split", _splits, _empty, "no_split", ("indicator", "level")),
    Choice("oparent", _parents, _empty, "no_parent", ("level",)),
    Choice("otype", _area_types, _empty, "no_area_type", ("level",)),
    Choice("ofind", lambda _d, s: (s.ofind,), _empty, "no_find"),
    Choice("osort", _table_sorts, _empty, "no_table_sort", ("level",)),
    Choice("osize", _page_sizes, _empty, "no_page_size"),
    Choice("opage", _table_pages, _last, "no_table_page",
           ("level", "oparent", "otype", "ofind", "osort", "osize")),
    Choice("sel", _components, _default_components, "no_sel", ("level",)),
    Choice("sort", lambda _d, _s: SORTS, _empty, "no_sort"),
    Choice("topic", lambda ds, _s: sorted(ds.indicators["topic"].unique()), _empty, "no_topic"),
    Choice("bins", lambda _d, _s: BINS, _first, "no_bins"),
    Choice("shape", lambda _d, _s: ("map", "tiles"), _empty, "no_shape"),
    Choice("ref", lambda _d, _s: REFERENCES, _empty, "no_ref"),
    Choice("effk", lambda _d, _s: ("abs", "rel"), _empty, "no_effk"),
    # The scenario's numbers: any value the address can hold is a choice (the view checks
    # how they fit together and says so).
    *(Choice(name, _as_given(name), _empty, "no_number") for name in SCENARIO_NUMBERS),
)
BY_FIELD = {c.field: c for c in CHOICES}
# The choices shown in the shell above every view, in the order they are shown.
SHARED_CONTROLS = ("indicator", "period", "sex", "group", "level")


@lru_cache(maxsize=8)
def lead_view(ds: Dataset, lang: str) -> ViewState | None:
    """The start page's lead: the newest small-area health values ranked by income in
    fifths (see LEAD_INDICATORS), resolved; None when the data hold no such values."""
    obs = ds.observations
    health = set(ds.indicators.loc[ds.indicators["topic"] == LEAD_TOPIC, "id"])
    for level in LEAD_LEVELS:
        codes = set(ds.areas.loc[ds.areas["level"] == level, "code"])
        rows = obs[obs["indicator_id"].isin(health) & obs["area_code"].isin(codes)
                   & obs["value"].notna() & (obs["sex"] == TOTAL) & (obs["group"] == TOTAL)]
        if rows.empty:
            continue
        newest = rows.groupby("indicator_id")["period"].agg(
            lambda ps: max(query.period_key(p) for p in ps))
        rank = {i: n for n, i in enumerate(LEAD_INDICATORS)}
        indicator = max(sorted(newest.index), key=lambda i: (newest[i], -rank.get(i, len(rank))))
        orders = query.order_options(ds, indicator, level)
        order = next((o for o in LEAD_ORDERS if o in orders), orders[0] if orders else "")
        if not order:
            continue
        state, _ = resolve(ds, ViewState(lang=lang, indicator=indicator, level=level,
                                         period=newest[indicator][2], order=order,
                                         bins=BINS[0]))
        return state
    return None


def _notice(choice: Choice, asked: Any, shown: Any, offered: Sequence[Any]) -> Notice:
    params: dict[str, Any] = {"asked": asked, "shown": shown}
    if choice.field == "period":
        target = query.period_key(asked)[0] if asked[:4].isdigit() else 0
        params["nearest"] = sorted(offered, key=lambda p: abs(query.period_key(p)[0]
                                                               - target))[:3]
    if choice.field in ("dimension", "group"):
        params["asked"] = asked
        params["available"] = list(offered)
    if choice.field == "sel":
        params["asked"] = ", ".join(asked)
    return Notice(choice.notice, params)


def resolve(ds: Dataset, state: ViewState) -> tuple[ViewState, list[Notice]]:
    """Fill empty choices with defaults and replace those the data cannot serve, walking
    `CHOICES` in order; each replaced choice yields a Notice naming what was asked."""
    resolved, notices = _resolve(ds, state)
    return resolved, list(notices)


@lru_cache(maxsize=512)
def _resolve(ds: Dataset, state: ViewState) -> tuple[ViewState, tuple[Notice, ...]]:
    notices: list[Notice] = []
    for choice in CHOICES:
        asked = getattr(state, choice.field)
        offered = choice.offered(ds, state)
        if choice.field == "sel":
            kept = tuple(c for c in asked if c in offered)
            dropped = tuple(c for c in asked if c not in offered)
            if dropped:
                notices.append(_notice(choice, dropped, kept, offered))
            chosen = kept or choice.default(ds, state, offered)
            weights = tuple(state.weight_of(c) for c in chosen) if kept else \
                tuple(1.0 for _ in chosen)
            state = state.with_changes(sel=chosen, weights=weights)
            continue
        if asked in offered:
            continue
        shown = choice.default(ds, state, offered)
        if asked and not (choice.field == "group" and any(n.code == "no_group"
                                                          for n in notices)):
            notices.append(_notice(choice, asked, shown, offered))
        state = state.with_changes(**{choice.field: shown})
    return state, tuple(notices)


def control_value(state: ViewState, name: str) -> str:
    """What a shared control shows for the state."""
    return str(getattr(state, name))


def control_options(ds: Dataset, state: ViewState, name: str) -> list[dict[str, str]]:
    """The options of one shared control, in the state's language."""
    key = restrict(state, frozenset(BY_FIELD[name].uses))
    return [dict(o) for o in _control_options(ds, key, name)]


@lru_cache(maxsize=256)
def _control_options(ds: Dataset, state: ViewState, name: str) -> tuple[dict[str, str], ...]:
    return tuple(_options(ds, state, name))


def _options(ds: Dataset, state: ViewState, name: str) -> list[dict[str, str]]:
    choice = BY_FIELD[name]
    if name == "group":
        return [{"label": choice.option_label(ds, state.with_changes(dimension=d), g),
                 "value": g} for d, g in _pairs(ds, state)] if choice.option_label else []
    assert choice.option_label is not None
    offered = list(choice.offered(ds, state))
    if name == "period":
        offered.reverse()
    return [{"label": choice.option_label(ds, state, v), "value": v} for v in offered]


_PARSERS = {p.field: p.parse for p in PARAMS}


def _parses(name: str, text: str) -> bool:
    try:
        _PARSERS[name](text)
    except ValueError:
        return False
    return True


def _is_number(value: Any, high: float = 1e15) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and 0 <= value < high


def _fits(name: str, value: Any) -> bool:
    """Whether `value` has the type and form of control `name` (None: back to the default)."""
    if name.startswith("w:"):
        return value is None or (_is_number(value, 101) and value <= 100)
    if ":" in name:
        field, part = name.split(":", 1)
        allowed = SPAN_PARTS if field in SPAN_FIELDS else SHARE_PARTS if field == "shares" \
            else ()
        return part in allowed and (value is None or _is_number(value))
    if name in NUMBER_FIELDS:
        return value is None or (_is_number(value) and _parses(name, _as_text(value)))
    if name not in _PARSERS or name == "weights":
        return False
    if value is None:
        return True
    if name == "sel":
        return isinstance(value, list | tuple) and all(
            isinstance(c, str) and (not c or _parses("indicator", c)) for c in value)
    return isinstance(value, str) and (not value or _parses(name, value))


def _as_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _with_part(values: tuple[float, ...], part: str, value: float | None) -> tuple[float, ...]:
    """A range with its low, likely or high box set. Clearing the likely value clears the
    range; clearing an end puts it back to the likely value; an end set before any likely
    value is taken as the likely value too. Equal ends keep the range as one value."""
    if part == "mid" and value is None:
        return ()
    low, mid, high = spread(values) or (float(value or 0),) * 3
    new = mid if value is None else float(value)
    low, mid, high = (new if part == "lo" else low, new if part == "mid" else mid,
                      new if part == "hi" else high)
    return (mid,) if low == mid == high else (low, mid, high)


def state_from_control(ds: Dataset, current: ViewState, name: str, value: Any) -> ViewState:
    """The state the user asked for by setting one shared or page control. A change of
    indicator asks for the best period of the new one; a group brings its dimension.
    A value of the wrong type or form for the control changes nothing."""
    if not _fits(name, value):
        return current
    if name == "group":
        dimension = next((d for d, g in _pairs(ds, current) if g == value), "")
        return current.with_changes(dimension=dimension, group=value or "")
    if name == "indicator":
        return current.with_changes(indicator=value or "", period="")
    if name == "sel":
        chosen = tuple(c for c in (value or ()) if c)
        return current.with_changes(sel=chosen,
                                    weights=tuple(current.weight_of(c) for c in chosen))
    if name.startswith("w:"):
        code = name[2:]
        weights = tuple(float(value if value is not None else 1) if c == code
                        else current.weight_of(c) for c in current.sel)
        return current.with_changes(weights=weights)
    if ":" in name:
        field, part = name.split(":", 1)
        if field == "shares":
            shares = list(current.shares or (0.0,) * len(SHARE_PARTS))
            shares[SHARE_PARTS.index(part)] = float(value or 0)
            return current.with_changes(shares=tuple(shares) if any(shares) else ())
        return current.with_changes(**{field: _with_part(getattr(current, field), part, value)})
    if name in NUMBER_FIELDS:
        return current.with_changes(**{name: _as_text(value) if value is not None else ""})
    if name in RESTARTS_PAGE:
        current = current.with_changes(opage="")
    return current.with_changes(**{name: value if value is not None else ""})


def changed_fields(before: ViewState, after: ViewState) -> set[str]:
    """The state fields whose values differ."""
    return {f for f in vars(before) if getattr(before, f) != getattr(after, f)}
