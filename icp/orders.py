"""One row per order (or order line) → one row per customer.

Shop and ERP exports (an online store's orders, 订单导出, an invoice-line table
such as the public "Online Retail" data set) list purchases, not customers:
the customer column repeats on every order, and a line holds a quantity and a
unit price rather than an amount.  Analysed as they are, every line would be
a "customer" named after its product code.  ``split`` recognises the shape
and turns it into the accounts + deals pair ``icp.join`` already aggregates:

* the table is deals-like (``icp.sheets.classify``: a repeating customer
  column next to a value or a date) and says nothing about won or lost (an
  order is a purchase; a deals export with won/lost rows stays one row per
  deal, which is what a win–loss analysis compares) — unless its buyers are
  known only by their email and its status speaks of cancelled or refunded
  orders (a shop: WooCommerce's "Email (Billing)" and "Order Status");
* orders a status column marks cancelled, refunded or returned are no purchase:
  left out (every line of such an order), with a note; so are cancellation
  invoices ("C536379", negative amounts, as in "Online Retail");
* the customer column holds at most half as many distinct customers as rows;
* a line amount is quantity × unit price when the table has both and no
  amount column ("Quantity" × "UnitPrice", 数量 × 单价);
* lines of one order (an order / invoice number column) become one order:
  its amount summed, its first date kept, so "deals" counts orders, not lines;
* the accounts table holds, per customer, the columns that are constant for
  (nearly) every customer — a country, a segment — with their first value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from icp.sheetcols import (
    column_kind,
    detect_deal_columns,
    header_is,
    header_key,
    key_codes,
    rx,
    sample_rows,
    to_number,
)
from icp.sheets import classify

__all__ = ["Orders", "split"]

_QUANTITY = rx(r"\bquantity\b|\bqty\b|\bunits?\b|数量|件数|购买数量")
_UNIT_PRICE = rx(r"unit ?price|price ?each|\bprice\b|单价|价格")
# "Order", "Order ID", "InvoiceNo", 订单编号 — not "Order Status", "Order Date" or "Order
# Total" (a status repeating over orders is no order number)
_ORDER_ID = rx(
    r"(order|invoice|receipt|transaction|bill)\s?(id|no|nr|number|#|code)?$|"
    r"订单编号|订单号|单号|发票号|流水号"
)
_LINE_AMOUNT = {"en": "Line amount", "zh": "行金额"}


@dataclass(frozen=True)
class Orders:
    """The accounts + deals reading of an orders table, and what was done to get it."""

    accounts: pd.DataFrame  # one row per customer: the key and the per-customer columns
    deals: pd.DataFrame  # one row per order: the key, the amount, the date, the rest
    customer: str  # the customer column (the join key on both sides)
    order: str | None  # the order-number column whose lines were merged, if any
    amount: str | None  # the amount column made as quantity × unit price, if any
    lines: int  # rows of the original table
    status: str | None = None  # the status column that marked orders as no purchase
    left_out: int = 0  # orders it marked cancelled, refunded or returned, left out


def split(table: pd.DataFrame, *, lang: str = "en") -> Orders | None:
    """``Orders`` when ``table`` lists orders of repeating customers, else None."""
    if len(table) < 20 or len(table.columns) < 2:
        return None
    # a shape check on every upload, so a customer list must be a cheap no: a column
    # named like a customer that repeats, on a sample and then on every row
    named = [c for c in table.columns if _names_customer(str(c))]
    email = None
    if not any(_repeats(table[c]) for c in named):
        email = _email_customer(table)
        if email is None:
            return None
    table = table.rename(columns=str)
    head = sample_rows(table, 5000)
    guess = classify(head)
    customer = guess.key_column or (str(email) if email is not None else None)
    if guess.kind != "deals" or customer is None:
        return None
    found = detect_deal_columns(head)
    stage = found["stage"]
    if stage is not None and (email is None or not _shop_words(head[stage])):
        return None  # a win–loss export: one row per deal
    table = table.assign(**{customer: _whole_ids(table[customer])})
    codes, uniques = key_codes(table[customer])
    has_key = codes >= 0
    if len(uniques) < 3 or len(uniques) > 0.5 * has_key.sum():
        return None
    deals = table
    amount = None
    value = found["value"]
    quantity = _numeric_column(head, _QUANTITY, exclude={customer})
    if quantity is not None and (value is None or _UNIT_PRICE.search(header_key(value))):
        price = value or _numeric_column(head, _UNIT_PRICE, exclude={customer, quantity})
        if price is not None:
            amount = _LINE_AMOUNT["zh" if lang == "zh" else "en"]
            line = to_number(table[quantity]) * to_number(table[price])
            deals = table.assign(**{amount: line})
    order = _order_column(table, exclude={customer})
    status, void = _no_purchase(deals, head, order)
    if void is None and order is not None:
        status, void = _cancel_invoices(deals, order, amount or value)
    left_out = 0
    if void is not None:
        left_out = int(deals.loc[void, order].nunique()) if order else int(void.sum())
        deals = deals[~void]
    if order is not None:
        deals = _merge_lines(deals, order, amount or value, found["closed"] or found["created"])
    return Orders(
        accounts=_accounts(table, customer, codes),
        deals=deals,
        customer=customer,
        order=order,
        amount=amount,
        lines=len(table),
        status=status,
        left_out=left_out,
    )


def _names_customer(column: str) -> bool:
    """A header that names who bought: "CustomerID", "Customer name", "Customer",
    买家昵称 — not "Organization - Industry" or "Customer segment"."""
    if not header_is(column, "account"):
        return False
    words = header_key(column).split()
    return header_is(column, "name") or header_is(column, "id") or len(words) == 1


_EMAIL_HEADER = rx(r"e ?mail|邮箱|电子邮件")
_EMAIL_CELL = r"[^@\s]+@[^@\s]+\.[^@\s]+"


def _email_customer(table: pd.DataFrame) -> object | None:
    """The buyers' email column of a shop export that names them by nothing else
    (Shopify's "Email"): its cells are addresses, repeating over the orders."""
    for c in table.columns:
        if (
            _EMAIL_HEADER.search(header_key(c))
            and _repeats(table[c])
            and _mostly(table[c], _EMAIL_CELL)
        ):
            return c
    return None


def _mostly(col: pd.Series, pattern: str) -> bool:
    """Whether 90% or more of the column's first 200 filled cells are ``pattern`` whole."""
    cells = col.dropna().astype(str).head(200)
    return bool(len(cells)) and cells.str.fullmatch(pattern).mean() >= 0.9


def _repeats(col: pd.Series) -> bool:
    """Whether ≥ 10 customers hold at most half as many distinct values as filled cells."""
    if len(col) > 5000:  # numpy picks 5,000 of a million without shuffling them all
        col_part = np.random.default_rng(0).choice(len(col), 5000, replace=False)
        part = col.iloc[np.sort(col_part)]
    else:
        part = col
    filled = int(part.notna().sum())
    if filled == 0 or part.nunique(dropna=True) >= 0.95 * filled:
        return False
    n, distinct = int(col.notna().sum()), col.nunique(dropna=True)
    return 10 <= distinct <= 0.5 * n


def _whole_ids(col: pd.Series) -> pd.Series:
    """A numeric customer id read as floats (12346.0 beside blank cells, or the text
    "12346.0" a float column was saved as) is the id 12346; anything else as it is."""
    if pd.api.types.is_float_dtype(col.dtype):
        x = col.to_numpy(dtype=float, na_value=np.nan)
        if np.all(np.isnan(x) | (np.mod(x, 1) == 0)):
            return col.astype("Int64")
        return col
    text = col.dropna().astype(str)
    if len(text) and text.str.fullmatch(r"\d+\.0+").all():
        return col.where(col.isna(), col.astype(str).str.replace(r"\.0+$", "", regex=True))
    return col


def _numeric_column(head: pd.DataFrame, header: re.Pattern[str], exclude: set[str]) -> str | None:
    """The first column whose header matches ``header`` and whose cells (in ``head``, the
    sample the shape was read from) are numbers."""
    return next(
        (
            c
            for c in head.columns
            if c not in exclude and header.search(header_key(c)) and column_kind(head[c]) == "num"
        ),
        None,
    )


def _order_column(table: pd.DataFrame, exclude: set[str]) -> str | None:
    """An order / invoice number column whose numbers repeat over an order's lines: named
    so, or holding order numbers written "#1001" (Shopify calls that column "Name")."""
    for c in table.columns:
        if c in exclude or header_is(c, "account"):
            continue
        if not _ORDER_ID.search(header_key(c)) and not _mostly(table[c], r"#\d+"):
            continue
        n = table[c].nunique(dropna=True)
        if 0 < n < 0.9 * table[c].notna().sum():
            return c
    return None


_STATUS = rx(r"status|状态")
# what a shop writes on an order that was no purchase in the end ("Returning" is no return)
_NO_PURCHASE = rx(
    r"^\s*(?:cancell?(?:ed)?|refund(?:ed)?|returned|return|void(?:ed)?|failed|chargeback|"
    r"declined|rejected)\b|取消|退款|退货|作废|失败|交易关闭|订单关闭|已关闭"
)


def _says_no_purchase(labels: pd.Series) -> np.ndarray:
    """Per cell: whether it marks an order cancelled, refunded or returned."""
    return labels.astype("string").str.contains(_NO_PURCHASE).fillna(False).to_numpy(dtype=bool)


def _shop_words(labels: pd.Series) -> bool:
    """Whether a status column speaks of orders cancelled or refunded (a shop's), not only of
    deals won and lost (a CRM's, kept one row per deal)."""
    return bool(_says_no_purchase(labels).any())


def _no_purchase(
    deals: pd.DataFrame, head: pd.DataFrame, order: str | None
) -> tuple[str | None, np.ndarray | None]:
    """A status column ("Order Status", "Financial Status", 订单状态) and the lines of the
    orders it marks cancelled, refunded or returned (every line of such an order: a shop
    writes the status on an order's first line only), or (None, None)."""
    for c in head.columns:
        if c == order or not _STATUS.search(header_key(c)) or column_kind(head[c]) != "text":
            continue
        labels = deals[c].astype("string").str.strip()
        if labels.nunique() > 40:
            continue
        void = _says_no_purchase(labels)
        if not void.any():
            continue
        if order is not None:  # the whole order
            void = deals[order].isin(deals.loc[void, order].dropna().unique()).to_numpy() | void
        return c, void
    return None, None


def _cancel_invoices(
    deals: pd.DataFrame, order: str, amount: str | None
) -> tuple[str | None, np.ndarray | None]:
    """The lines of cancellation invoices, written as "C" + an invoice number with
    negative amounts (the public "Online Retail" data set: "C536379"), or (None, None)."""
    ids = deals[order].astype("string").str.strip()
    cancel = ids.str.fullmatch(r"[Cc]\d+").fillna(False).to_numpy(dtype=bool)
    if not cancel.any() or amount is None:
        return None, None
    plain = ids[~cancel].dropna()
    if not len(plain) or plain.str.fullmatch(r"\d+").mean() < 0.9:
        return None, None
    if not (to_number(deals.loc[cancel, amount]) <= 0).all():
        return None, None
    return order, cancel


def _merge_lines(
    deals: pd.DataFrame, order: str, amount: str | None, date: str | None
) -> pd.DataFrame:
    """One row per order: the amount summed over its lines, every other column's first
    value (the customer, the date, the first product …)."""
    keyed = deals[deals[order].notna()]
    grouped = keyed.groupby(order, sort=False, dropna=True)
    out = grouped.first()
    if amount is not None:
        out[amount] = grouped[amount].sum(min_count=1)
    if date is not None:
        out[date] = grouped[date].min() if _sortable(keyed[date]) else out[date]
    return out.reset_index()[list(deals.columns)]


def _sortable(series: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(series.dtype) or pd.api.types.is_numeric_dtype(
        series.dtype
    )


def _accounts(table: pd.DataFrame, customer: str, codes: np.ndarray) -> pd.DataFrame:
    """One row per customer: the customer column plus every column that holds one value
    for ≥ 95% of the customers (a country, a segment), as its first value."""
    keyed = table[codes >= 0]
    gid = codes[codes >= 0]
    keep = [customer]
    for c in table.columns:
        if c == customer:
            continue
        col_codes, _ = pd.factorize(keyed[c])
        per = pd.DataFrame({"g": gid, "v": col_codes})
        per = per[per["v"] >= 0]
        if per.empty:
            continue
        distinct = per.drop_duplicates().groupby("g").size()
        if (distinct <= 1).mean() >= 0.95 and len(distinct) >= 0.5 * (gid.max() + 1):
            keep.append(c)
    first = pd.Series(np.arange(len(keyed))).groupby(gid).first().to_numpy()
    return keyed[keep].iloc[first].reset_index(drop=True)
