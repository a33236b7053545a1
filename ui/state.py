"""Streamlit-side state: current workspace, language, cached data and analysis.

Pages call these helpers instead of touching the store or the engine
directly.  The heavy work (parsing the file, running the analysis) is cached
keyed on everything it depends on — the file's content, name and options, the
mapping, the settings; not the workspace (``ui.cache.Latest``: the newest
results per file, so superseded data sets are freed) — so a page rerun after a
widget change only redoes what changed, and workspaces holding the same file
share one parse and one analysis.  Anything the user
chose or typed is written straight through to the workspace store, so a
refresh or a server restart loses nothing.
"""

from __future__ import annotations

import base64
import hashlib
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


# Parsed data sets and analyses, kept by *content*: the stored file's SHA-256, its
# name and how it is read (``source_key``), the mapping and, for an analysis, the
# settings — everything the result depends on and nothing else, so two workspaces
# (or sessions, or a re-opened copy) holding the same file share one parse and one
# analysis, and a replaced file is a new key.  The newest two mappings per file,
# four files, an hour unused at most (ui/cache.py) — a mapping edit frees the old copy.
_DATASETS: Latest[Dataset | InputError] = Latest(per_source=2, sources=4)
_ANALYSES: Latest[Analysis | InputError | None] = Latest(per_source=4, sources=4)

# Store.source_ref: (SHA-256 of the bytes, filename, options as stored JSON text)
Source = tuple[str, str, str]

# Digests already computed, by (SHA-256, filename, length of the options): the options
# may hold a whole deals file, so a page run compares them (equal text) instead of
# hashing them again.  A few kept.
_DIGESTS: OrderedDict[tuple[str, str, int], tuple[str, str]] = OrderedDict()
_DIGESTS_LOCK = threading.Lock()


def _digest(ref: Source) -> str:
    sha, filename, options = ref
    key = (sha, filename, len(options))
    with _DIGESTS_LOCK:
        kept = _DIGESTS.get(key)
    if kept is not None and kept[0] == options:
        return kept[1]
    digest = hashlib.sha256(json.dumps(list(ref), ensure_ascii=False).encode()).hexdigest()
    with _DIGESTS_LOCK:
        _DIGESTS[key] = (options, digest)
        while len(_DIGESTS) > 16:
            _DIGESTS.popitem(last=False)
    return digest


class _Gone(Exception):
    """The file a key was computed from is no longer stored (replaced meanwhile)."""


def source_key() -> str:
    """What the open workspace's data set is read from, as one digest (a cache key):
    the stored file's SHA-256, its name and its options (sheet, header row, deals
    file, …); "" when the workspace holds no file."""
    ref = store().source_ref(workspace_id())
    return "" if ref is None else _digest(ref)


def seed_dataset(filename: str, data: bytes, ds: Dataset) -> None:
    """Give the loader the data set just read from ``data``: call after storing that file
    as a workspace's source with ``options={}`` and no mapping, with the result of
    ``open_dataset(data, filename=filename)``; the pages then need no second parse.
    Kept under the bytes it was read from, so it can only be found for that file."""
    ref = (hashlib.sha256(data).hexdigest(), filename, json.dumps({}))  # as the store keeps {}
    _DATASETS.get(_digest(ref), "null", lambda: ds)


def open_dataset(data: bytes, **kwargs: Any) -> Dataset:
    """Read a workspace's stored file: in the limited worker, unless it is one of our samples.

    The rule is ``icp.samples.open_dataset``'s (shared with the CLI): every
    file a user hands over goes through ``icp.worker`` (a child process with
    memory and CPU caps); bytes identical to a bundled sample are read here —
    the first page of a fresh workspace then needs no worker process.
    """
    return samples.open_dataset(data, **kwargs)


def _dataset(ref: Source, mapping_json: str) -> Dataset | InputError:
    """The data set read from ``ref`` with the mapping (JSON; "null": detected), kept.
    Raises ``_Gone`` (nothing kept) when that file is no longer stored."""
    return _DATASETS.get(_digest(ref), mapping_json, lambda: _read(ref, mapping_json))


