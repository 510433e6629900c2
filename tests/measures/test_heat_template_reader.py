"""Reading WHO HEAT Plus template files: valid strata apart from problems, named by place."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.ingest.heat_template import (
    COLUMNS,
    SE_FROM_CI,
    TemplateError,
    read_heat_template,
)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_reads_valid_strata(heat, tmp_path, kind):
    write = getattr(heat, kind)
    data = read_heat_template(write(tmp_path / f"heat.{kind}", heat.education() + heat.districts()))
    assert data.problems == () and data.skipped == ()
    assert data.n_rows == 7
    edu, dist = data.strata
    assert edu.key == ("Malmö", 2012, "emp", "Education")
    assert edu.subgroups == ("Low", "Mid", "High")
    assert edu.estimate.tolist() == [40.0, 50.0, 60.0]
    assert edu.order.tolist() == [1.0, 2.0, 3.0]
    assert edu.scale == 100.0 and edu.favourable and edu.reference is None
    assert dist.order is None and dist.reference == 2 and dist.scale == 1.0
    assert dist.rows == (4, 5, 6, 7)


def test_se_is_derived_from_the_interval(heat, tmp_path):
    rows = heat.education()
    rows[1].update(se="", ci_lb=45.0, ci_ub=55.0)
    rows[2].update(se="", ci_lb="", ci_ub="")
    data = read_heat_template(heat.csv(tmp_path / "heat.csv", rows))
    se = data.strata[0].se
    assert se[1] == pytest.approx(10.0 / SE_FROM_CI)
    assert math.isnan(se[2])


def test_semicolons_and_decimal_commas(heat, tmp_path):
    rows = heat.education()
    rows[0].update(estimate="40,5", se="1,25")
    data = read_heat_template(heat.csv(tmp_path / "heat.csv", rows, delimiter=";"))
    assert data.problems == ()
    assert data.strata[0].estimate[0] == 40.5 and data.strata[0].se[0] == 1.25


def test_missing_values_are_allowed_where_heat_allows_them(heat, tmp_path):
    rows = heat.districts()
    rows[0].update(estimate="NA", population="", setting_average="79.5")
    rows[1].update(setting_average="79.5")
    data = read_heat_template(heat.csv(tmp_path / "heat.csv", rows))
    (stratum,) = data.strata
    assert np.isnan(stratum.estimate[0]) and np.isnan(stratum.population[0])
    assert stratum.setting_average == 79.5


def test_one_bad_stratum_does_not_lose_the_good_one(heat, tmp_path):
    rows = heat.education() + heat.districts()
    rows[5]["se"] = "abc"
    data = read_heat_template(heat.csv(tmp_path / "heat.csv", rows))
    assert [s.dimension for s in data.strata] == ["Education"]
    assert data.skipped == (("Malmö", "2012", "le", "District"),)
    (problem,) = data.problems
    assert (problem.row, problem.line, problem.column) == (6, 7, "se")
    assert "row 6 (line 7), column 'se'" in str(problem)


@pytest.mark.parametrize(
    ("index", "changes", "column", "text"),
    [
        (0, {"year": "2012.5"}, "year", "whole year"),
        (0, {"indicator_scale": 0}, "indicator_scale", "above 0"),
        (0, {"population": -5}, "population", "must not be negative"),
        (0, {"favourable_indicator": 2}, "favourable_indicator", "0 or 1"),
        (0, {"ci_lb": 60, "ci_ub": 50}, "ci_lb", "above the upper limit"),
        (0, {"subgroup_order": ""}, "subgroup_order", "number is required"),
        (0, {"subgroup_order": 1.5}, "subgroup_order", "whole number"),
        (0, {"setting": ""}, "setting", "required"),
        (1, {"subgroup_order": 1}, "subgroup_order", "repeats row 1"),
        (1, {"subgroup": "Low"}, "subgroup", "repeats row 1"),
        (1, {"indicator_scale": 1000}, "indicator_scale", "differs within the stratum"),
        (2, {"reference_subgroup": 1}, None, None),
    ],
)
def test_problems_name_row_line_and_column(heat, tmp_path, index, changes, column, text):
    rows = heat.education()
    rows[index].update(changes)
    if column is None:
        rows[0]["reference_subgroup"] = 1
        column, text, index = "reference_subgroup", "second reference subgroup", 2
    data = read_heat_template(heat.csv(tmp_path / "heat.csv", rows))
    assert all(index + 1 not in s.rows for s in data.strata)
    assert any(
        p.column == column and text in p.message and p.row == index + 1 and p.line == index + 2
        for p in data.problems
    ), data.problems


def test_xlsx_problems_give_the_spreadsheet_line(heat, tmp_path):
    rows = heat.education()
    rows[2]["estimate"] = "high"
    data = read_heat_template(heat.xlsx(tmp_path / "heat.xlsx", rows))
    (problem,) = data.problems
    assert (problem.row, problem.line, problem.column) == (3, 4, "estimate")


@pytest.mark.parametrize(
    ("content", "name", "text"),
    [
        (None, "absent.csv", "no such file"),
        ("setting,year\nMalmö,2012\n", "heat.csv", "required column is missing"),
        (",".join(COLUMNS) + "\n", "heat.csv", "no data rows"),
        ("", "heat.csv", "empty"),
        ("x", "heat.json", "expected a .csv or .xlsx"),
        ("not a zip", "heat.xlsx", "cannot read the spreadsheet"),
    ],
)
def test_unreadable_files_raise(tmp_path, content, name, text):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(TemplateError, match=text) as info:
        read_heat_template(path)
    assert info.value.problems
