"""Shared test setup: an isolated data folder per test session, and a guard
that turns pytest's "no tests collected" (exit 5) into a failure so CI can
never pass on nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test writes workspaces into its own temporary folder, never ~/.icp-workbench."""
    monkeypatch.setenv("ICP_DATA_DIR", str(tmp_path_factory.mktemp("icpdata")))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


os.environ.setdefault("MPLBACKEND", "Agg")