_dataset.clear = _DATASETS.clear  # type: ignore[attr-defined]  # as st caches have


def _read(ref: Source, mapping_json: str) -> Dataset | InputError:
    sha, filename, options_json = ref
    options = json.loads(options_json)
    data = store().blob(sha)  # by its hash: exactly the file the key names
    if data is None:
        raise _Gone(sha)
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


def _current(ws: str) -> tuple[Source | None, str]:
    """The workspace's source and its mapping as JSON (the data set's inputs)."""
    items = store().get_value(ws, "mapping")
    return store().source_ref(ws), json.dumps(items, sort_keys=True)


def _kept(ws: str, compute: Callable[[Source, str], Any]) -> Any:
    """``compute(source, mapping JSON)`` for the workspace's current inputs (None without a
    file); asked again when its file was replaced between reading the key and the file."""
    for _ in range(5):
        ref, mapping_json = _current(ws)
        if ref is None:
            return None
        try:
            return compute(ref, mapping_json)
        except _Gone:
            continue
    raise InputError("store.no_workspace", id=ws)  # replaced five times in a row: gone


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
    with st.spinner(tr("ui.loading_data")):
        return _kept(ws, _dataset)


# ---------------------------------------------------------------- analysis


def settings() -> Settings:
    return Settings.from_dict(store().get_value(workspace_id(), "settings"))


def save_settings(value: Settings) -> None:
    store().set_value(workspace_id(), "settings", value.to_dict())


def _run(ref: Source, mapping_json: str, settings_json: str) -> Analysis | InputError | None:
    key = (mapping_json, settings_json)
    return _ANALYSES.get(_digest(ref), key, lambda: _analyse(ref, mapping_json, settings_json))


_run.clear = _ANALYSES.clear  # type: ignore[attr-defined]


def _analyse(ref: Source, mapping_json: str, settings_json: str) -> Analysis | InputError | None:
    ds = _dataset(ref, mapping_json)
    if not isinstance(ds, Dataset):
        return None
    try:
        return _analysis.run(ds, Settings.from_dict(json.loads(settings_json)))
    except InputError as exc:  # e.g. nothing to rank by: a reason to show, cached like a result
        return exc


def _settings_json(ws: str) -> str:
    return json.dumps(store().get_value(ws, "settings") or {}, sort_keys=True)


def analysis_or_error() -> Analysis | InputError | None:
    """The cached analysis, the reason the data cannot be analysed, or None without data."""
    ws = workspace_id()
    settings_json = _settings_json(ws)
    with st.spinner(tr("ui.analysing")):
        return _kept(ws, lambda ref, mapping_json: _run(ref, mapping_json, settings_json))


def _parsed_keys() -> tuple[Source, str, str] | None:
    """(source, mapping JSON, settings JSON) when the workspace's data set is already
    parsed — what the background prefetches key their caches by — else None."""
    ws = workspace_id()
    ref, mapping_json = _current(ws)
    if ref is None or not _DATASETS.has(_digest(ref), mapping_json):
        return None
    return ref, mapping_json, _settings_json(ws)


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
    ref, mapping_json, settings_json = keys
    if _ANALYSES.has(_digest(ref), (mapping_json, settings_json)):
        return None
    return lambda: _run(ref, mapping_json, settings_json)


def prefetch_clouds() -> Callable[[], object] | None:
    """The Commonalities page's word clouds, as a call to run in the background (or None).

    The warm-up thread runs it after its imports: the pictures land in
    ``icp.pngcache`` (kept by their words), so the page's first visit finds
    them drawn.  Only when the data set is already parsed, as ``prefetch``.
    """
    keys = _parsed_keys()
    if keys is None:
        return None
    ref, mapping_json, settings_json = keys
    ds = _dataset(ref, mapping_json)  # kept: no read, here on the script thread
    big = presenting()

    def draw() -> None:
        result = _run(ref, mapping_json, settings_json)
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
