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

# One fresh interpreter analyses the three samples in turn and reports its modules after
# each (an interpreter costs a second of CPU to start). Modules only accumulate, so each
# list after the first holds at least what a fresh run of that sample loads: the checks on
# it are as strict; the English list goes first, before anything Chinese is loaded.
ORDER = ("saas_customers_en.xlsx", "study_abroad_zh.csv", "equipment_customers_zh.xlsx")
_PROBE = """
import json, sys
from icp import cli
for sample, out in zip(sys.argv[1::2], sys.argv[2::2]):
    rc = cli.main(["analyze", sample, "--json", out])
    print(json.dumps({"rc": rc, "modules": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def loaded_after(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    tmp = tmp_path_factory.mktemp("lazy")
    outs = [tmp / f"result{i}.json" for i in range(len(ORDER))]
    pairs = zip(ORDER, outs, strict=True)
    args = [str(a) for sample, out in pairs for a in (SAMPLES / sample, out)]
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"ICP_DATA_DIR": str(tmp / "data"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    reports = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith('{"rc"')]
    assert len(reports) == len(ORDER), proc.stdout[-2000:]
    loaded = {}
    for sample, out, report in zip(ORDER, outs, reports, strict=True):
        assert report["rc"] == 0
        assert json.loads(out.read_text(encoding="utf-8"))["best"]["names"]  # a real analysis ran
        # top-level packages, plus the full names of the scipy parts (scipy.special is cheap,
        # scipy.stats is a second of CPU the analysis does not need)
        loaded[sample] = {m.split(".")[0] for m in report["modules"]} | {
            m for m in report["modules"] if m.startswith("scipy.")
        }
    return loaded


def test_analyze_an_english_list_loads_no_pdf_chart_cloud_model_or_chinese_cutter(loaded_after):
    loaded = loaded_after["saas_customers_en.xlsx"]
    assert not loaded & {*HEAVY, "jieba", "scipy.stats"}


@pytest.mark.parametrize("sample", ["equipment_customers_zh.xlsx", "study_abroad_zh.csv"])
def test_analyze_a_chinese_list_loads_no_pdf_chart_cloud_or_model(loaded_after, sample):
    loaded = loaded_after[sample]
    assert not loaded & {*HEAVY, "scipy.stats"}
    assert "jieba" in loaded  # Chinese free text is cut into words: the check sees imports
