"""axe-core, Deque's accessibility engine (https://github.com/dequelabs/axe-core, MPL-2.0),
run in a Playwright page against the WCAG 2.0 and 2.1 level A and AA rules.

The engine comes from the npm registry at the version pinned in package-lock.json
(`npm ci` at the repository root, which `scripts/setup.sh --test` runs). Its script is
evaluated through the DevTools protocol, which the page's content security policy does not
govern, so the audited page runs under the policy the server really sends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The tags of the rules for WCAG 2.0 and 2.1, levels A and AA (axe-core's rule tags,
# https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#axe-core-tags).
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
NOT_INSTALLED = ("axe-core is not installed (node_modules/axe-core/axe.min.js is missing); "
                 "scripts/test.sh installs it with `npm ci`")

# Runs the rules with any of the tags given.
_RUN = """async ([type, values]) => {
  const result = await axe.run(document, {runOnly: {type, values},
                                          resultTypes: ['violations']});
  return JSON.stringify(result.violations.map(v => ({
    rule: v.id, impact: v.impact || '', help: v.help,
    targets: v.nodes.map(n => n.target.join(' '))})));
}"""
# The ids of every rule run for the tags, whatever its result.
_RULES_RUN = """async tags => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return [...new Set([...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable]
                     .map(rule => rule.id))];
}"""


@dataclass(frozen=True)
class Violation:
    """One rule broken on a page: where (`targets`, CSS selectors of the nodes) and how
    badly (`impact`: minor, moderate, serious or critical)."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]


def installed() -> bool:
    """Whether axe-core has been installed from the npm registry."""
    return AXE_SCRIPT.is_file()


@cache
def _source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


@cache
def version() -> str:
    """The version of axe-core that `npm ci` installed."""
    package = json.loads((AXE_SCRIPT.parent / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def inject(page: Any) -> None:
    """Load axe-core into `page` (a Playwright page), unless it is loaded already."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_source())


def audit(page: Any) -> list[Violation]:
    """The violations of every WCAG 2.0/2.1 A/AA rule (`WCAG_TAGS`) on `page` as it is now."""
    inject(page)
    found = json.loads(page.evaluate(_RUN, ["tag", list(WCAG_TAGS)]))
    return [Violation(v["rule"], v["impact"], v["help"], tuple(v["targets"])) for v in found]


def wcag_rules(page: Any) -> list[str]:
    """The ids of the rules axe-core runs for `WCAG_TAGS` (experimental and deprecated
    rules left out, as axe-core does)."""
    inject(page)
    return sorted(page.evaluate(_RULES_RUN, list(WCAG_TAGS)))


def summary(violations: list[Violation]) -> str:
    """One line per rule: its id, impact, number of nodes and the first few of them."""
    lines = []
    for v in violations:
        nodes = ", ".join(v.targets[:3]) + (" …" if len(v.targets) > 3 else "")
        lines.append(f"{v.rule} ({v.impact}, {len(v.targets)} nodes): {nodes}")
    return "\n".join(lines)


# Views audited at an address where they show data (as in benchmarks/bench_app.py).
QUERIES = {"groups": "ind=forvarvsfrekvens", "trends": "ind=forvarvsfrekvens",
           "profile": "area=1280SD08", "overview": "level=deso"}
LANGS = ("sv", "en")
# True once a section drawn on request (`components.lazy`) has received its content.
_DRAWN = """d => { const body = [...d.children].find(c => (c.id || '').includes('lazy-body'));
  return !body || body.childNodes.length > 0; }"""
_IDLE = "() => !document.querySelector('[data-dash-is-loading]')"
# An option of an open dropdown (a label wrapping its radio button, assets/dash_aria.js).
OPTION = ".dash-dropdown-content .dash-options-list-option"


@dataclass(frozen=True)
class View:
    """A view to audit: its address (without language) and whether it shows the shared
    indicator choice."""

    id: str
    address: str
    has_indicator: bool

    def url(self, base: str, lang: str) -> str:
        """The view's full address in language `lang`."""
        query = "&".join(q for q in (QUERIES.get(self.id, ""), f"lang={lang}") if q)
        return f"{base}{self.address}?{query}"


def views() -> list[View]:
    """Every view of the dashboard, in menu order."""
    from dashboard.app.pages import registry

    return [View(p.id, p.path, "indicator" in p.controls) for p in registry()]


def settle(page: Any) -> None:
    """Wait until the view is drawn and no callback is running."""
    page.wait_for_selector("#page > :not(:empty)", timeout=20_000)
    page.wait_for_function(_IDLE, timeout=20_000)


def open_sections(page: Any, limit: int = 60) -> int:
    """Open every collapsed section (`<details>`) the user can see, one by one, waiting for
    the content each draws on request, sections inside sections included; how many."""
    for opened in range(limit + 1):
        closed = page.locator("details:not([open]) > summary:visible")
        if closed.count() == 0:
            return opened
        summary = closed.first
        section = summary.locator("xpath=..").element_handle()
        summary.click()
        page.wait_for_function(_DRAWN, arg=section, timeout=20_000)
        page.wait_for_function(_IDLE, timeout=20_000)
    raise RuntimeError(f"more than {limit} collapsed sections on {page.url}")


def open_indicator_choice(page: Any) -> None:
    """Open the shared indicator dropdown, showing its options."""
    page.click("#indicator")
    page.wait_for_selector(OPTION, timeout=10_000)


def option(page: Any, name: str, exact: bool = False) -> Any:
    """The option named `name` of the open dropdown: the label a user clicks (its radio
    button is hidden behind the words)."""
    radio = page.locator(".dash-dropdown-content").get_by_role("radio", name=name,
                                                                exact=exact)
    return radio.locator("xpath=ancestor::label[1]")


def choose_other_indicator(page: Any) -> None:
    """In the open indicator dropdown, pick the first indicator not chosen now, and wait
    until the view has been redrawn for it."""
    before = page.url
    page.locator(f"{OPTION}:not(.selected)").first.click()
    page.wait_for_function("url => window.location.href !== url", arg=before,
                           timeout=20_000)
    settle(page)
