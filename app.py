"""ICP Workbench — router only: page config, access, workspace, shared sidebar, navigation."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import streamlit as st

from icp.errors import InputError
from icp.store import WorkspaceInfo
from ui import access, present, state, warm

ROOT = Path(__file__).resolve().parent

# (section, file, title key, icon) — one entry per screen, in journey order.
PAGES = [
    ("setup", "workspace", ":material/folder_open:"),
    ("setup", "data", ":material/table_view:"),
    ("analyse", "best", ":material/emoji_events:"),
    ("analyse", "commonalities", ":material/join_inner:"),
    ("analyse", "customer", ":material/badge:"),
    ("analyse", "compare", ":material/compare_arrows:"),
    ("analyse", "tags", ":material/sell:"),
    ("analyse", "competitors", ":material/swords:"),
    ("analyse", "levels", ":material/stacks:"),
    ("build", "icp", ":material/explore:"),
    ("build", "persona", ":material/person:"),
    ("use", "prospects", ":material/track_changes:"),
    ("use", "report", ":material/description:"),
    ("use", "present", ":material/slideshow:"),
]
FILES = {"icp": "icp_builder", "persona": "persona_builder"}


def _phone() -> bool:
    """A participant's phone (``/join?code=…``): it gets the join page and nothing else."""
    path = (st.context.url or "").rstrip("/")
    return "code" in st.query_params or path.endswith("/join")


def _run_phone() -> NoReturn:
    """No workspace, no sidebar, no other page: the join code grants only this."""
    st.set_page_config(layout="centered", initial_sidebar_state="collapsed")
    # Twice: the default page always answers at "/", and "/join" needs a page of its own.
    st.navigation(
        [
            st.Page("views/join.py", title="ICP Workbench", url_path="phone", default=True),
            st.Page("views/join.py", title="ICP Workbench", url_path="join"),
        ],
        position="hidden",
    ).run()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises inside a page run


def _language(*, persist: bool) -> None:
    """The language switch; it is remembered in the workspace once there is one."""
    with st.sidebar:
        st.radio(
            "Language / 语言",
            options=["en", "zh"],
            format_func=lambda code: state.tr(f"lang.{code}"),
            key="app.lang",
            horizontal=True,
            on_change=_on_lang if persist else None,
        )


def _alone(view: str, title: str) -> NoReturn:
    """Run one page with no menu (the key form, the chooser) and stop there."""
    _language(persist=False)
    st.navigation([st.Page(view, title=title, default=True)], position="hidden").run()
    st.stop()
    raise AssertionError("unreachable")


def _choose(problem: InputError | None = None, *, broken: bool = False) -> NoReturn:
    """The workspace chooser, with the reason the app is there (if any) on top."""
    st.session_state["app.choose_problem"] = problem
    st.session_state["app.store_broken"] = broken
    _alone("views/choose.py", state.tr("choose.title"))


def _on_lang() -> None:
    state.set_ui("lang", st.session_state["app.lang"])


def _on_present() -> None:
    state.set_ui("present", bool(st.session_state["app.present"]))


def _open() -> tuple[str, WorkspaceInfo | None]:
    """The access key, the store and the workspace — or the page that explains why not."""
    if not access.granted():  # a keyed server shows nothing else before the key
        _alone("views/access.py", state.tr("access.title"))
    with st.sidebar:
        access.remember()
    try:
        state.store()
    except InputError as exc:  # corrupt, truncated, not a folder: say so, change nothing
        _choose(exc, broken=True)
    try:
        ws = state.requested_workspace()
        if ws is None:  # no ?ws=, or a link to a workspace that is gone
            asked = state.asked_workspace()
            _choose(InputError("store.no_workspace", id=asked) if asked else None)
        if "app.lang" not in st.session_state:
            st.session_state["app.lang"] = state.get_ui("lang", "en")
        st.session_state.setdefault("app.present", bool(state.get_ui("present", False)))
        return ws, state.store().info(ws)
    except InputError as exc:  # the workspace (or the database) failed to open
        _choose(exc, broken=exc.msg.key == "store.cannot_open")


def _sidebar(ws: str, info: WorkspaceInfo | None) -> None:
    _language(persist=True)
    with st.sidebar:
        st.caption(f"{state.tr('ui.workspace_label')}: {state.plain(info.name if info else ws)}")
        st.toggle(
            state.tr("ui.present_toggle"),
            key="app.present",
            help=state.tr("ui.present_help"),
            on_change=_on_present,
        )


def _navigate() -> None:
    sections: dict[str, list] = {}
    for section, name, icon in PAGES:
        path = f"views/{FILES.get(name, name)}.py"
        if not (ROOT / path).exists():  # pages land one issue at a time
            continue
        page = st.Page(path, title=state.tr(f"nav.{name}"), icon=icon, default=name == "workspace")
        sections.setdefault(state.tr(f"nav.section.{section}"), []).append(page)
    # The projector's slide: not in the menu, opened from the Workshop page; it hides the sidebar.
    sections[state.tr("nav.section.use")].append(
        st.Page(
            "views/room.py", title=state.tr("present.title"), url_path="room", visibility="hidden"
        )
    )
    try:
        st.navigation(sections, expanded=True).run()  # every page listed, none behind "View more"
    except InputError as exc:  # a store error mid-page (database gone, disk full): its message
        state.show_error(exc)
        if st.button(state.tr("choose.other"), key="app.to_chooser"):
            state.leave_workspace()
            st.rerun()


def main() -> None:
    st.set_page_config(page_title="ICP Workbench", page_icon="🎯", layout="wide")
    if _phone():
        _run_phone()
    ws, info = _open()
    if state.presenting():  # projector: sidebar folded away, big high-contrast type
        st.set_page_config(initial_sidebar_state="collapsed")
        present.apply_theme()
    _sidebar(ws, info)
    _navigate()
    if not st.session_state.get("warm.done"):  # this session's first page is out:
        st.session_state["warm.done"] = True  # analyse and import for the next ones meanwhile
        warm.warm_up(state.prefetch(), state.prefetch_clouds())


# Streamlit runs this file as __main__.  A multiprocessing child (the store's and
# the worker's tests, any library that spawns) re-imports the parent's main script
# as __mp_main__: it must not draw — or open — anything then.
if __name__ == "__main__":
    main()
elif __name__ == "app":
    # `streamlit run app.py` finds this `st.App` and imports this file as a module
    # once, at server start, before it listens: the imports above (pandas, pyarrow,
    # the engine) and the first page's are paid then, not by the first visitor.
    warm.preload()
    app = st.App(ROOT / "app.py")
