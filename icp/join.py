"""Accounts + deals: find the two tables in a workbook, join them, aggregate per account.

Real CRM exports keep accounts (one row per company) and deals / opportunities
(one row per deal, 商机/合同) apart, often next to pivot and dashboard sheets.
The analysis needs one row per customer, so this module

1. ``classify``/``find_tables``: tells accounts-like, deals-like, summary and
   empty sheets apart (summaries and empties are skipped with a note);
2. ``propose_join``: picks the key column pair by the overlap of normalised
   values (case-, space- and full/half-width-insensitive) and finds the deal
   columns it needs (stage, value, dates, agent, product);
3. ``join``: aggregates the deals per account with grouped, vectorised
   operations and returns the account table plus the new columns, which
   role each one feeds and why (so the UI can show and change it).

Aggregation rules (documented here once, shown to users through ``roles``):

- *won deals*, *win rate* = won ÷ (won + lost); open deals count in *deals*
  but not in the win rate (NaN when nothing closed yet);
- *won value* = sum of the value of won deals.  An account that won nothing
  gets **0** (it bought nothing — a fact, and it keeps the account in the
  ranking); an account whose won deals all lack a value gets NaN (unknown).
  *average won value* is the mean over won deals with a value, NaN when there
  are none.  ``JoinPlan.value_agg`` says which of the two feeds the VALUE role;
- *sales cycle* = median days from created/engaged to close over **won**
  deals (negative spans are data errors and left out), NaN without any;
- *first / last won* = earliest / latest close date of a won deal;
- *products*, *sales agents* = the distinct values, sorted, joined with "、"
  when Chinese, else ", " (multi-select columns);
- *outcome* = Won if any deal won, else Lost if any lost, else Open; empty
  for accounts with no deals at all (nothing is known about them);
- without a stage column every deal counts as won (an orders export), and
  outside a lead list no *outcome* column is made: it could only say Won.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from icp.errors import InputError
from icp.i18n import Lang, Msg, t
from icp.schema import ColumnSpec, FieldType, Role
from icp.sheetcols import (
    CJK,
    column_kind,
    detect_deal_columns,
    header_is,
    header_key,
    key_codes,
    normalize_key,
    rx,
    sample_rows,
    to_dates,
    to_number,
    won_lost,
)

__all__ = [
    "JoinPlan",
    "JoinResult",
    "is_lead_list",
    "join",
    "propose_join",
]

# --------------------------------------------------------------------------- propose_join


@dataclass
class JoinPlan:
    """How to join: the key pair, the deal columns used, and sum vs mean for VALUE.

    ``propose_join`` fills every field; the UI may change any of them (a None
    column means "not available", e.g. no stage → every deal counts as won).
    """

    accounts_key: str
    deals_key: str
    value_agg: Literal["sum", "mean"] = "sum"
    stage: str | None = None
    value: str | None = None
    created: str | None = None
    closed: str | None = None
    agents: str | None = None
    products: str | None = None
    match_share: float = 0.0  # share of (sampled) deals whose key found an account


_PROPOSE_SAMPLE = 50_000


def _key_candidates(df: pd.DataFrame, kinds: dict[str, str], exclude: set[str]) -> list[str]:
    out = []
    for c in df.columns:
        if c in exclude:
            continue
        if kinds[c] == "text" or (kinds[c] == "num" and header_is(c, "id")):
            out.append(c)
    return out


def propose_join(accounts: pd.DataFrame, deals: pd.DataFrame) -> JoinPlan | None:
    """The best key pair by overlap of normalised values, or None if nothing matches.

    Every (accounts column, deals column) pair of text or id-like columns is
    scored by the share of deals whose key matches an account (accounts-side
    columns must be nearly unique); headers that say account/customer/客户 win
    ties.  Deal columns (stage, value, dates, agent, product) are detected too.
    """
    accounts = accounts.rename(columns=str)
    deals = deals.rename(columns=str)
    if accounts.empty or deals.empty:
        return None
    deal_cols = detect_deal_columns(deals)
    ds = deals if len(deals) <= _PROPOSE_SAMPLE else deals.sample(_PROPOSE_SAMPLE, random_state=0)
    a_sample, d_sample = sample_rows(accounts), sample_rows(ds)
    a_kinds = {c: column_kind(a_sample[c]) for c in accounts.columns}
    d_kinds = {c: column_kind(d_sample[c]) for c in ds.columns}
    used = {v for v in deal_cols.values() if v}

    a_keys: dict[str, set[str]] = {}
    for c in _key_candidates(accounts, a_kinds, set()):
        keys = normalize_key(accounts[c]).dropna()
        if len(keys) and keys.nunique() / len(keys) >= 0.8:
            a_keys[c] = set(keys.unique())
    if not a_keys:
        return None

    best: tuple[float, str, str] | None = None
    for dc in _key_candidates(ds, d_kinds, used):
        codes, uniques = key_codes(ds[dc])
        present = codes >= 0
        if not present.any():
            continue
        counts = np.bincount(codes[present], minlength=len(uniques))
        for ac, aset in a_keys.items():
            hit = np.fromiter((u in aset for u in uniques), dtype=bool, count=len(uniques))
            if not hit.any():
                continue
            share = counts[hit].sum() / len(codes)
            bonus = 0.02 * (
                header_is(dc, "account") + header_is(ac, "account") + header_is(ac, "name")
            )
            score = share + bonus
            if best is None or score > best[0]:
                best = (score, ac, dc)
    if best is None:
        return None
    _, ac, dc = best
    codes, uniques = key_codes(ds[dc])
    aset = a_keys[ac]
    hit = np.fromiter((u in aset for u in uniques), dtype=bool, count=len(uniques))
    share = float(hit[codes[codes >= 0]].sum() / len(codes))
    return JoinPlan(accounts_key=ac, deals_key=dc, match_share=round(share, 4), **deal_cols)


# --------------------------------------------------------------------------- join


@dataclass
class JoinResult:
    """One row per account (account columns + aggregates) and how it was made.

    ``roles``: (new column, role it feeds or Role.NONE, Msg saying how it was
    computed); ``specs``: a ready ColumnSpec per new column (type, role, sep)
    for the mapping; ``unmatched_deals``: the deals rows (original columns)
    whose key is empty or names no account.
    """

    table: pd.DataFrame
    roles: list[tuple[str, Role, Msg]]
    matched_accounts: int
    accounts_without_deals: int
    unmatched_deals: pd.DataFrame
    notes: list[Msg] = field(default_factory=list)
    specs: list[ColumnSpec] = field(default_factory=list)
    deals_used: int = 0


def _missing_column(df: pd.DataFrame, cols: list[str | None]) -> str | None:
    return next((c for c in cols if c is not None and c not in df.columns), None)


def _join_labels(
    gid: np.ndarray, series: pd.Series, n_groups: int
) -> tuple[np.ndarray, str | None]:
    """Distinct sorted labels per group joined into one string (vectorised).

    Cells holding several labels ("A、B") are split first.  Returns an object
    array (None where a group has no label) and the separator used.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if len(uniques) == 0:
        return np.full(n_groups, None, dtype=object), None
    parts = [
        [p.strip() for p in re.split(r"[,、;|，；]", str(u)) if p.strip()] or [str(u).strip()]
        for u in uniques
    ]
    flat = sorted({p for ps in parts for p in ps})
    sep = "、" if any(CJK.search(p) for p in flat) else ", "
    pos = {p: i for i, p in enumerate(flat)}
    # (unique code -> label ids) as an exploded pair list
    u_idx = np.repeat(np.arange(len(parts)), [len(ps) for ps in parts])
    l_idx = np.fromiter((pos[p] for ps in parts for p in ps), dtype=np.int64, count=len(u_idx))
    ok = (codes >= 0) & (gid >= 0)
    pair = np.unique(gid[ok].astype(np.int64) * len(uniques) + codes[ok])  # distinct (g, u)
    pairs = pd.DataFrame({"g": pair // len(uniques), "u": pair % len(uniques)})
    link = pd.DataFrame({"u": u_idx, "l": l_idx})
    pairs = pairs.merge(link, on="u")[["g", "l"]].drop_duplicates().sort_values(["g", "l"])
    out = np.full(n_groups, None, dtype=object)
    if pairs.empty:
        return out, sep
    g = pairs["g"].to_numpy()
    text = np.asarray(flat, dtype=object)[pairs["l"].to_numpy()] + sep
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    joined = np.add.reduceat(text, starts)
    out[g[starts]] = [s[: -len(sep)] for s in joined]
    return out, sep


def join(
    accounts: pd.DataFrame,
    deals: pd.DataFrame,
    plan: JoinPlan,
    *,
    lang: Lang = "en",
) -> JoinResult:
    """Aggregate ``deals`` per account and attach the aggregates to ``accounts``.

    New column names and outcome labels are in ``lang`` (they become data).
    Raises ``InputError("join.no_match")`` when no deal key matches any
    account — the accounts table alone stays usable.  See the module docstring
    for the exact aggregation rules.
    """
    accounts = accounts.rename(columns=str)
    deals = deals.rename(columns=str)
    if (bad := _missing_column(accounts, [plan.accounts_key])) is not None:
        raise InputError("join.bad_column.accounts", column=bad)
    deal_cols = [plan.deals_key, plan.stage, plan.value, plan.created, plan.closed]
    if (bad := _missing_column(deals, [*deal_cols, plan.agents, plan.products])) is not None:
        raise InputError("join.bad_column.deals", column=bad)
    notes: list[Msg] = []

    # accounts → group id per normalised key; deals → the same ids, -1 if none
    a_row, a_uniques = key_codes(accounts[plan.accounts_key])
    n_groups = len(a_uniques)
    d_codes, d_uniques = key_codes(deals[plan.deals_key])
    lookup = pd.Index(a_uniques).get_indexer(pd.Index(d_uniques)) if len(d_uniques) else []
    lookup = np.asarray(lookup, dtype=np.int64)
    gid = np.where(d_codes >= 0, lookup[np.maximum(d_codes, 0)] if len(lookup) else -1, -1)
    matched = gid >= 0
    if not matched.any():
        raise InputError("join.no_match", deals_key=plan.deals_key, accounts_key=plan.accounts_key)

    dup = int(pd.Series(a_row[a_row >= 0]).duplicated().sum())
    if dup:
        notes.append(Msg("join.note.duplicate_accounts", {"n": dup}))

    # per-deal facts
    n = len(deals)
    if plan.stage is not None:
        won, lost = won_lost(deals[plan.stage])
    else:
        won, lost = np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
        notes.append(Msg("join.note.no_stage"))
    value = to_number(deals[plan.value]) if plan.value is not None else np.full(n, np.nan)
    if plan.value is None:
        notes.append(Msg("join.note.no_value"))
    closed = to_dates(deals[plan.closed]) if plan.closed is not None else None
    created = to_dates(deals[plan.created]) if plan.created is not None else None

    g = gid[matched]
    frame: dict[str, Any] = {
        "g": g,
        "won": won[matched],
        "lost": lost[matched],
        "won_value": np.where(won, value, np.nan)[matched],
    }
    bad_spans = 0
    if closed is not None:
        closed_won = closed.where(won).to_numpy()[matched]
        frame["won_close"] = closed_won
        if created is not None:
            days = (closed - created).dt.total_seconds().to_numpy() / 86400.0
            days = days[matched]
            negative = (days < 0) & frame["won"]
            bad_spans = int(negative.sum())
            frame["cycle"] = np.where(frame["won"] & (days >= 0), days, np.nan)
    if closed is None or created is None:
        notes.append(Msg("join.note.no_cycle"))
    if bad_spans:
        notes.append(Msg("join.note.negative_cycle", {"n": bad_spans}))

    grouped = pd.DataFrame(frame).groupby("g", sort=True)
    idx = pd.RangeIndex(n_groups)
    n_deals = grouped.size().reindex(idx, fill_value=0).to_numpy()
    n_won = grouped["won"].sum().reindex(idx, fill_value=0).to_numpy()
    n_lost = grouped["lost"].sum().reindex(idx, fill_value=0).to_numpy()
    won_sum = grouped["won_value"].sum(min_count=1).reindex(idx).to_numpy(dtype=float)
    won_sum = np.where(n_won == 0, 0.0, won_sum)  # won nothing: bought nothing
    won_mean = grouped["won_value"].mean().reindex(idx).to_numpy(dtype=float)
    closed_n = n_won + n_lost
    with np.errstate(invalid="ignore", divide="ignore"):
        win_rate = np.where(closed_n > 0, n_won / np.maximum(closed_n, 1), np.nan)

    agg: dict[str, tuple[Any, FieldType, Role, Msg, str | None]] = {}
    value_role = (Role.VALUE, Role.NONE) if plan.value_agg == "sum" else (Role.NONE, Role.VALUE)
    agg["deals"] = (n_deals.astype(float), FieldType.NUMBER, Role.NONE, Msg("join.why.deals"), None)
    agg["won_deals"] = (
        n_won.astype(float), FieldType.NUMBER, Role.DEALS, Msg("join.why.won_deals"), None
    )  # fmt: skip
    agg["win_rate"] = (win_rate, FieldType.NUMBER, Role.NONE, Msg("join.why.win_rate"), None)
    if plan.value is not None:
        why = {"column": plan.value}
        agg["won_value"] = (
            won_sum, FieldType.NUMBER, value_role[0], Msg("join.why.won_value", why), None
        )  # fmt: skip
        agg["avg_won_value"] = (
            won_mean, FieldType.NUMBER, value_role[1], Msg("join.why.avg_won_value", why), None
        )  # fmt: skip
    if "cycle" in frame:
        cycle = grouped["cycle"].median().reindex(idx).to_numpy(dtype=float)
        why = {"created": plan.created, "closed": plan.closed}
        agg["cycle"] = (
            cycle, FieldType.NUMBER, Role.CYCLE_DAYS, Msg("join.why.cycle", why), None
        )  # fmt: skip
    if "won_close" in frame:
        first = grouped["won_close"].min().reindex(idx).to_numpy()
        last = grouped["won_close"].max().reindex(idx).to_numpy()
        why = {"closed": plan.closed}
        agg["first_won"] = (first, FieldType.DATE, Role.NONE, Msg("join.why.first_won", why), None)
        agg["last_won"] = (last, FieldType.DATE, Role.NONE, Msg("join.why.last_won", why), None)
    for slot in ("products", "agents"):
        col = getattr(plan, slot)
        if col is not None:
            labels, sep = _join_labels(gid, deals[col], n_groups)
            why = Msg(f"join.why.{slot}", {"column": col})
            agg[slot] = (labels, FieldType.MULTI, Role.NONE, why, sep)
    outcome = np.where(
        n_won > 0,
        t("join.outcome.won", lang),
        np.where(n_lost > 0, t("join.outcome.lost", lang), t("join.outcome.open", lang)),
    ).astype(object)
    leads = is_lead_list(accounts, plan)
    # a lead with no deal was not won (a fact about a lead list); an account
    # with no deals in an accounts list is simply not known
    outcome[n_deals == 0] = t("join.outcome.not_won", lang) if leads else None
    # without a stage every deal is won, so outside a lead list the column would say
    # only "Won" or nothing (an orders export): no comparison, so no outcome column
    if plan.stage is not None or leads:
        agg["outcome"] = (outcome, FieldType.SINGLE, Role.OUTCOME, Msg("join.why.outcome"), None)

    # broadcast group aggregates to account rows (rows with no key get no deals)
    table = accounts.copy()
    roles: list[tuple[str, Role, Msg]] = []
    specs: list[ColumnSpec] = []
    has = a_row >= 0
    take = np.maximum(a_row, 0)
    taken = set(table.columns)
    for slot, (values, ftype, role, why, sep) in agg.items():
        name = t(f"join.col.{slot}", lang)
        if name in taken:
            name = t("join.col.from_deals", lang, name=name)
        taken.add(name)
        arr = np.asarray(values)
        if arr.dtype.kind == "M":
            col = pd.Series(arr[take], index=table.index).where(has)
        elif arr.dtype.kind == "f":
            fill = 0.0 if slot in ("deals", "won_deals") else np.nan
            col = pd.Series(np.where(has, arr[take], fill), index=table.index)
        else:
            col = pd.Series(np.where(has, arr[take], None), index=table.index, dtype=object)
            col = col.astype("str") if pd.api.types.is_string_dtype(col.dropna()) else col
        if slot == "won_value":
            col = col.where(has, 0.0)  # no key, no deals: bought nothing either
        if slot == "outcome" and leads:
            col = col.where(has, t("join.outcome.not_won", lang))
        table[name] = col
        roles.append((name, role, why))
        specs.append(ColumnSpec(name=name, type=ftype, role=role, sep=sep))

    deals_per_row = pd.Series(np.where(has, n_deals[take], 0), index=table.index)
    matched_accounts = int((deals_per_row > 0).sum())
    without = len(table) - matched_accounts
    unmatched = deals.loc[~matched]
    if len(unmatched):
        no_key = int((d_codes < 0).sum())
        examples = ", ".join(
            str(v) for v in unmatched[plan.deals_key].dropna().astype(str).unique()[:3]
        )
        notes.append(
            Msg(
                "join.note.unmatched",
                {"n": len(unmatched), "no_key": no_key, "examples": examples or "—"},
            )
        )
    if without:
        key = "join.note.leads_without_deals" if leads else "join.note.without_deals"
        notes.append(Msg(key, {"n": without}))
    notes.insert(
        0,
        Msg(
            "join.note.summary",
            {"matched": matched_accounts, "accounts": len(table), "deals": int(matched.sum())},
        ),
    )
    return JoinResult(
        table=table,
        roles=roles,
        matched_accounts=matched_accounts,
        accounts_without_deals=without,
        unmatched_deals=unmatched,
        notes=notes,
        specs=specs,
        deals_used=int(matched.sum()),
    )


_LEAD_WORDS = rx(r"\blead|\bmql|\bsql\b|prospect|inquir|enquir|signup|sign up|线索|潜客|留资|咨询")
_CHANNEL_WORDS = rx(r"\borigin|\bsource|\butm|\bchannel|referr|来源|渠道")


def is_lead_list(accounts: pd.DataFrame, plan: JoinPlan) -> bool:
    """Whether the left table is a list of leads (a funnel), not of accounts.

    Its key or columns say lead / mql / 线索, or it has a channel column
    (origin, utm_source, 来源, 渠道) and no account-like name column.  In a
    lead list a lead without a deal counts as *not won*.
    """
    headers = [str(c) for c in accounts.columns]
    if _LEAD_WORDS.search(header_key(plan.accounts_key)) or any(
        _LEAD_WORDS.search(header_key(h)) for h in headers
    ):
        return True
    has_channel = any(_CHANNEL_WORDS.search(header_key(h)) for h in headers)
    has_name = any(header_is(h, "name") or header_is(h, "account") for h in headers)
    return has_channel and not has_name
