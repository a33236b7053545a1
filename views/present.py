"""Present: the workshop on a projector — one screen at a time, big type, a timer for the room.

Optional opening screens show the data (best customers, what they share,
word clouds); then the 7 + 7 builder steps, each with its prompts as text
areas that save as you type — the same answers the builder pages edit.
"""

from __future__ import annotations

import streamlit as st

from icp import builders, charts, report
from icp.analysis import Analysis
from icp.dataset import Dataset
from ui import builder, present, state, widgets

tr = state.tr
lang = state.lang()
presenting = state.presenting()

if not presenting:
    present.base_css()


def _go(screen: str) -> None:
    st.session_state["present.screen"] = screen
    state.set_ui("present.screen", screen)


def _remember_screen() -> None:
    state.set_ui("present.screen", st.session_state["present.screen"])


def _toggle_openings() -> None:
    state.set_ui("present.openings", bool(st.session_state["present.openings"]))


def _analysis() -> tuple[Dataset | None, Analysis | None]:
    return state.dataset(), state.analysis()


# ---------------------------------------------------------------- opening screens


def _opening(screen: str, ds: Dataset | None, result: Analysis | None) -> None:
    st.header(tr(f"present.screen.{screen}"))
    if ds is None or result is None:
        st.info(tr("present.no_data"))
        return
    outcome = result.mode == "outcome"
    if screen == "best":
        table, _ = report.best_table(ds, result, lang=lang)
        st.caption(tr("present.best.caption_outcome" if outcome else "present.best.caption"))
        st.table(table.set_index(table.columns[0]))  # customer names as table text, never markup
    elif screen == "traits":
        if not result.traits:
            st.info(tr("present.traits.none"))
            return
        for trait in result.traits[:3]:
            st.markdown("**" + report.md_escape(tr(trait.message(outcome=outcome))) + "**")
        st.altair_chart(
            charts.trait_bars(result.traits, lang=lang, top=8, outcome=outcome, big=presenting),
            width="stretch",
        )
    else:
        pngs = widgets.cloud_pngs(ds, result, size=(900, 560), big=True)
        labels = ("won", "not_won") if outcome else ("best", "rest")
        for col, png, label in zip(st.columns(2), pngs, labels, strict=True):
            col.subheader(tr(f"present.clouds.{label}"))
            if png is None:
                col.caption(tr("present.clouds.empty"))
            else:
                col.image(png, width="stretch")


# ---------------------------------------------------------------- the screen

st.session_state.setdefault("present.openings", bool(state.get_ui("present.openings", True)))
order = present.screens(openings=bool(st.session_state["present.openings"]))
st.session_state.setdefault("present.screen", state.get_ui("present.screen", order[0]))
if st.session_state["present.screen"] not in order:
    st.session_state["present.screen"] = order[0]
screen = st.session_state["present.screen"]
at = order.index(screen)

if not presenting:
    st.title(tr("present.title"))
    info, button = st.columns([4, 1], vertical_alignment="center")
    info.info(tr("present.off"), icon=":material/slideshow:")
    button.button(
        tr("present.turn_on"),
        key="present.on",
        type="primary",
        icon=":material/slideshow:",
        on_click=present.turn_on,
        width="stretch",
    )

head, clock = st.columns([2, 1], vertical_alignment="top")
with head:
    # The counter is step ids and numbers only (our own text, never customer data).
    st.markdown(f'<div class="icp-counter">{present.counter(screen)}</div>', unsafe_allow_html=True)
    st.progress((at + 1) / len(order))
with clock:
    present.timer()

ds, result = _analysis()
if screen in present.OPENINGS:
    _opening(screen, ds, result)
else:
    builder.render_step(builders.STEPS[screen], state.answers())

st.divider()
with st.container(key="icp-nav"):
    prev, mid, nxt = st.columns([1, 2, 1], vertical_alignment="center")
    prev.button(
        tr("present.prev"),
        key="present.prev",
        icon=":material/arrow_back:",
        disabled=at == 0,
        on_click=_go,
        args=(order[max(at - 1, 0)],),
        width="stretch",
    )
    nxt.button(
        tr("present.next"),
        key="present.next",
        icon=":material/arrow_forward:",
        icon_position="right",
        type="primary",
        disabled=at == len(order) - 1,
        on_click=_go,
        args=(order[min(at + 1, len(order) - 1)],),
        width="stretch",
    )
    with mid.popover(tr("present.facilitator"), icon=":material/tune:", width="stretch"):
        st.selectbox(
            tr("present.jump"),
            options=order,
            format_func=present.screen_label,
            key="present.screen",
            on_change=_remember_screen,
        )
        st.toggle(tr("present.openings"), key="present.openings", on_change=_toggle_openings)
        present.minutes_input()
        if presenting:
            st.button(
                tr("present.turn_off"),
                key="present.off",
                icon=":material/close_fullscreen:",
                on_click=present.turn_off,
            )
