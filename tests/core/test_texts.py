"""The text catalogue: complete in both languages, one home per key, and every key the code
asks for is there, including the keys the code builds from data (`t(f"level_{level}", ...)`).
"""

from __future__ import annotations

import ast
import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import dashboard
from dashboard.app.pages.accounts import ERRORS as ACCOUNT_ERRORS
from dashboard.app.viewmodel import CHOICES
from dashboard.core import schema
from dashboard.core.i18n import LANGUAGES, join_names
from dashboard.core.natural_units import UNITS as NATURAL_UNITS
from dashboard.core.problems import CODES
from dashboard.core.texts import MODULES, TEXTS, UnknownTextKey, t
from dashboard.core.units import UNITS, unit_label
from dashboard.core.viewstate import REFERENCES
from dashboard.figures.invest_model import BASE_KINDS, PARTIES
from dashboard.ingest.today.regso import METHODS as AGGREGATIONS
from dashboard.measures import MEASURES, REASONS
from dashboard.measures.invest import PARAMETERS
from dashboard.store.backend import AUDIT_ACTIONS, ROLES
from dashboard.store.dataset import Dataset

SRC = Path(dashboard.__file__).parent
# Functions whose first argument is a catalogue key, after the prefix the function adds.
KEY_FUNCTIONS = {"t": "", "unit_label": "unit_"}
# What figures.overview.compare (and the overview legend) can call a cell.
STATUSES = ("better", "similar", "worse", "neutral", "missing")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _trees() -> Iterator[tuple[str, ast.AST]]:
    for path in sorted(SRC.rglob("*.py")):
        yield str(path.relative_to(SRC.parent)), ast.parse(path.read_text(encoding="utf-8"))


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _literals(node: ast.expr) -> list[str] | None:
    """The keys a literal argument can be (both sides of `a if c else b`); None if built."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _prefix(node: ast.expr) -> str | None:
    """The literal start of a key built as f"prefix_{x}" or "prefix_" + x."""
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = node.left
        if isinstance(left, ast.Constant) and isinstance(left.value, str):
            return left.value
    return None


def _key_calls() -> Iterator[tuple[str, int, str, ast.expr]]:
    """(file, line, key prefix, first argument) of every call of a catalogue function."""
    for where, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _called(node) in KEY_FUNCTIONS:
                yield where, node.lineno, KEY_FUNCTIONS[_called(node)], node.args[0]


def _first_literals(function: str, position: int = 0) -> set[str]:
    """Literal arguments at `position` of every call of `function` in the code."""
    found = set()
    for _, tree in _trees():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and _called(node) == function
                    and len(node.args) > position):
                found |= set(_literals(node.args[position]) or [])
    return found


def _dataset_values(dataset: Dataset) -> dict[str, set[str]]:
    flags = dataset.observations["flag"].dropna().astype(str).str.split("|").explode()
    return {
        "level_": set(dataset.areas["level"].dropna()),
        "sex_": set(dataset.observations["sex"].dropna()),
        "who_": set(dataset.observations["sex"].dropna()),
        "polarity_": set(dataset.indicators["polarity"].dropna()),
        "topic_": set(dataset.indicators["topic"].dropna()),
        "unit_": set(dataset.indicators["unit"].dropna()),
        "flag_": set(flags),
    }


def _dynamic_values(dataset: Dataset) -> dict[str, set[str]]:
    """Every value the code can put after each key prefix, from where the values come."""
    values = {
        "level_": set(schema.AREA_LEVELS),
        "sex_": set(schema.SEXES),
        "who_": set(schema.SEXES),
        "polarity_": set(schema.POLARITIES),
        "flag_": set(schema.FLAGS),
        "unit_": set(UNITS),
        "status_": set(STATUSES),
        "notice_": _first_literals("Notice") | {c.notice for c in CHOICES},
        "ci_method_": set(schema.CI_METHODS),
        "method_technical_": {m.ci_method for m in MEASURES.values()},
        "language_": set(LANGUAGES),
        "problem_": set(CODES),
        "aggregated_": set(AGGREGATIONS) - {"none"},  # "none" makes no value, so no note
        "nunit_": {u.kind for u in NATURAL_UNITS},
        "nunit_total_": {u.kind for u in NATURAL_UNITS},
        "invest_ref_": set(REFERENCES),
        "invest_refopt_": set(REFERENCES),
        "invest_base_": set(BASE_KINDS),
        "invest_party_": set(PARTIES),
        "invest_param_": set(PARAMETERS),
        "invest_box_": {"low", "mid", "high"},
        "invest_part_": {"low", "mid", "high"},
        "invest_h_": {"gapcost", "investflows", "tornado", "simulation", "gains"},
        "role_": set(ROLES),
        "audit_action_": set(AUDIT_ACTIONS),
        "accounts_error_": set(ACCOUNT_ERRORS),
    }
    for prefix, found in _dataset_values(dataset).items():
        values.setdefault(prefix, set()).update(found)
    return values


# (a) The catalogue itself.

@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_has_a_non_empty_text_in_both_languages(key: str) -> None:
    entry = TEXTS[key]
    assert set(entry) == set(LANGUAGES), f"{key}: languages {sorted(entry)}"
    for lang in LANGUAGES:
        assert isinstance(entry[lang], str) and entry[lang].strip(), f"{key}: empty in {lang}"


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_take_the_same_fields(key: str) -> None:
    sv, en = TEXTS[key].get("sv", ""), TEXTS[key].get("en", "")
    assert _fields(sv) == _fields(en), f"{key}: {_fields(sv)} in Swedish, {_fields(en)} in English"


def test_no_key_stands_in_two_catalogue_modules() -> None:
    counts = Counter(key for module in MODULES.values() for key in module)
    twice = {key: [name for name, module in MODULES.items() if key in module]
             for key, n in counts.items() if n > 1}
    assert not twice, f"keys in more than one module: {twice}"


# (b) Every key the code uses.

def test_every_literal_key_in_the_code_is_in_the_catalogue() -> None:
    missing = []
    for where, line, start, arg in _key_calls():
        for key in _literals(arg) or []:
            if start + key not in TEXTS:
                missing.append(f"{where}:{line}: {start + key!r}")
    assert not missing, "keys not in the catalogue:\n" + "\n".join(missing)


def test_every_key_built_from_data_is_in_the_catalogue(dataset: Dataset) -> None:
    values = _dynamic_values(dataset)
    unknown, missing = [], []
    for where, line, start, arg in _key_calls():
        built = _prefix(arg)
        if built is None:
            continue
        prefix = start + built
        if prefix not in values:
            unknown.append(f"{where}:{line}: {prefix!r}")
            continue
        missing += [f"{where}:{line}: {prefix + v!r}" for v in sorted(values[prefix])
                    if prefix + v not in TEXTS]
    assert not unknown, ("keys built from a prefix this test does not know where the values "
                         "come from (add it to _dynamic_values):\n" + "\n".join(unknown))
    assert not missing, "keys not in the catalogue:\n" + "\n".join(missing)


def test_every_level_sex_flag_polarity_topic_and_unit_has_words(dataset: Dataset) -> None:
    """Also where no code builds the key yet: a level, sex, flag, polarity or topic has words."""
    missing = [prefix + v for prefix, found in _dynamic_values(dataset).items()
               for v in sorted(found) if prefix + v not in TEXTS]
    assert not missing, f"keys not in the catalogue: {missing}"
    assert "level_lan" in TEXTS


def test_every_page_title_is_in_the_catalogue() -> None:
    titles = _first_literals("Page", 2)
    assert titles and {key for key in titles if key not in TEXTS} == set()


@pytest.mark.parametrize("measure_id", list(MEASURES))
def test_every_measure_has_its_name_reading_and_method(measure_id: str) -> None:
    info = MEASURES[measure_id]
    for key in (info.name_key, info.reading_key, info.method_key):
        assert key in TEXTS, key
    assert _fields(TEXTS[info.reading_key]["sv"]) <= {"value", "unit"}
    assert _fields(TEXTS[info.method_key]["sv"]) <= {"draws", "seed"}


def test_every_reason_has_an_explanation() -> None:
    assert {key for key in REASONS.values() if key not in TEXTS} == set()


def test_every_unit_has_a_label_in_both_languages() -> None:
    for code in UNITS:
        assert unit_label(code, "sv") and unit_label(code, "en")
    assert unit_label("per_1000", "en") == "per 1,000 residents"


def test_names_are_joined_with_the_language_s_word() -> None:
    assert join_names(["A", "B", "C"], "sv") == "A, B och C"
    assert join_names(["A", "B"], "en") == "A and B"
    assert join_names(["A"], "en") == "A"


# (c) An unknown key.

def test_an_unknown_key_is_an_error_under_test() -> None:
    with pytest.raises(UnknownTextKey, match="no_such_key"):
        t("no_such_key", "sv")


def test_an_unknown_key_warns_and_shows_the_key_outside_tests() -> None:
    with pytest.warns(UnknownTextKey):
        assert t("no_such_key", "en") == "no_such_key"
    with pytest.warns(UnknownTextKey):
        assert unit_label("furlongs", "sv") == "unit_furlongs"


def test_a_known_key_is_filled_in_and_an_unknown_language_falls_back_to_swedish() -> None:
    assert t("licence", "en", licence="CC0") == "Licence: CC0"
    assert t("and", "de") == "och"
