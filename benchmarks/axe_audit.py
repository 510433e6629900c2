"""Accessibility audit: axe-core's WCAG 2.0/2.1 A and AA rules on every page state. Prints
figures; it is not a test (tests/browser/test_axe.py guards the rules that pass).

    npm ci && .venv/bin/python benchmarks/axe_audit.py [--views map,compare] [--langs en]

Serves the dashboard on the embedded data (as tests/browser/conftest.py does) and opens
every view in Swedish and English in headless chromium. Each view is audited in up to three
states: loaded with every collapsed section open; with the indicator dropdown open; and
after choosing another indicator, sections open again. Every embeddable chart
(`/embed/<chart>`) is audited in both languages too. Prints one row per page state and
broken rule (nodes: how many elements break it), the rules with where they occur, and the
totals: violations (one rule broken in one page state, as axe-core counts them) by impact.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.factory import create_app  # noqa: E402
from dashboard.app.settings import DEFAULT_DATA  # noqa: E402
from dashboard.figures.charts import CHART_IDS  # noqa: E402
from dashboard.store.dataset import read_dataset  # noqa: E402
from tests.browser import axe  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

IMPACTS = ("critical", "serious", "moderate", "minor")


def audit_view(page: Any, base: str, view: axe.View, lang: str) -> dict[str, list]:
    """The violations in each audited state of one view in one language."""
    found: dict[str, list] = {}
    page.goto(view.url(base, lang))
    axe.settle(page)
    axe.open_sections(page)
    found["sections open"] = axe.audit(page)
    if view.has_indicator and page.locator("#indicator").is_visible():
        axe.open_indicator_choice(page)
        found["dropdown open"] = axe.audit(page)
        axe.choose_other_indicator(page)
        axe.open_sections(page)
        found["indicator changed"] = axe.audit(page)
    return found


def audit_embed(page: Any, base: str, chart_id: str, lang: str) -> list | None:
    """The violations of one embedded chart, or None when it has no data by default."""
    response = page.goto(f"{base}/embed/{chart_id}?lang={lang}")
    if response is None or response.status != 200:
        return None
    page.wait_for_selector(".main-svg", timeout=20_000)
    return axe.audit(page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", help="comma-separated view ids (default: all)")
    parser.add_argument("--langs", default=",".join(axe.LANGS))
    parser.add_argument("--no-embeds", action="store_true")
    args = parser.parse_args()
    if not axe.installed():
        sys.exit(axe.NOT_INSTALLED)
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server: Any  # werkzeug's server, which conftest's serve() does not type
    base, server = serve(create_app(read_dataset(DEFAULT_DATA)))
    chosen = args.views.split(",") if args.views else None
    views = [v for v in axe.views() if chosen is None or v.id in chosen]
    langs = args.langs.split(",")
    results: dict[tuple[str, str, str], list] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1300, "height": 950}).new_page()
        for view in views:
            for lang in langs:
                for state, found in audit_view(page, base, view, lang).items():
                    results[(view.address, lang, state)] = found
        for chart_id in () if args.no_embeds else CHART_IDS:
            for lang in langs:
                embedded = audit_embed(page, base, chart_id, lang)
                if embedded is not None:
                    results[(f"/embed/{chart_id}", lang, "")] = embedded
        browser.close()
    server.shutdown()
    report(results)


def report(results: dict[tuple[str, str, str], list]) -> None:
    """Print the table, the rules with where they occur, and the totals."""
    print(f"axe-core {axe.version()}, tags {', '.join(axe.WCAG_TAGS)}, "
          f"{len(results)} page states\n")
    print(f"{'view':24s} {'lang':4s} {'state':18s} {'rule':32s} {'impact':9s} {'nodes':>5s}")
    by_rule: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    impacts: Counter[str] = Counter()
    nodes: Counter[str] = Counter()
    clean = 0
    for (where, lang, state), found in results.items():
        if not found:
            clean += 1
            print(f"{where:24s} {lang:4s} {state:18s} {'-':32s} {'':9s} {0:5d}")
        for v in found:
            print(f"{where:24s} {lang:4s} {state:18s} {v.rule:32s} {v.impact:9s} "
                  f"{len(v.targets):5d}")
            by_rule[(v.rule, v.impact)][where].add(state or "embedded")
            impacts[v.impact] += 1
            nodes[v.impact] += len(v.targets)
    print("\nRules broken, and where:")
    for (rule, impact), places in sorted(by_rule.items()):
        print(f"  {rule} ({impact}):")
        for where, states in places.items():
            print(f"    {where} ({', '.join(sorted(states))})")
    total = sum(impacts.values())
    print(f"\nTotal: {total} violations ({sum(nodes.values())} nodes) on {len(results)} page "
          f"states, {clean} states clean")
    for impact in IMPACTS:
        if impacts[impact]:
            print(f"  {impact:9s} {impacts[impact]:4d} violations {nodes[impact]:5d} nodes")


if __name__ == "__main__":
    main()
