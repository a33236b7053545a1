"""Screenshots of Commonalities and of the PDF's page 1 for every sample in EN and 中文 (issue 13).

For each of the three samples and each language: the Commonalities page once the analysis has
finished (no spinner), at the top (definition, KPI tiles), scrolled to the findings and to the
warning signs (bands, numbers, clouds), plus
page 1 of the PDF the CLI writes, rendered with ``pdftoppm`` (poppler-utils). These are for a
person to look at; ``--docs`` also refreshes docs/img/commonalities_{en,zh}.png from the
findings view of the English and the equipment sample.

Usage: python scripts/sample_screens.py [--out DIR] [--port N] [--docs]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from screenshots import CHROMIUM, ROOT, SIZE, _open, _scroll_to, _shoot, _start

sys.path.insert(0, str(ROOT))

from icp.i18n import t
from icp.store import Store

SAMPLES = ("saas_customers_en.xlsx", "equipment_customers_zh.xlsx", "study_abroad_zh.csv")
DOCS = {"en": "saas_customers_en.xlsx", "zh": "equipment_customers_zh.xlsx"}
_DONE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSpinner"]')
    && document.querySelectorAll('[data-testid="stHeading"]').length > 2;
}"""


def _pdf_page1(sample: str, lang: str, out: Path) -> Path:
    stem = f"pdf_{Path(sample).stem}_{lang}"
    pdf = out / f"{stem}.pdf"
    cmd = [sys.executable, "-m", "icp", "report", str(ROOT / "sample_data" / sample)]
    subprocess.run([*cmd, "--lang", lang, "--pdf", str(pdf)], check=True, capture_output=True)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "80",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(out / stem),
        ],
        check=True,
    )
    pdf.unlink()
    print(out / f"{stem}.png")
    return out / f"{stem}.png"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "icp-screens")
    parser.add_argument(
        "--port", type=int, default=None, help="serve on this port (else a free one)"
    )
    parser.add_argument("--docs", action="store_true", help="also refresh docs/img/commonalities_*")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES:
        for lang in ("en", "zh"):
            _pdf_page1(sample, lang, args.out)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        proc, url = _start(Path(tmp), port=args.port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
                )
                page = browser.new_context(viewport=SIZE, device_scale_factor=1).new_page()
                page.set_default_timeout(180_000)
                _open(page, url)
                for sample in SAMPLES:
                    path = ROOT / "sample_data" / sample
                    for lang in ("en", "zh"):
                        ws = store.create(path.stem)
                        store.set_source(ws, filename=path.name, data=path.read_bytes(), options={})
                        store.set_value(ws, "ui.lang", lang)
                        _open(page, f"{url}/commonalities?ws={ws}")
                        page.wait_for_function(_DONE)
                        _open(page, page.url)  # settle the lazily drawn charts
                        stem = f"commonalities_{Path(sample).stem}_{lang}"
                        _shoot(page, args.out / f"{stem}_top.png")
                        for suffix, key in (
                            ("", "traits.page.findings"),
                            ("_lower", "traits.page.warnings"),
                        ):
                            heading = page.get_by_test_id("stHeading").filter(has_text=t(key, lang))
                            _scroll_to(page, heading.last, offset=20)
                            _shoot(page, args.out / f"{stem}{suffix}.png")
                        if DOCS[lang] == sample and args.docs:
                            shutil.copy(
                                args.out / f"{stem}.png",
                                ROOT / "docs" / "img" / f"commonalities_{lang}.png",
                            )
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
