"""The one view-state type: every choice a page shows, round-tripped through the URL.

Only codes go in the address, never names. Parsing here is syntactic; whether a code
exists in the data is decided by `dashboard.store.query.resolve`, which falls back to
a default and says so.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import parse_qs, urlencode

from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES

# URL parameter name for each field; short so links stay readable.
PARAMS = {
    "lang": "lang",
    "indicator": "ind",
    "period": "period",
    "sex": "sex",
    "dimension": "dim",
    "group": "grp",
    "level": "level",
    "order": "order",
    "area": "area",
    "split": "split",
    "sel": "sel",
    "weights": "w",
    "sort": "sort",
}


@dataclass(frozen=True)
class ViewState:
    """What the user chose. Empty strings mean 'not chosen: use the default'."""

    lang: str = DEFAULT_LANGUAGE
    indicator: str = ""
    period: str = ""
    sex: str = ""
    dimension: str = ""
    group: str = ""
    level: str = ""
    order: str = ""
    area: str = ""
    split: str = ""
    sel: str = ""
    weights: str = ""
    sort: str = ""

    def to_query(self) -> str:
        """The URL query string ('?lang=sv&ind=...') holding every non-empty choice."""
        pairs = [(PARAMS[f.name], getattr(self, f.name)) for f in fields(self)
                 if getattr(self, f.name)]
        return "?" + urlencode(pairs) if pairs else ""

    def with_changes(self, **changes: str) -> ViewState:
        return replace(self, **changes)

    def selected(self) -> list[str]:
        """The indicator codes of a composite index ('a,b,c' in the address)."""
        return [c for c in self.sel.split(",") if c]

    def weight_list(self) -> list[float]:
        """Weights of the selected indicators; 1 where missing or unreadable."""
        out = []
        for i, _ in enumerate(self.selected()):
            parts = self.weights.split(",")
            try:
                out.append(max(0.0, float(parts[i])) if i < len(parts) and parts[i] else 1.0)
            except ValueError:
                out.append(1.0)
        return out

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def from_query(search: str | None) -> tuple[ViewState, list[str]]:
    """Parse a URL query string; return the state and the names of parameters it ignored."""
    parsed = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    by_param = {param: name for name, param in PARAMS.items()}
    values: dict[str, str] = {}
    ignored = []
    for key, vals in parsed.items():
        name = by_param.get(key)
        if name is None:
            ignored.append(key)
            continue
        values[name] = vals[-1].strip()
    if values.get("lang", DEFAULT_LANGUAGE) not in LANGUAGES:
        ignored.append("lang")
        values["lang"] = DEFAULT_LANGUAGE
    return ViewState(**values), ignored
