"""The speed-ups must not change a result: each fast path against the plain way.

(Timing lives in bench/; these only check that the answers stay the same.)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from icp import analysis, rank, sheets, text, traits
from icp.dataset import Dataset, Source
from icp.model import Settings
from icp.schema import ColumnSpec, FieldType, Mapping, Role


def test_numbers_between_words_are_blanked_without_changing_any_keyword():
    cells = [
        "公司12345号",
        "web3 团队 B2B",
        "12ab 34",
        "需要ERP系统2024年上线",
        "v2.0 .NET C# A+",
        "订单-7 #12 3D打印",
        "12.5% 提升",
        "  ",
    ]
    series = pd.Series(cells, dtype="str")
    codes, norm = text.blank_numbers(series)
    for cell, code in zip(cells, codes, strict=True):
        assert text.tokenize(norm[code]) == text.tokenize(cell), cell
    assert text.blank_numbers(pd.Series(["公司1号", "公司2号"], dtype="str"))[1] == ["公司 号"]


def test_letterless_stretches_blanked_on_the_bytes_equal_the_regex():
    """``text._blank_letterless`` (numpy on the UTF-8 bytes) against Arrow's regex replace:
    every kind of character around a stretch of digits and ``+#&.-`` — ASCII and accented
    letters (the two-byte ones at the ends of the ranges, × and ÷ between them), Han,
    emoji, spaces, newlines — in sliced and whole arrays of both string types."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = np.random.default_rng(0)
    alphabet = list("0123456789+#&.-aZ q_,:/\n\t\r") + list(
        "公司号éÀ×÷ÿĀɏɐÖØøößЖ😀\u3000ｱ\u00bf\u00c0\u00d6\u00d7\u00d8\u00f6\u00f7\u00f8\u024f\u0250"
    )
    for trial in range(200):
        n = int(rng.integers(1, 300))
        cells = ["".join(rng.choice(alphabet, int(rng.integers(0, 12)))) for _ in range(n)]
        for kind in (pa.large_string(), pa.string()):
            arr = pa.array(cells, type=kind)
            if trial % 3 == 0 and n > 3:
                arr = arr.slice(1, n - 2)
            plain = pc.replace_substring_regex(arr, pattern=text._LETTERLESS, replacement=r"\1 ")
            fast = text._blank_letterless(arr)
            fast.validate(full=True)
            assert fast.to_pylist() == plain.to_pylist()
    assert text._blank_letterless(pa.array(["a1", None])) is None  # missing cells: the regex


def test_blank_numbers_of_a_big_column_equal_the_regex_way(monkeypatch):
    rng = np.random.default_rng(1)
    cells = [f"公司{i}号" for i in range(20_000)] + [
        f"{rng.choice(['web3 ', 'B2B-', '订单-', 'v2.0 ', 'é1 ', '×2 '])}{i % 97}"
        for i in range(20_000)
    ]
    series = pd.Series(cells, dtype="str")
    fast = text.blank_numbers(series)
    assert len(series) >= text._BLANK_BYTES_MIN  # the byte path ran
    monkeypatch.setattr(text, "_BLANK_BYTES_MIN", len(series) + 1)
    plain = text.blank_numbers(series)
    assert fast[1] == plain[1]
    assert np.array_equal(fast[0], plain[0])


def test_a_csv_without_quotes_reads_the_same_split_at_every_line_break(monkeypatch):
    """``delimited._quoted``: a body with no quote is read with ``newlines_in_values`` off;
    the raw table (cells, rows, notes) is the one the quote-aware read gives."""
    from icp import load
    from icp.load import delimited

    rows = "".join(f"Firm {i},{i * 7 % 13},{'Retail' if i % 3 else ' '},\t\n" for i in range(3000))
    bodies = [
        "Company,Revenue,Industry,Note\n" + rows,
        ("Company;Revenue;Industry\r\n" + "Acme;12;Retail\r\n\r\nBeta; ;\r\nTotal;12;\r\n"),
        "Company,Revenue\rAcme,1\rBeta,2\r\rGamma,3",  # old Mac line ends, no final one
        "Company,Revenue\nAcme,1,extra,cells\nBeta,2\n",  # ragged: the csv module's turn
        "客户,金额\n甲公司,1万\n乙公司,2万\n",
    ]
    for body in bodies:
        data = body.encode("utf-8")
        assert not delimited._quoted(data, 0)
        fast = load.read_table(data, filename="x.csv")
        with monkeypatch.context() as m:
            m.setattr(delimited, "_quoted", lambda body, start: True)
            plain = load.read_table(data, filename="x.csv")
        pd.testing.assert_frame_equal(fast.df, plain.df)
        assert fast.notes == plain.notes
        np.testing.assert_array_equal(fast.rows, plain.rows)
    assert delimited._quoted(b'a,b\n"x\ny",1\n', 4)


