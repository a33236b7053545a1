"""The Data page's confirm step: what the data means, editable and saved.

Shows the name column, the id column, the outcome column with the values
that count as good, and the columns behind each ranking criterion — each
with a one-line reason — plus the definition sentence.  Every change is
written straight to the workspace (the mapping for which column plays which
part, the settings for the good values and the mode), so the analysis, every
page and every export follow it, and a reload keeps it.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from icp import fmt
from icp.dataset import Dataset
from icp.definition import definition_sentence, outcome_choices, outcome_values
from icp.i18n import LANGS, column_label, t
from icp.model import Analysis, Definition, NumericTrait
from icp.report import md_escape
from icp.schema import ColumnSpec, FieldType, Mapping, Role
from ui import state

__all__ = ["confirm_step", "defining_differences", "definition_line"]

# The join's win-rate column (a fraction) in either language.
_WIN_RATE = frozenset(t("join.col.win_rate", lang) for lang in LANGS)

# Criterion columns the user can point at, in the order they are shown.
_CRITERION_ROLES: tuple[tuple[Role, str], ...] = (
    (Role.VALUE, "deal_value"),
    (Role.DEALS, "deal_value"),
    (Role.PROFIT, "profit"),
    (Role.CYCLE_DAYS, "sales_cycle"),
    (Role.REFERRALS, "referrals"),
    (Role.TICKETS, "support"),
)


def _with_role(mapping: Mapping, column: str | None, role: Role) -> Mapping:
    """``mapping`` with ``role`` moved to ``column`` (None: no column has it).

    The column that held the role before goes back to no role; an outcome
    column becomes single-select, a name or id column text.
    """
    out: list[ColumnSpec] = []
    for spec in mapping.columns:
        new = ColumnSpec(spec.name, spec.type, spec.role, spec.sep, spec.include)
        if new.role == role and new.name != column:
            new.role = Role.NONE
        if column is not None and new.name == column:
            new.role, new.include = role, True
            if role == Role.OUTCOME:
                new.type, new.sep = FieldType.SINGLE, None
            elif role in (Role.NAME, Role.ID) and new.type != FieldType.NUMBER:
                new.type, new.sep = FieldType.TEXT, None
        out.append(new)
    return Mapping(out)


def definition_line(definition: Definition, *, link: bool = True) -> None:
    """The definition sentence (plain text, never markup) and a link to change it."""
    st.text(definition_sentence(definition, state.lang()))
    if link and not state.presenting():
        st.page_link("views/data.py", label=state.tr("definition.change"), icon="✏️")


def confirm_step(ds: Dataset, definition: Definition) -> None:
    """Draw the confirm step for ``ds`` as ``definition`` reads it; save every change."""
    tr = state.tr
    st.subheader(tr("confirm.title"))
    st.caption(tr("confirm.help"))
    definition_line(definition, link=False)
    version = hashlib.sha1(str(ds.mapping.to_list()).encode()).hexdigest()[:10]
    settings = state.settings()
    none = tr("confirm.none")

    def label(column: str) -> str:  # app-created columns ("Won value") in the reader's language
        return column if column == none else column_label(column, state.lang())

    def save_role(key: str, role: Role) -> None:
        value = st.session_state[key]
        state.save_mapping(_with_role(ds.mapping, None if value == none else value, role))

    def reason(column: str | None) -> None:
        msg = definition.reasons.get(column) if column else None
        if msg is None:
            text = tr("definition.reason.none")
        elif msg.key == "definition.reason.criterion":  # name the criterion in words
            crit = msg.params["criterion"]
            text = tr(msg.key, criterion=tr(f"definition.crit.{crit}"))
        else:
            text = tr(msg)
        st.caption(md_escape(tr("confirm.reason", reason=text)))

    cols = [c.name for c in ds.mapping.columns if c.name in ds.table.columns]
    texty = [
        c.name
        for c in ds.mapping.columns
        if c.name in ds.table.columns and c.type != FieldType.DATE
    ]
    left, right = st.columns(2)
    with left:
        name = ds.mapping.col(Role.NAME)
        key = f"confirm.name.{version}"
        st.selectbox(
            tr("confirm.name"),
            [none, *texty],
            index=[none, *texty].index(name) if name in texty else 0,
            key=key,
            format_func=label,
            on_change=save_role,
            args=(key, Role.NAME),
        )
        reason(name)
    with right:
        ident = ds.mapping.col(Role.ID)
        key = f"confirm.id.{version}"
        st.selectbox(
            tr("confirm.id"),
            [none, *cols],
            index=[none, *cols].index(ident) if ident in cols else 0,
            key=key,
            format_func=label,
            on_change=save_role,
            args=(key, Role.ID),
        )
        reason(ident)

    # ------------------------------------------------------------ outcome + good values
    out_col = ds.mapping.col(Role.OUTCOME)
    choices = outcome_choices(ds)
    if out_col is not None and out_col not in choices:
        choices.insert(0, out_col)
    left, right = st.columns(2)
    with left:
        key = f"confirm.outcome.{version}"
        st.selectbox(
            tr("confirm.outcome"),
            [none, *choices],
            index=[none, *choices].index(out_col) if out_col in choices else 0,
            key=key,
            format_func=label,
            on_change=save_role,
            args=(key, Role.OUTCOME),
        )
        if out_col is None:
            st.caption(tr("confirm.no_outcome"))
        else:
            reason(out_col)
    with right:
        if out_col is not None:
            values = [v for v, _ in outcome_values(ds, out_col)]
            key = f"confirm.good.{version}"

            def save_good(key: str) -> None:
                s = state.settings()
                s.good_values = list(st.session_state[key])
                state.save_settings(s)

            st.multiselect(
                tr("confirm.good"),
                values,
                default=[v for v in definition.good_values if v in values],
                key=key,
                help=tr("confirm.good_help"),
                placeholder=tr("ui.choose"),
                on_change=save_good,
                args=(key,),
            )

    # ------------------------------------------------------------ mode
    if out_col is not None:
        key = f"confirm.mode.{version}"

        def save_mode(key: str) -> None:
            s = state.settings()
            s.mode = st.session_state[key]
            state.save_settings(s)
            st.session_state.pop("best.mode", None)  # the Best page re-reads it

        st.radio(
            tr("confirm.mode"),
            ["top", "outcome"],
            index=1 if settings.mode == "outcome" else 0,
            format_func=lambda m: tr(f"confirm.mode.{m}"),
            horizontal=True,
            key=key,
            on_change=save_mode,
            args=(key,),
        )

    # ------------------------------------------------------------ criteria columns
    st.markdown(f"**{tr('confirm.criteria')}**")
    numbers = [c.name for c in ds.mapping.of_type(FieldType.NUMBER) if c.name in ds.table.columns]
    grid = st.columns(3)
    for i, (role, crit) in enumerate(_CRITERION_ROLES):
        current = ds.mapping.col(role)
        options = [none, *numbers]
        with grid[i % 3]:
            key = f"confirm.role.{role.value}.{version}"
            st.selectbox(
                tr("schema.role." + role.value),
                options,
                index=options.index(current) if current in options else 0,
                key=key,
                format_func=label,
                on_change=save_role,
                args=(key, role),
                help=tr("definition.reason.criterion", criterion=tr(f"criterion.{crit}")),
            )
            if current is not None:
                reason(current)
    sep = tr("definition.list_sep")
    if definition.id_columns:
        ids = sep.join(map(label, definition.id_columns))
        st.caption(md_escape(tr("confirm.ids", columns=ids)))
    if definition.defining_columns:
        defining = sep.join(map(label, definition.defining_columns))
        st.caption(md_escape(tr("confirm.defining", columns=defining)))


def _money(nt: NumericTrait, x: float | None, *, fraction: bool) -> str:
    """A median as written, with the column's currency when it has one ("$67,400")."""
    text = fmt.value(x, column=nt.column, fraction=fraction)
    return text if fraction or text == fmt.MISSING else fmt.with_unit(text, nt.unit)


def defining_differences(result: Analysis) -> None:
    """ "How the best differ on what defines them": medians of the defining
    numeric columns, best vs rest — shown apart so nothing is hidden, never
    listed as findings."""
    rows = [nt for nt in result.defining if nt.best_n and nt.rest_n]
    if not rows:
        return
    tr = state.tr
    st.subheader(tr("definition.differ.title"), help=tr("definition.differ.help"))
    key = "definition.differ.row.outcome" if result.mode == "outcome" else "definition.differ.row"
    for nt in rows:
        fraction = nt.role == Role.MARGIN or nt.column in _WIN_RATE
        st.text(
            "• "
            + tr(
                key,
                column=nt.column,
                best=_money(nt, nt.best_median, fraction=fraction),
                rest=_money(nt, nt.rest_median, fraction=fraction),
            )
        )
