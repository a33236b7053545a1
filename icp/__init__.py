"""ICP Workbench engine: pure Python, never imports streamlit.

Entry points: ``icp.dataset.open_dataset`` (intake), ``icp.analysis.run``
(ranking, traits, KPIs), ``icp.builders`` (7+7 steps), ``icp.report``
(exports), ``icp.store`` (workspaces), ``icp.cli`` (``python -m icp``).
"""

__version__ = "0.1.0"
