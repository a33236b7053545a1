"""Customer lists generated in code with one planted difference each (issue 13 fixtures).

Every list is written to CSV bytes and read back through ``open_dataset`` so
detection, cleaning and analysis run exactly as for an upload.  A random 20%
of rows are *ideal*: better criteria (bigger deals, shorter cycles), so the
top 10 by the S1 score are ideal rows, and each planted trait is given to an
ideal row with probability ``hit`` and to any other row at its base rate.
Noise columns are drawn independently of everything.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from icp.dataset import Dataset, open_dataset

NOTE_WORDS = (
    "pricing",
    "onboarding",
    "integration",
    "reporting",
    "support",
    "dashboard",
    "training",
    "contract",
    "renewal",
    "security",
)


def _open(df: pd.DataFrame, name: str) -> Dataset:
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    return open_dataset(buf.getvalue().encode("utf-8"), filename=name)


def _ideal(rng: np.random.Generator, n: int) -> np.ndarray:
    ideal = np.zeros(n, dtype=bool)
    ideal[rng.choice(n, size=n // 5, replace=False)] = True
    return ideal


def _criteria(rng: np.random.Generator, ideal: np.ndarray) -> dict[str, np.ndarray]:
    n = len(ideal)
    acv = np.round(rng.lognormal(np.where(ideal, 11.0, 9.8), 0.25, n), -2)
    cycle = np.round(rng.normal(np.where(ideal, 25, 70), 8, n)).clip(5)
    return {"ACV": [f"${v:,.0f}" for v in acv], "Sales cycle (days)": cycle.astype(int)}


def _noise_en(rng: np.random.Generator, n: int) -> dict[str, object]:
    return {
        "Region": rng.choice(["North America", "EMEA", "APAC", "LATAM"], n),
        "Lead source": rng.choice(["Website", "Webinar", "Outbound", "Partner", "Trade show"], n),
        "Notes": [
            " and ".join(rng.choice(NOTE_WORDS, size=2, replace=False)) + " discussed"
            for _ in range(n)
        ],
    }


def _names(prefix: str, n: int) -> list[str]:
    return [f"{prefix} {i:03d} Ltd" for i in range(n)]


def numeric_band_en(n: int = 200, seed: int = 1) -> Dataset:
    """Employees: the ideal rows hold 100–300, the rest log-uniform 5–5,000 (no shift)."""
    rng = np.random.default_rng(seed)
    ideal = _ideal(rng, n)
    emp = np.exp(rng.uniform(np.log(5), np.log(5000), n))
    planted = rng.uniform(110, 290, n)
    emp = np.where(ideal & (rng.random(n) < 0.9), planted, emp).round().astype(int)
    df = pd.DataFrame(
        {
            "Company": _names("Acme", n),
            "Employees": emp,
            **_criteria(rng, ideal),
            **_noise_en(rng, n),
        }
    )
    return _open(df, "band_en.csv")


def shifted_en(n: int = 200, seed: int = 2) -> Dataset:
    """Employees shifted up among the ideal rows (log-normal, same spread), no band."""
    rng = np.random.default_rng(seed)
    ideal = _ideal(rng, n)
    emp = np.round(rng.lognormal(np.where(ideal, 5.6, 5.0), 0.9, n)).astype(int) + 1
    founded = rng.integers(1985, 2021, n)
    df = pd.DataFrame(
        {
            "Company": _names("Shift", n),
            "Employees": emp,
            "Founded": founded,
            **_criteria(rng, ideal),
            **_noise_en(rng, n),
        }
    )
    return _open(df, "shift_en.csv")


SIZE_LABELS_EN = ("1-10 employees", "11-50 employees", "51-200 employees", "201-500 employees")
REVENUE_LABELS_EN = ("$0–$1M", "$1M–$5M", "$5M–$20M", "$20M–$100M")


def band_labels_en(n: int = 200, seed: int = 3) -> Dataset:
    """Company size written as labels; 51-200 employees planted, revenue band is noise."""
    rng = np.random.default_rng(seed)
    ideal = _ideal(rng, n)
    size = rng.choice(SIZE_LABELS_EN, n)
    size = np.where(ideal & (rng.random(n) < 0.85), "51-200 employees", size)
    df = pd.DataFrame(
        {
            "Company": _names("Label", n),
            "Company size": size,
            "Revenue band": rng.choice(REVENUE_LABELS_EN, n),
            **_criteria(rng, ideal),
            **_noise_en(rng, n),
        }
    )
    return _open(df, "labels_en.csv")


CAPITAL_LABELS_ZH = ("300万以下", "300-500万", "500-1000万", "1000万以上")
STAFF_LABELS_ZH = ("10人以下", "10-20人", "20-50人", "50-100人", "100-300人", "300人以上")


def band_labels_zh(n: int = 200, seed: int = 4) -> Dataset:
    """注册资金 planted at 500-1000万 (30% written as exact amounts), 人员规模 at 50-100人."""
    rng = np.random.default_rng(seed)
    ideal = _ideal(rng, n)
    capital = rng.choice(CAPITAL_LABELS_ZH, n)
    capital = np.where(ideal & (rng.random(n) < 0.85), "500-1000万", capital)
    exact = {"300万以下": (50, 299), "300-500万": (300, 499), "500-1000万": (500, 999)}
    capital = np.array(
        [
            f"{rng.integers(*exact[c]) // 50 * 50}万" if c in exact and rng.random() < 0.3 else c
            for c in capital
        ],
        dtype=object,
    )
    staff = rng.choice(STAFF_LABELS_ZH, n)
    staff = np.where(ideal & (rng.random(n) < 0.85), "50-100人", staff)
    amount = np.round(rng.lognormal(np.where(ideal, 12.0, 10.8), 0.25, n), -2)
    df = pd.DataFrame(
        {
            "客户名称": [f"测试{i:03d}机械有限公司" for i in range(n)],
            "注册资金": capital,
            "人员规模": staff,
            "省份": rng.choice(["广东", "江苏", "浙江", "山东"], n),
            "获客渠道": rng.choice(["展会", "百度推广", "抖音", "电话营销"], n),
            "合同金额": [f"{v / 1e4:.1f}万" for v in amount],
            "销售周期(天)": np.round(rng.normal(np.where(ideal, 20, 60), 8, n)).clip(3).astype(int),
        }
    )
    return _open(df, "labels_zh.csv")


def noise_only_en(n: int = 200, seed: int = 5) -> Dataset:
    """Criteria plus nothing but noise: no column tells the best apart."""
    rng = np.random.default_rng(seed)
    ideal = _ideal(rng, n)
    df = pd.DataFrame(
        {
            "Company": _names("Noise", n),
            **_criteria(rng, ideal),
            **_noise_en(rng, n),
            "Employees": np.round(np.exp(rng.uniform(np.log(5), np.log(5000), n))).astype(int),
            "Tools used": [
                ", ".join(rng.choice(["Slack", "Jira", "Excel", "Zendesk"], 2, replace=False))
                for _ in range(n)
            ],
        }
    )
    return _open(df, "noise_en.csv")


def prospects_en(n: int = 200, seed: int = 6) -> Dataset:
    """A prospect list in the shape of ``numeric_band_en`` (no criteria, no outcome)."""
    rng = np.random.default_rng(seed)
    emp = np.round(np.exp(rng.uniform(np.log(5), np.log(5000), n))).astype(int)
    df = pd.DataFrame(
        {
            "Company": _names("Prospect", n),
            "Employees": emp,
            "Region": rng.choice(["North America", "EMEA", "APAC", "LATAM"], n),
            "Lead source": rng.choice(
                ["Website", "Webinar", "Outbound", "Partner", "Trade show"], n
            ),
        }
    )
    return _open(df, "prospects_en.csv")
