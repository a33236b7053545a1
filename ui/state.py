"""Streamlit-side state: current workspace, language, cached data and analysis.

Pages call these helpers instead of touching the store or the engine
directly.  The heavy work (parsing the file, running the analysis) is cached
keyed on everything it depends on (``ui.cache.Latest``: the newest results
per workspace, so superseded data sets are freed), so a page rerun after a
widget change only redoes what changed.  Anything the user
chose or typed is written straight through to the workspace store, so a
refresh or a server restart loses nothing.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from icp import analysis as _analysis
from icp import clouds, load, samples
from icp.dataset import Dataset
from icp.errors import InputError
from icp.i18n import LANGS, Lang, Msg, t
from icp.model import Analysis, Settings
from icp.report import md_escape
from icp.schema import Mapping
from icp.store import SavedAnswer, Store
from ui.cache import Latest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = samples.SAMPLES
DEFAULT_SAMPLE = "saas_en"
# Data files: the reader's own limit.  The server-wide server.maxUploadSize is
# the (larger) workspace import limit, so the app's own backups always import.
UPLOAD_MB = load.MAX_BYTES // (1024 * 1024)


# ---------------------------------------------------------------- language


def lang() -> Lang:
    value = st.session_state.get("app.lang")
    return value if value in LANGS else "en"


def set_lang(value: Lang) -> None:
    st.session_state["app.lang"] = value
    set_ui("lang", value)


def tr(key: str | Msg, **params: Any) -> str:
    return t(key, lang(), **params)


# ---------------------------------------------------------------- store + workspace


@st.cache_resource
def store() -> Store:
    return Store()


def load_sample(ws: str, sample: str) -> None:
    """Put one of the bundled sample files into workspace ``ws``."""
    path = ROOT / SAMPLES[sample]
    store().set_source(
        ws, filename=path.name, data=path.read_bytes(), options={}, values={"mapping": None}
    )


def _new_sample_workspace() -> str:
    ws = store().create(t("ws.sample_name", lang()))
    load_sample(ws, DEFAULT_SAMPLE)
    return ws


_WS = "app.ws"  # this session's workspace: a page switch drops the URL's ?ws=


def requested_workspace() -> str | None:
    """The workspace this visitor opened — named in the URL (``?ws=``), or kept
    by this session when a page switch dropped it from the URL — if it exists;
    else None (the app then shows the workspace chooser, never someone else's
    most recent work).

    A first visit on a fresh machine (no workspace at all) gets a workspace with
    the sample data set already loaded, so there is something to explore
    without an upload.
    """
    ws = st.query_params.get("ws") or st.session_state.get(_WS)
    if ws and store().info(ws) is not None:
        _remember(ws)
        return ws
    if ws or store().list():
        return None
    ws = _new_sample_workspace()
    _remember(ws)
    return ws


def _remember(ws: str) -> None:
    st.session_state[_WS] = ws
    if st.query_params.get("ws") != ws:  # links and refreshes keep working
        st.query_params["ws"] = ws


def asked_workspace() -> str:
    """The workspace id this visitor asked for (for "not found"), clipped; "" if none."""
    return str(st.query_params.get("ws") or st.session_state.get(_WS) or "")[:40]


def workspace_id() -> str:
    """The open workspace; pages run only once the app has checked there is one.

    If it disappears meanwhile (deleted in another tab), the store's own
    "workspace not found" message is raised and the app shows the chooser.
    """
    ws = requested_workspace()
    if ws is None:
        raise InputError("store.no_workspace", id=asked_workspace())
    return ws


def open_workspace(ws: str) -> None:
    """Go to workspace ``ws`` (from the chooser): the URL carries it from here on."""
    _remember(ws)


def switch_workspace(ws: str) -> None:
    _remember(ws)
    for key in [k for k in st.session_state if not str(k).startswith("app.")]:
        del st.session_state[key]


def leave_workspace() -> None:
    """Back to the chooser (after a delete, or when a workspace failed to open)."""
    st.session_state.pop(_WS, None)
    st.query_params.clear()


def get_ui(key: str, default: Any = None) -> Any:
    return store().get_value(workspace_id(), f"ui.{key}", default)


def set_ui(key: str, value: Any) -> None:
    store().set_value(workspace_id(), f"ui.{key}", value)


def presenting() -> bool:
    return bool(st.session_state.get("app.present", False))


# ---------------------------------------------------------------- data set


def mapping() -> Mapping | None:
    items = store().get_value(workspace_id(), "mapping")
    return Mapping.from_list(items) if items else None


def save_mapping(value: Mapping) -> None:
    store().set_value(workspace_id(), "mapping", value.to_list())


# Data sets already read for a (workspace, source version) stored with no
# options and no mapping: an upload is read once in the worker to validate it
# before it replaces the old file, and ``_dataset`` takes that result instead
# of reading the same bytes a second time.  Consumed on first use; a few kept.
_SEEDED: OrderedDict[tuple[str, int], Dataset] = OrderedDict()
_SEEDED_LOCK = threading.Lock()
_SEEDED_KEEP = 4


def seed_dataset(ws: str, ds: Dataset) -> None:
    """Give the loader the data set just read from the source stored in ``ws``.

    Call right after storing a source with ``options={}`` and no mapping, with
    the result of ``open_dataset(data, filename=...)`` on the same bytes; the
    next ``dataset()`` for that source version then needs no second parse.
    """
    key = (ws, store().source_version(ws))
    with _SEEDED_LOCK:
        _SEEDED[key] = ds
        while len(_SEEDED) > _SEEDED_KEEP:
            _SEEDED.popitem(last=False)


# Parsed data sets and analyses: the newest two per workspace, four workspaces,
# an hour unused at most (ui/cache.py) — a mapping edit frees the old copy.
_DATASETS: Latest[Dataset | InputError | None] = Latest(per_workspace=2, workspaces=4)
_ANALYSES: Latest[Analysis | InputError | None] = Latest(per_workspace=4, workspaces=4)


def open_dataset(data: bytes, **kwargs: Any) -> Dataset:
    """Read a workspace's stored file: in the limited worker, unless it is one of our samples.

    The rule is ``icp.samples.open_dataset``'s (shared with the CLI): every
    file a user hands over goes through ``icp.worker`` (a child process with
    memory and CPU caps); bytes identical to a bundled sample are read here —
    the first page of a fresh workspace then needs no worker process.
    """
    return samples.open_dataset(data, **kwargs)


def _dataset(ws: str, version: int, mapping_json: str) -> Dataset | InputError | None:
    return _DATASETS.get(ws, (version, mapping_json), lambda: _read(ws, version, mapping_json))


_dataset.clear = _DATASETS.clear  # type: ignore[attr-defined]  # as st caches have


def _read(ws: str, version: int, mapping_json: str) -> Dataset | InputError | None:
    if mapping_json == "null":
        with _SEEDED_LOCK:
            seeded = _SEEDED.pop((ws, version), None)
        if seeded is not None:
            return seeded
    src = store().get_source(ws)
    if src is None:
        return None
    filename, data, options = src
    saved = Mapping.from_list(json.loads(mapping_json)) if mapping_json != "null" else None
    deals = options.get("deals") or {}
    try:
        return open_dataset(
            data,
            filename=filename,
            sheet=options.get("sheet"),
            header_row=options.get("header_row"),
            mapping=saved,
            deals=base64.b64decode(deals["data_b64"]) if deals else None,
            deals_filename=deals.get("filename"),
            value_agg=options.get("value_agg", "sum"),
            group_variants=options.get("group_variants", True),
        )
    except InputError as exc:
        return exc


def data_key() -> tuple[str, int, str]:
    """What the data set is built from: workspace, stored file version and mapping.

    A page part that reruns on its own (an ``st.fragment``) compares it with
    the value from when the page was drawn, to redraw the whole page when
    the data changed meanwhile (e.g. a new upload in another tab).
    """
    ws = workspace_id()
    items = store().get_value(ws, "mapping")
    return ws, store().source_version(ws), json.dumps(items, sort_keys=True)


def dataset() -> Dataset | None:
    """The workspace's parsed data set (cached), or None when there is none or it is unusable."""
    result = dataset_or_error()
    return result if isinstance(result, Dataset) else None


