"""An upload is read once: the worker's validation read is the data set the pages get.

The Data page reads an upload in the limited worker before it replaces the
workspace's file (so a bad file never replaces a good one); ``ui.state``
then takes that result instead of reading the same bytes again.  Changing the
mapping still reads the file with the new mapping.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from icp.dataset import Dataset, open_dataset

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "saas_customers_en.xlsx"


@pytest.fixture
def state(monkeypatch: pytest.MonkeyPatch):
    from ui import state as ui_state

    ui_state.store.clear()  # a Store in this test's data folder
    ui_state._dataset.clear()
    reads: list[str | None] = []

    def counting_open(data: bytes, **kwargs: object) -> Dataset:
        reads.append(kwargs.get("filename"))  # type: ignore[arg-type]
        return open_dataset(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ui_state, "open_dataset", counting_open)
    ui_state.reads = reads  # type: ignore[attr-defined]
    yield ui_state
    ui_state._dataset.clear()
    ui_state.store.clear()


def test_the_upload_read_is_the_data_set_the_pages_get(state, monkeypatch):
    data = SAMPLE.read_bytes()
    validated = open_dataset(data, filename=SAMPLE.name)  # what the Data page's worker read gives
    ws = state.store().create("upload")
    monkeypatch.setattr(state, "workspace_id", lambda: ws)
    state.store().set_source(
        ws, filename=SAMPLE.name, data=data, options={}, values={"mapping": None}
    )
    state.seed_dataset(SAMPLE.name, data, validated)

    assert state.dataset() is validated
    assert state.reads == []  # no second read of the same bytes


def test_a_new_mapping_or_a_new_file_is_read_again(state, monkeypatch):
    data = SAMPLE.read_bytes()
    validated = open_dataset(data, filename=SAMPLE.name)
    ws = state.store().create("upload")
    monkeypatch.setattr(state, "workspace_id", lambda: ws)
    state.store().set_source(
        ws, filename=SAMPLE.name, data=data, options={}, values={"mapping": None}
    )
    state.seed_dataset(SAMPLE.name, data, validated)
    assert state.dataset() is validated

    state.save_mapping(validated.mapping)
    remapped = state.dataset()
    assert remapped is not validated and state.reads == [SAMPLE.name]
    assert remapped is not None and len(remapped.table) == len(validated.table)

    # a seed is kept under the file it was read from: never used for another name or options
    state.seed_dataset(SAMPLE.name, data, validated)
    state.store().set_source(ws, filename="other.xlsx", data=data, options={"sheet": None})
    state.store().set_value(ws, "mapping", None)
    assert state.dataset() is not validated
    assert state.reads == [SAMPLE.name, "other.xlsx"]


def test_workspaces_holding_the_same_file_share_one_read_and_a_replaced_file_is_read(
    state, monkeypatch
):
    """The data set and the analysis are kept by content (file hash, name, options,
    mapping, settings), not by workspace: a second workspace with the same file reads
    nothing, a file replaced by other bytes under the same name is read again."""
    data = SAMPLE.read_bytes()
    first, second = state.store().create("one"), state.store().create("two")
    for ws in (first, second):
        state.store().set_source(ws, filename=SAMPLE.name, data=data, options={})
    open_ws = first
    monkeypatch.setattr(state, "workspace_id", lambda: open_ws)
    ds, result = state.dataset(), state.analysis()
    open_ws = second
    assert state.dataset() is ds and state.analysis() is result
    assert state.reads == [SAMPLE.name]

    # other settings in one workspace: another analysis of the same data set
    state.save_settings(state.Settings(top_n=3))
    assert state.dataset() is ds and state.analysis() is not result
    open_ws = first
    assert state.analysis() is result

    # the same name, other bytes: read again, and the pages see the new rows
    fewer = open_dataset(data, filename=SAMPLE.name).table.iloc[:12].to_csv(index=False)
    state.store().set_source(first, filename=SAMPLE.name, data=fewer.encode(), options={})
    replaced = state.dataset()
    assert replaced is not ds and replaced is not None and len(replaced.table) == 12
    assert state.reads == [SAMPLE.name, SAMPLE.name]
    open_ws = second
    assert state.dataset() is ds  # the other workspace still holds the first file


def test_a_deals_file_is_part_of_the_key_and_a_seed_is_found_for_its_own_bytes_only(state):
    """The options (sheet, header row, a whole deals file) are in the key as the store keeps
    them; the upload's seed is kept under the store's text for ``{}``."""
    data = SAMPLE.read_bytes()
    ws = state.store().create("deals")
    state.store().set_source(ws, filename=SAMPLE.name, data=data, options={})
    assert state.store().source_ref(ws)[2] == "{}"  # the text seed_dataset keys by
    plain = state.store().source_ref(ws)
    state.store().set_source(
        ws,
        filename=SAMPLE.name,
        data=data,
        options={"deals": {"data_b64": "QQ==", "filename": "d.csv"}},
    )
    with_deals = state.store().source_ref(ws)
    assert plain[:2] == with_deals[:2] and state._digest(plain) != state._digest(with_deals)
    # the digest kept per (hash, name, length of the options) is only reused for equal options
    other = (*with_deals[:2], with_deals[2].replace("QQ==", "Qg=="))
    assert len(other[2]) == len(with_deals[2])
    assert state._digest(other) != state._digest(with_deals)
    assert state._digest((*with_deals[:2], "".join(with_deals[2]))) == state._digest(with_deals)
