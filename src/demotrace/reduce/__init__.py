"""Reduction: raw input events → the actions of DESIGN.md ("Action vocabulary").

Pure and deterministic, independent of capture: the recorder feeds events live
(`Reducer.feed` / `poll` / `finish`), the importer and pipeline call `reduce_events` in batch.
The rules are in docs/architecture/reduce.md.
"""

from ._config import ReduceConfig
from ._keys import normalize_key
from ._reducer import Reducer, reduce_events

__all__ = ["ReduceConfig", "Reducer", "normalize_key", "reduce_events"]
