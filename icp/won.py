"""Which customers count as won: the user's chosen good values first, the header second.

``Analysis.won`` holds the reading under the good values the user picked on
the Data page (``Settings.good_values``); ``parse.won_mask`` only knows the
header's polarity.  The portraits pages (groups, lifecycle, competitors, the
card, sales discipline) all ask here, so a user who says "Renewed is good"
sees the same won customers on every page.
"""

from __future__ import annotations

import pandas as pd

from icp.dataset import Dataset
from icp.parse import won_mask
from icp.schema import Role

__all__ = ["won_flags"]


def won_flags(dataset: Dataset, won: pd.Series | None = None) -> pd.Series | None:
    """Nullable boolean per row (True good, False other, NA open), or None without an outcome.

    ``won`` is ``Analysis.won`` when the caller has an analysis; without it the
    outcome column is read by its header (``parse.won_mask``).
    """
    if won is not None:
        return won.reindex(dataset.table.index).astype("boolean")
    col = dataset.mapping.col(Role.OUTCOME)
    if col is None or col not in dataset.table.columns:
        return None
    return won_mask(dataset.table[col]).astype("boolean")
