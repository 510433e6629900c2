"""Keyboard audit: every view, in Swedish and English, gone through with Tab alone.
Prints figures; it is not a test (tests/browser/test_keyboard.py and test_focus_ring.py
guard the behaviour).

    .venv/bin/python benchmarks/keyboard_audit.py [--views map,compare] [--langs sv]

For each view: whether the skip link is the first stop; how many Tab stops there are until
the focus comes round to the skip link again (a trap would never come round); how many of
them show no focus outline of at least 2 px (on themselves or, for a text or file input,
on the box around it); and how many have no accessible name
(chromium's accessibility tree).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.factory import create_app  # noqa: E402
from dashboard.app.settings import DEFAULT_DATA  # noqa: E402
from dashboard.store.dataset import read_dataset  # noqa: E402
from tests.browser import axe  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

LIMIT = 400
FOCUS_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const marked = c => c && getComputedStyle(c).outlineStyle !== 'none'
    && parseFloat(getComputedStyle(c).outlineWidth) >= 2;
  return {id: el.id, tag: el.tagName, what: `${el.tagName}#${el.id}.${el.className}`,
          outline: marked(el) || marked(el.closest('.upload-box, .dash-input-container'))};
}"""


def walk(page: Any, cdp: Any) -> dict[str, Any]:
    """Tab from the top of the page until the skip link has the focus again."""
    stops, unnamed, first = 0, 0, ""
    unmarked: list[str] = []
    for _ in range(LIMIT):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_JS)
        if stops == 0:
            first = focus["id"]
        elif focus["id"] == "skip-link":
            return {"first": first, "stops": stops, "unmarked": unmarked, "unnamed": unnamed,
                    "trapped": False}
        if focus["tag"] == "BODY":
            continue
        stops += 1
        if not focus["outline"]:
            unmarked.append(focus["what"])
        node = cdp.send("Accessibility.getPartialAXTree", {"fetchRelatives": False,
                        "backendNodeId": _focused(cdp)})["nodes"][0]
        unnamed += not node.get("name", {}).get("value", "").strip()
    return {"first": first, "stops": stops, "unmarked": unmarked, "unnamed": unnamed,
            "trapped": True}


def _focused(cdp: Any) -> int:
    found = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})
    node = cdp.send("DOM.describeNode", {"objectId": found["result"]["objectId"]})
    return int(node["node"]["backendNodeId"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", help="comma-separated view ids (default: all)")
    parser.add_argument("--langs", default=",".join(axe.LANGS))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server: Any
    base, server = serve(create_app(read_dataset(DEFAULT_DATA)))
    chosen = args.views.split(",") if args.views else None
    views = [v for v in axe.views() if chosen is None or v.id in chosen]
    print(f"{'view':<24} {'lang':<4} {'first stop':<12} {'stops':>5} {'no outline':>10} "
          f"{'no name':>7} trapped")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        for view in views:
            for lang in args.langs.split(","):
                page.goto(view.url(base, lang))
                axe.settle(page)
                r = walk(page, cdp)
                print(f"{view.address:<24} {lang:<4} {r['first']:<12} {r['stops']:>5} "
                      f"{len(r['unmarked']):>10} {r['unnamed']:>7} "
                      f"{'yes' if r['trapped'] else 'no'}")
                for what in r["unmarked"]:
                    print(f"    no outline: {what}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
