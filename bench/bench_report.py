"""Benchmark: the full PDF report (charts, word clouds, 7+7 steps) for a 10,000-row workspace.

Target (DESIGN "Speed"): PDF with charts and clouds ≤ 3 s.  The workspace
is the Chinese equipment sample resampled to 10,000 rows (names made
unique), so fonts, jieba and the clouds do the Chinese work.  The analysis
is timed separately (the app has it cached when the Report page asks for the
PDF).  The first PDF of a process also pays one-off start-up costs (jieba's
dictionary, vl-convert's engine, the font registration) and is reported on
its own; the median of the following runs is the steady state.

    python bench/bench_report.py [--rows 10000] [--runs 3] [--lang zh|en]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from icp import analysis, report
from icp.dataset import Dataset, open_dataset
from icp.report.images import pictures

ROOT = Path(__file__).resolve().parent.parent

SAMPLES = {
    "zh": ROOT / "sample_data" / "equipment_customers_zh.xlsx",
    "en": ROOT / "sample_data" / "saas_customers_en.xlsx",
}


def resampled(path: Path, rows: int, seed: int = 0) -> Dataset:
    """The sample at ``path`` resampled (with replacement) to ``rows`` rows, names unique."""
    ds = open_dataset(path)
    table = ds.table.sample(rows, replace=True, random_state=seed).reset_index(drop=True)
    name = ds.name_column
    if name is not None:
        table[name] = table[name].astype(str) + "-" + (table.index + 1).astype(str)
    return Dataset(table, ds.mapping, ds.source, ds.report, ds.notes, ds.ranges)


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    args = p.parse_args()

    ds = resampled(SAMPLES[args.lang], args.rows)
    result, t_analysis = _timed(lambda: analysis.run(ds))
    print(f"rows {len(ds.table):,}; best {int(result.best_mask.sum())}; lang {args.lang}")
    print(f"analysis.run (cached in the app)          {t_analysis:6.2f} s")

    def pdf() -> bytes:
        summary = report.summarise(ds, result, answers={}, lang=args.lang, title="Bench")
        return report.pdf_bytes(summary)

    data, cold = _timed(pdf)
    warm = [_timed(pdf)[1] for _ in range(args.runs)]
    print(f"pdf_bytes, first in process (cold)        {cold:6.2f} s  ({len(data) / 1e6:.2f} MB)")
    print(f"pdf_bytes, median of {args.runs} (warm)              {statistics.median(warm):6.2f} s")

    summary, t_sum = _timed(lambda: report.summarise(ds, result, answers={}, lang=args.lang))
    print(f"  of which summarise (once per page)      {t_sum:6.2f} s")
    t0 = time.perf_counter()
    images = pictures(summary)
    t_img = time.perf_counter() - t0
    print(f"  of which charts + clouds (PNG)          {t_img:6.2f} s  ({len(images)} images)")

    _md, t_md = _timed(lambda: report.markdown_text(summary))
    _js, t_js = _timed(lambda: report.json_bytes(summary))
    xl, t_xl = _timed(lambda: report.customers_xlsx_bytes(ds, result, lang=args.lang))
    print(f"markdown_text (of the summary)            {t_md:6.2f} s")
    print(f"json_bytes (of the summary)               {t_js:6.2f} s")
    print(f"customers_xlsx_bytes (with fit score)     {t_xl:6.2f} s  ({len(xl) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
