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
    state.seed_dataset(ws, validated)

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
    state.seed_dataset(ws, validated)
    assert state.dataset() is validated

    state.save_mapping(validated.mapping)
    remapped = state.dataset()
    assert remapped is not validated and state.reads == [SAMPLE.name]
    assert remapped is not None and len(remapped.table) == len(validated.table)

    # a seed for an older version of the source is never used for a newer file
    state.seed_dataset(ws, validated)
    state.store().set_source(ws, filename="other.xlsx", data=data, options={"sheet": None})
    state.store().set_value(ws, "mapping", None)
    assert state.dataset() is not validated
    assert state.reads == [SAMPLE.name, "other.xlsx"]
