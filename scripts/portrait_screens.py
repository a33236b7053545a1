"""Take the portraits screenshots (issue 18) from the real app, in English and Chinese.

Same server and browser set-up as ``scripts/screenshots.py``; one workspace per
language with the sample data and one saved tag, then 1280x800 PNGs into
docs/img/:

    card_<lang>.png          Customer card: the fields in the data's own groups
    card_fit_<lang>.png      Customer card: fit score, traits it has and lacks, next step
    compare_<lang>.png       Compare groups: the tag vs everyone else
    competitors_<lang>.png   Competitors: who is still on each rival

Usage: python scripts/portrait_screens.py [--out docs/img] [--lang en zh]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from screenshots import CHROMIUM, ROOT, SIZE, _open, _scroll_to, _shoot, _start

sys.path.insert(0, str(ROOT))

from icp import tags
from icp.groups import Condition, Rule
from icp.store import Store

SAMPLE = {"en": "saas_customers_en.xlsx", "zh": "equipment_customers_zh.xlsx"}
TAG = {
    "en": tags.Tag("Manufacturers", Rule((Condition("Industry", "in", ("Manufacturing",)),))),
    "zh": tags.Tag("重点跟踪", Rule((Condition("联系人身份", "in", ("企业法人", "股东")),))),
}


def _workspace(store: Store, lang: str) -> str:
    ws = store.create("Portraits" if lang == "en" else "客户画像")
    path = ROOT / "sample_data" / SAMPLE[lang]
    store.set_source(ws, filename=path.name, data=path.read_bytes(), options={})
    store.set_value(ws, "ui.lang", lang)
    store.set_value(ws, tags.STORE_KEY, tags.dump([TAG[lang]]))
    return ws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--lang", nargs="+", default=["en", "zh"], choices=["en", "zh"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        proc, url = _start(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
                )
                page = browser.new_context(viewport=SIZE, device_scale_factor=1).new_page()
                page.set_default_timeout(120_000)
                _open(page, url)
                for lang in args.lang:
                    ws = _workspace(store, lang)
                    _open(page, f"{url}/customer?ws={ws}")
                    _scroll_to(page, page.get_by_test_id("stHeading").nth(1), offset=20)
                    _shoot(page, args.out / f"card_{lang}.png")
                    _scroll_to(page, page.get_by_test_id("stMetric").first, offset=80)
                    _shoot(page, args.out / f"card_fit_{lang}.png")

                    _open(page, f"{url}/compare?ws={ws}")
                    _scroll_to(page, page.get_by_test_id("stMetric").first, offset=40)
                    _shoot(page, args.out / f"compare_{lang}.png")

                    _open(page, f"{url}/competitors?ws={ws}")
                    _shoot(page, args.out / f"competitors_{lang}.png")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
