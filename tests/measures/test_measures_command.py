"""`dashboard measures` end to end on small HEAT template files written into tmp_path."""

from __future__ import annotations

import argparse
import csv
import io
import math

import pytest

from dashboard.commands import measures as measures_cmd
from dashboard.measures import MEASURES


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dashboard")
    measures_cmd.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["measures", *argv])
    return args.func(args)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_writes_one_row_per_stratum_and_measure(heat, tmp_path, capsys, kind):
    source = getattr(heat, kind)(tmp_path / f"in.{kind}", heat.education() + heat.districts())
    output = tmp_path / "out" / "measures.csv"
    assert run(str(source), "-o", str(output)) == 0
    assert capsys.readouterr().err == ""
    rows = rows_of(output.read_text(encoding="utf-8"))
    assert list(rows[0]) == list(measures_cmd.OUTPUT_COLUMNS)
    assert len(rows) == 2 * len(MEASURES)
    by_key = {(r["dimension"], r["measure"]): r for r in rows}
    d = by_key[("Education", "d")]
    assert (d["setting"], d["year"], d["indicator_abbr"]) == ("Malmö", "2012", "emp")
    assert float(d["estimate"]) == pytest.approx(20.0)
    assert d["applicable"] == "true" and d["unit"] == "indicator units"
    sii = by_key[("District", "sii")]
    assert sii["applicable"] == "false" and sii["note"] == "needs_ordered_dimension"
    assert sii["estimate"] == ""
    assert by_key[("Education", "rci")]["unit"] == "fraction"
    assert by_key[("District", "ti")]["unit"] == "x1000"
    assert by_key[("Education", "paf")]["unit"] == "percent"
    assert "seed" in by_key[("District", "bgsd")]["method"]
    assert "log" in by_key[("Education", "r")]["note"]


def test_selected_measures_to_stdout(heat, tmp_path, capsys):
    source = heat.csv(tmp_path / "in.csv", heat.education())
    assert run(str(source), "--measures", "d, sii,rii") == 0
    rows = rows_of(capsys.readouterr().out)
    assert [r["measure"] for r in rows] == ["d", "sii", "rii"]
    assert all(math.isfinite(float(r["ci_lb"])) for r in rows)


def test_bad_stratum_is_reported_and_good_one_written(heat, tmp_path, capsys):
    bad = heat.districts()
    bad[1]["population"] = "-3"
    source = heat.csv(tmp_path / "in.csv", heat.education() + bad)
    output = tmp_path / "out.csv"
    assert run(str(source), "-o", str(output), "--measures", "d") == 1
    err = capsys.readouterr().err
    assert "row 5 (line 6), column 'population'" in err
    assert "skipped stratum (Malmö, 2012, le, District)" in err
    rows = rows_of(output.read_text(encoding="utf-8"))
    assert [(r["dimension"], r["measure"]) for r in rows] == [("Education", "d")]


def test_same_seed_same_output(heat, tmp_path, capsys):
    source = heat.csv(tmp_path / "in.csv", heat.districts())
    run(str(source), "--measures", "bgsd,mdmu", "--seed", "5")
    first = capsys.readouterr().out
    run(str(source), "--measures", "bgsd,mdmu", "--seed", "5")
    assert capsys.readouterr().out == first
    run(str(source), "--measures", "bgsd,mdmu", "--seed", "6")
    assert capsys.readouterr().out != first


def test_nothing_readable_exits_2(heat, tmp_path, capsys):
    assert run(str(tmp_path / "absent.csv")) == 2
    assert "no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.csv"
    broken.write_text("setting,year\nMalmö,2012\n", encoding="utf-8")
    assert run(str(broken)) == 2
    assert "column 'subgroup'" in capsys.readouterr().err
    rows = heat.education()
    rows[0]["estimate"] = "x"
    only_bad = heat.csv(tmp_path / "bad.csv", rows)
    output = tmp_path / "out.csv"
    assert run(str(only_bad), "-o", str(output)) == 2
    assert not output.exists()


def test_unknown_measure_exits_2(heat, tmp_path, capsys):
    source = heat.csv(tmp_path / "in.csv", heat.education())
    assert run(str(source), "--measures", "d,gini") == 2
    assert "unknown measure id(s): gini" in capsys.readouterr().err
