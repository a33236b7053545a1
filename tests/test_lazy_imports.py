"""``python -m icp analyze`` loads only what an analysis needs.

The PDF, chart, cloud and model libraries take seconds to import; a user
who asks for the JSON of an analysis should not wait for them.  Checked in a
fresh interpreter (``sys.modules`` after a real run), so an import added at
the top of any module on the analyze path fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
HEAVY = ("fpdf", "vl_convert", "wordcloud", "sklearn", "streamlit", "altair", "matplotlib")

_PROBE = """
import json, sys
from icp import cli
rc = cli.main(sys.argv[1:])
print(json.dumps({"rc": rc, "modules": sorted(sys.modules)}))
"""


def _analyze_modules(tmp_path: Path, sample: str) -> set[str]:
    out = tmp_path / "result.json"
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, "analyze", str(SAMPLES / sample), "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"ICP_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["rc"] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["best"]["names"]  # a real analysis ran
    # top-level packages, plus the full names of the scipy parts (scipy.special is cheap,
    # scipy.stats is a second of CPU the analysis does not need)
    return {m.split(".")[0] for m in report["modules"]} | {
        m for m in report["modules"] if m.startswith("scipy.")
    }


def test_analyze_an_english_list_loads_no_pdf_chart_cloud_model_or_chinese_cutter(tmp_path):
    loaded = _analyze_modules(tmp_path, "saas_customers_en.xlsx")
    assert not loaded & {*HEAVY, "jieba", "scipy.stats"}


@pytest.mark.parametrize("sample", ["equipment_customers_zh.xlsx", "study_abroad_zh.csv"])
def test_analyze_a_chinese_list_loads_no_pdf_chart_cloud_or_model(tmp_path, sample):
    loaded = _analyze_modules(tmp_path, sample)
    assert not loaded & {*HEAVY, "scipy.stats"}
    assert "jieba" in loaded  # Chinese free text is cut into words: the check sees imports
