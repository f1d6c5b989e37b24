"""The dataset pipeline (DESIGN.md, "Export formats"): session bundles → episodes (aligned
observations, quality filters) → training data in the formats trainers read.

    summary = run_export(Path("spool"), "agentnet", Path("out"), key=None, engine="local")
    summary.report          # out/report.html
    import_ducktrack(Path("raw"), Path("bundles"))   # -> ImportResult(bundle=…)
"""

from .config import PipelineConfig
from .engine import ENGINES, ExportSummary, run_export
from .episodes import split_episodes
from .export import FORMATS, get_exporter
from .model import Drops, Episode
from .prepare import Prepared, prepare_session
from .source import SessionData, find_bundles, load_session

__all__ = [
    "ENGINES",
    "FORMATS",
    "Drops",
    "Episode",
    "ExportSummary",
    "PipelineConfig",
    "Prepared",
    "SessionData",
    "find_bundles",
    "get_exporter",
    "load_session",
    "prepare_session",
    "run_export",
    "split_episodes",
]