def dataset_or_error() -> Dataset | InputError | None:
    ws = workspace_id()
    items = store().get_value(ws, "mapping")
    with st.spinner(tr("ui.loading_data")):
        return _dataset(ws, store().source_version(ws), json.dumps(items, sort_keys=True))


# ---------------------------------------------------------------- analysis


def settings() -> Settings:
    return Settings.from_dict(store().get_value(workspace_id(), "settings"))


def save_settings(value: Settings) -> None:
    store().set_value(workspace_id(), "settings", value.to_dict())


def _run(
    ws: str, version: int, mapping_json: str, settings_json: str
) -> Analysis | InputError | None:
    key = (version, mapping_json, settings_json)
    return _ANALYSES.get(ws, key, lambda: _analyse(ws, version, mapping_json, settings_json))


_run.clear = _ANALYSES.clear  # type: ignore[attr-defined]


def _analyse(
    ws: str, version: int, mapping_json: str, settings_json: str
) -> Analysis | InputError | None:
    ds = _dataset(ws, version, mapping_json)
    if not isinstance(ds, Dataset):
        return None
    try:
        return _analysis.run(ds, Settings.from_dict(json.loads(settings_json)))
    except InputError as exc:  # e.g. nothing to rank by: a reason to show, cached like a result
        return exc


