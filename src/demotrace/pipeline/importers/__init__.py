"""Importers: recordings made by other tools → demotrace session bundles."""

from .ducktrack import ImportResult, import_ducktrack

__all__ = ["ImportResult", "import_ducktrack"]
