"""Exporters, one module per format (DESIGN.md, "Export formats"). `FORMATS` is the registry."""

from __future__ import annotations

from ...errors import UsageError
from ..config import PipelineConfig
from ..frames import IMAGE_FORMATS
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


def get_exporter(name: str, config: PipelineConfig | None = None) -> Exporter:
    cls = FORMATS.get(name)
    if cls is None:
        raise UsageError(f"unknown export format {name!r} (choose from {', '.join(FORMATS)})")
    image_format = config.image_format if config else None
    if image_format is not None and image_format not in IMAGE_FORMATS:
        raise UsageError(f"unknown image format {image_format!r} (choose from {', '.join(IMAGE_FORMATS)})")
    return cls(config)


__all__ = ["FORMATS", "Exporter", "Rendered", "get_exporter"]