def analysis_or_error() -> Analysis | InputError | None:
    """The cached analysis, the reason the data cannot be analysed, or None without data."""
    ws = workspace_id()
    items = store().get_value(ws, "mapping")
    key = json.dumps(store().get_value(ws, "settings") or {}, sort_keys=True)
    with st.spinner(tr("ui.analysing")):
        return _run(ws, store().source_version(ws), json.dumps(items, sort_keys=True), key)


def _parsed_keys() -> tuple[str, int, str, str] | None:
    """(workspace, source version, mapping JSON, settings JSON) when the workspace's data
    set is already parsed — what the background prefetches key their caches by — else None."""
    ws, version, mapping_json = data_key()
    if not _DATASETS.has(ws, (version, mapping_json)):
        return None
    settings_json = json.dumps(store().get_value(ws, "settings") or {}, sort_keys=True)
    return ws, version, mapping_json, settings_json


def prefetch() -> Callable[[], object] | None:
    """The analysis the next page will ask for, as a call to run in the background (or None).

    After the first page (usually the Workspace, which only reads the data)
    the app runs this in its warm-up thread while the user reads, so Data and
    Best customers find the analysis cached instead of computing it on the
    click.  Only when the data set is already parsed (no file read, no store
    call off the script thread); the cache's per-key gate means a page that
    asks meanwhile waits for this one computation instead of starting another.
    """
    keys = _parsed_keys()
    if keys is None:
        return None
    ws, version, mapping_json, settings_json = keys
    if _ANALYSES.has(ws, (version, mapping_json, settings_json)):
        return None
    return lambda: _run(ws, version, mapping_json, settings_json)


def prefetch_clouds() -> Callable[[], object] | None:
    """The Commonalities page's word clouds, as a call to run in the background (or None).

    The warm-up thread runs it after its imports: the pictures land in
    ``icp.pngcache`` (kept by their words), so the page's first visit finds
    them drawn.  Only when the data set is already parsed, as ``prefetch``.
    """
    keys = _parsed_keys()
    if keys is None:
        return None
    ws, version, mapping_json, settings_json = keys
    ds = _dataset(ws, version, mapping_json)  # kept: no read, here on the script thread
    big = presenting()

    def draw() -> None:
        result = _run(ws, version, mapping_json, settings_json)
        if isinstance(ds, Dataset) and isinstance(result, Analysis):
            clouds.best_rest_pngs(ds, result, big=big)

    return draw


def analysis() -> Analysis | None:
    """The cached analysis for the current data set, mapping and settings (None if unusable).

    Pages that merely enrich themselves with it (the builders' suggestions)
    use this; pages that cannot work without it use ``require_analysis``.
    """
    result = analysis_or_error()
    return result if isinstance(result, Analysis) else None


def require_dataset(no_data_key: str = "ui.no_data") -> Dataset:
    """The data set, or a message in its place and the page stops there."""
    ds = dataset()
    if ds is None:
        st.info(tr(no_data_key))
        st.stop()
    return ds


def require_analysis(no_data_key: str = "ui.no_data") -> tuple[Dataset, Analysis]:
    """The data set and its analysis, or a clear message in their place and the page stops.

    An analysis the data cannot support (no ranking columns, too few rows)
    shows its translated reason instead of a traceback.
    """
    ds = require_dataset(no_data_key)
    result = analysis_or_error()
    if isinstance(result, InputError):
        show_error(result)
        st.stop()
    if result is None:
        st.info(tr(no_data_key))
        st.stop()
    return ds, result


# ---------------------------------------------------------------- builder answers


def answers() -> dict[str, dict[str, str]]:
    return store().answers(workspace_id())


def answer(step: str, field: str) -> tuple[str, int]:
    """One answer's text and version (the version goes back with the next save)."""
    return store().answer(workspace_id(), step, field)


def save_answer(step: str, field: str, text: str, *, base: int | None = None) -> SavedAnswer:
    """Save one answer; with ``base``, a concurrent edit is merged (see ``Store.set_answer``)."""
    return store().set_answer(workspace_id(), step, field, text, base=base)


# ---------------------------------------------------------------- messages


def plain(text: object) -> str:
    """The one escaper for anything shown through Markdown that came from a file, an
    import or a user (names, headers, notes, messages quoting them): Markdown, HTML,
    LaTeX (``$``) and image syntax become literal text, so ``![x](http://…)`` never
    makes a browser fetch anything and ``$x^2$`` is not typeset.  URLs are
    escaped too, so they are not turned into links either."""
    out = md_escape(str(text)).replace("://", ":\\/\\/")
    return re.sub(r"(?i)\bwww\.", lambda m: m.group(0)[:3] + "\\.", out)


def show_error(exc: InputError) -> None:
    st.error(plain(exc.message(lang())), icon="⚠️")


def show_notes(notes: list[Msg]) -> None:
    for note in notes:
        st.caption("• " + plain(tr(note)))