def test_keywords_of_a_mostly_distinct_text_column_match_cell_by_cell_counting():
    rng = np.random.default_rng(3)
    n = 3000
    words = np.array(["自动化产线", "ERP", "价格敏感", "售后"])
    notes = [f"订单{i} 需要{words[i % 4]} 第{rng.integers(0, 99)}批" for i in range(n)]
    notes[7] = None
    table = pd.DataFrame({"Notes": pd.Series(notes, dtype="str")})
    mapping = Mapping([ColumnSpec("Notes", FieldType.TEXT)])
    best = pd.Series(np.arange(n) % 4 == 0)  # every "自动化产线" note is a best customer's
    found, _, keywords = traits.categorical_traits(table, mapping, best, ~best)
    assert traits._mostly_distinct(table["Notes"])
    assert [(t.value, t.best_count) for t in found][:1] == [("自动化", 750)]
    # the same counts, one cell at a time
    expected: dict[str, list[int]] = {}
    for cell, is_best in zip(notes, best, strict=True):
        for word in text.tokenize(cell):
            expected.setdefault(word, [0, 0])[0 if is_best else 1] += 1
    got = keywords["Notes"].set_index("word")[["best_count", "rest_count"]]
    for word, (b, r) in expected.items():
        assert tuple(got.loc[word]) == (b, r), word


def _plain_stability(pct, weights, *, top_n, draws, seed, forced_in=None, forced_out=None):
    """The whole draws × n score matrix at once (the textbook way)."""
    n, k = pct.shape
    rng = np.random.default_rng(seed)
    w = weights[:, None] * rng.uniform(0.5, 1.5, size=(k, draws))
    w /= np.maximum(w.sum(axis=0, keepdims=True), 1e-12)
    scores = w.T @ pct.T
    if forced_out is not None:
        scores[:, forced_out] = -np.inf
    if forced_in is not None:
        scores[:, forced_in] = np.inf
    top = np.argsort(-scores, axis=1, kind="stable")[:, :top_n]
    return np.bincount(top.ravel(), minlength=n) / draws


def test_blocked_stability_equals_the_whole_matrix(monkeypatch):
    monkeypatch.setattr(rank, "_BLOCK", 3000)  # many small blocks
    rng = np.random.default_rng(0)
    for k in (1, 3):
        pct = rng.random((5000, k))  # continuous scores: no ties at the border
        weights = rng.random(k) + 0.5
        forced_in = np.zeros(5000, dtype=bool)
        forced_in[[5, 77]] = True
        forced_out = np.zeros(5000, dtype=bool)
        forced_out[np.argsort(-pct.sum(axis=1))[:3]] = True
        for fi, fo in ((None, None), (forced_in, forced_out)):
            got = rank.stability(
                pct, weights, top_n=12, draws=40, seed=1, forced_in=fi, forced_out=fo
            )
            want = _plain_stability(
                pct, weights, top_n=12, draws=40, seed=1, forced_in=fi, forced_out=fo
            )
            np.testing.assert_array_equal(got, want)


def test_blank_cells_trimmed_like_the_regex():
    df = pd.DataFrame(
        {
            "a": pd.Series([1, " ", "x", None, "\u3000", ""], dtype=object),
            "b": pd.Series(["", "y", " z ", "\t", None, "n"], dtype="str"),
            "c": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        }
    )
    want = df.replace(r"^\s*$", np.nan, regex=True)
    pd.testing.assert_frame_equal(sheets._blank_to_nan(df), want)


def test_a_weight_change_reuses_the_tokenised_text_and_gives_a_fresh_result():
    n = 400
    rng = np.random.default_rng(2)
    table = pd.DataFrame(
        {
            "Name": [f"c{i}" for i in range(n)],
            "Value": rng.gamma(2.0, 1000.0, n),
            "Cycle": rng.integers(5, 200, n).astype(float),
            "Notes": pd.Series([f"需要自动化 {i}" if i % 3 else "价格" for i in range(n)]),
        }
    )
    mapping = Mapping(
        [
            ColumnSpec("Name", FieldType.TEXT, Role.NAME),
            ColumnSpec("Value", FieldType.NUMBER, Role.VALUE),
            ColumnSpec("Cycle", FieldType.NUMBER, Role.CYCLE_DAYS),
            ColumnSpec("Notes", FieldType.TEXT, Role.NOTES),
        ]
    )
    ds = Dataset(table=table, mapping=mapping, source=Source(None, "csv", None, [], 0), report=None)
    first = analysis.run(ds, Settings(weights={"deal_value": 3.0, "sales_cycle": 0.0}))
    memo = analysis._memo_for(ds)[("profile", ("Notes",))]  # the profile's word columns
    pairs = memo["traits.pairs"]
    second = analysis.run(ds, Settings(weights={"deal_value": 0.0, "sales_cycle": 3.0}))
    assert analysis._memo_for(ds)[("profile", ("Notes",))]["traits.pairs"] is pairs  # once
    assert first.best_names != second.best_names
    # a fresh Dataset over a changed table does not see the old memo
    other = Dataset(
        table=table.assign(Notes="别的"), mapping=mapping, source=ds.source, report=None
    )
    assert set(analysis.run(other).keywords["Notes"]["word"]) == {"别的"}
