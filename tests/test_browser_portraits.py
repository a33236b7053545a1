"""The portraits journey in a real browser (issue 18): open a customer's card from the
best-10 table → define a tag → compare tagged vs untagged → find it in the PDF.

Uses the server, page and waiting helpers of ``test_browser_journey`` (one
server per module, every test in its own workspace, waits on what the user
sees, never on fixed sleeps).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_browser_journey import (
    act,
    assert_no_crash,
    eventually,
    idle,
    new_workspace,
    open_app,
    settled,
    switch,
)

from icp import tags
from icp.analysis import run
from icp.dataset import open_dataset
from icp.i18n import t
from icp.store import Store
from ui.portraits import COMPARISONS_KEY

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
EQUIPMENT = ROOT / "sample_data" / "equipment_customers_zh.xlsx"


def _visit(page, srv, ws: str, path: str, title_key: str, lang: str) -> None:
    """The first page of a test, by its URL; the next ones by the menu (``switch``)."""
    open_app(page, srv, ws, path)
    page.get_by_role("heading", level=1, name=t(title_key, lang)).wait_for()
    settled(page)


def _pick(page, label: str, option: str) -> None:
    """Choose ``option`` in the select box (or multiselect) labelled ``label``."""
    box = page.get_by_test_id("stSelectbox").or_(page.get_by_test_id("stMultiSelect"))
    box.filter(has=page.get_by_text(label, exact=True)).first.click()
    act(page, page.get_by_role("option", name=option, exact=True).click)


def _select_first_row(page, table) -> None:
    """Tick the row-selection box of the first data row of a ``st.dataframe`` grid.

    The grid is clicked by position, so it must have stopped moving first: a grid in
    an expander that has just opened slides into place, and a click aimed at where
    it was ticks nothing (seen once under load: no script run was asked for).
    """
    settled(page)
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    for _ in range(100):  # the same box on two frames 100 ms apart: it has landed
        page.wait_for_timeout(100)
        now = table.bounding_box()
        if now == box:
            break
        box = now
    assert box is not None
    row_height = 35  # Streamlit's default row height, header row included
    page.mouse.move(box["x"] + 60, box["y"] + row_height * 1.5)
    act(page, lambda: page.mouse.click(box["x"] + 14, box["y"] + row_height * 1.5))


def test_card_from_best_table_then_tag_compare_and_pdf(pg, server):
    page, zh = pg, "zh"
    ws = new_workspace(server, "Portraits zh", sample=None)
    store = Store(server.data_dir)
    store.set_source(ws, filename=EQUIPMENT.name, data=EQUIPMENT.read_bytes(), options={})
    store.set_value(ws, "ui.lang", zh)
    ds = open_dataset(EQUIPMENT)
    first_best = run(ds).ranking.table.iloc[0]["name"]

    # 1. the best-10 table: selecting a row opens that customer's card
    _visit(page, server, ws, "best", "analysis.page.title", zh)
    table = page.get_by_test_id("stDataFrame").first
    _select_first_row(page, table)
    page.wait_for_url(re.compile(r"/customer\?ws="))
    page.get_by_role("heading", level=2, name=t("card.title", zh, name=first_best)).wait_for()
    for group in ("企业信息", "联系人", "需求"):
        page.get_by_text(group, exact=True).first.wait_for()
    page.get_by_text(t("card.next", zh), exact=True).wait_for()
    assert_no_crash(page)

    # 2. define the tag 重点跟踪 = 联系人身份 in {企业法人, 股东}
    switch(page, "tags", zh, path="tags", title="tags.page.title")
    name_box = page.get_by_role("textbox", name=t("tags.page.name", zh))
    name_box.fill("重点跟踪")
    act(page, lambda: name_box.press("Enter"))
    _pick(page, t("groups.ui.column", zh), "联系人身份")
    _pick(page, t("groups.ui.values", zh), "企业法人")
    _pick(page, t("groups.ui.values", zh), "股东")
    page.keyboard.press("Escape")  # close the multiselect's list, as a user clicking away would
    act(page, page.get_by_role("button", name=t("tags.page.save", zh)).click)
    saved = eventually(lambda: tags.load(store.get_value(ws, tags.STORE_KEY)), "the tag saved")
    assert [x.name for x in saved] == ["重点跟踪"]
    assert saved[0].rule.conditions[0].values == ("企业法人", "股东")
    n_tagged = int(ds.table["联系人身份"].isin(["企业法人", "股东"]).sum())
    assert_no_crash(page)

    # 3. compare tagged vs untagged (the tag is group A by default, everyone else B) and save
    switch(page, "compare", zh, path="compare", title="compare.page.title")
    page.get_by_test_id("stMetric").filter(has_text="重点跟踪").get_by_text(
        str(n_tagged), exact=True
    ).wait_for()
    page.get_by_text(re.compile("“重点跟踪”中 .* 个里有")).first.wait_for()
    act(page, page.get_by_role("button", name=t("compare.page.save_button", zh)).click)
    eventually(lambda: store.get_value(ws, COMPARISONS_KEY), "the comparison saved")
    assert_no_crash(page)

    # 4. the report's PDF holds the saved comparison
    switch(page, "report", zh)
    act(page, page.get_by_role("button", name=t("report.page.make_pdf", zh)).click)
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=t("report.page.pdf", zh)).click()
    data = Path(info.value.path()).read_bytes()
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    title = t("compare.page.default_title", zh, a="重点跟踪", b=t("compare.kind.rest", zh))
    assert t("compare.report_title", zh, name=title) in text
    assert "“重点跟踪”中" in text
    # the person level (titles seen: no contacts sheet) and where to advertise ride along
    assert t("committee.title", zh) in text and t("levels.channels.title", zh) in text
    idle(page)


def test_card_from_a_commonalities_segment_and_the_three_levels_page(pg, server):
    page, en = pg, "en"
    ws = new_workspace(server, "Portraits en")
    Store(server.data_dir).set_value(ws, "ui.lang", en)

    # Commonalities lists the ICP segment's customers: a selected row opens its card
    _visit(page, server, ws, "commonalities", "traits.page.title", en)
    page.get_by_role("heading", name=t("levels.channels.title", en)).wait_for()
    label = re.compile(re.escape(t("levels.segment.customers", en, n=0)).replace("0", r"\d+"))
    page.get_by_text(label).first.click()  # open the expander (drawn in the browser alone)
    table = page.get_by_test_id("stExpander").filter(has_text=label).get_by_test_id("stDataFrame")
    table.wait_for()
    _select_first_row(page, table)
    page.wait_for_url(re.compile(r"/customer\?ws="))
    page.get_by_text(t("card.next", en), exact=True).wait_for()
    assert_no_crash(page)

    # Three levels: industries, the ICP, and titles seen (one contact title per account)
    switch(page, "levels", en, path="levels", title="levels.page.title")
    for key in ("levels.industry", "levels.company", "levels.person"):
        page.get_by_role("heading", name=t(key, en)).wait_for()
    page.get_by_text(re.compile(r"^• VP Operations — \d+ of your best 10 accounts")).wait_for()
    assert_no_crash(page)
