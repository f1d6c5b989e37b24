"""Exporters, one module per format (DESIGN.md, "Export formats"). `FORMATS` is the registry."""

from __future__ import annotations

from ...errors import UsageError
from ._base import Exporter, Rendered
from .agentnet import AgentNetExporter
from .anthropic import AnthropicExporter
from .native import NativeExporter
from .osworld import OSWorldExporter
from .parquet import ParquetExporter
from .webdataset import WebDatasetExporter

FORMATS: dict[str, type[Exporter]] = {
    "native": NativeExporter,
    "agentnet": AgentNetExporter,
    "osworld": OSWorldExporter,
    "anthropic": AnthropicExporter,
    "parquet": ParquetExporter,
    "webdataset": WebDatasetExporter,
}


def get_exporter(name: str) -> Exporter:
    cls = FORMATS.get(name)
    if cls is None:
        raise UsageError(f"unknown export format {name!r} (choose from {', '.join(FORMATS)})")
    return cls()


__all__ = ["FORMATS", "Exporter", "Rendered", "get_exporter"]
