"""A live workshop: agenda, per-step timers, the room's sticky notes and dot votes.

The facilitator runs a session on a workspace; the people in the room join
from their phones with a 6-character code and post short notes and dot
votes on the current step.  Everything lives in its own tables inside the
workspace database (``workbench.db``), next to ``icp.store``'s:

- ``workshop_sessions``: one row per workspace — the join code, whether it
  is open, the language, the agenda, the current screen and when the code
  expires.  ``sid`` counts sessions, so a new session starts a clean board
  and old phone tokens stop working.
- ``workshop_timers``: one row per (session, screen) — seconds spent before
  the last start plus the epoch of that start, so a refresh, a second tab
  or a server restart shows the same clock.
- ``workshop_participants``, ``workshop_notes``, ``workshop_votes``,
  ``workshop_findings``, ``workshop_locks``.

Each write is one row in its own short transaction (see ``db``), so thirty
phones posting at once lose nothing.

The join code grants only the current step: :meth:`Workshop.room` returns
that step's question id, its visible notes and the findings the facilitator
put on the slide — never the data set, the answers or another workspace.

Modules: ``model`` (the plain values), ``db`` (tables, pool, transactions),
``facilitator`` (the laptop's side), ``phones`` (what a join code reaches).
Pure Python: no Streamlit here; ``ui/workshop.py`` draws it.
"""

from __future__ import annotations

from icp.workshop.facilitator import Facilitator
from icp.workshop.model import (
    ALL_SCREENS,
    CODE_ALPHABET,
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    OPENINGS,
    STEP_IDS,
    TEMPLATES,
    AgendaItem,
    Finding,
    Note,
    Participant,
    RoomView,
    Session,
    Timer,
    fmt_clock,
    normalise_code,
    template,
)
from icp.workshop.phones import Phones

__all__ = [
    "ALL_SCREENS",
    "CODE_ALPHABET",
    "MAX_NAME_CHARS",
    "MAX_NOTE_CHARS",
    "OPENINGS",
    "STEP_IDS",
    "TEMPLATES",
    "AgendaItem",
    "Finding",
    "Note",
    "Participant",
    "RoomView",
    "Session",
    "Timer",
    "Workshop",
    "fmt_clock",
    "normalise_code",
    "template",
]


class Workshop(Facilitator, Phones):
    """Workshop sessions stored in the workspace database at ``db_path``: the
    facilitator's calls and the phones' calls on one shared connection pool."""
