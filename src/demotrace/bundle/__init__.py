"""Session bundles on disk (DESIGN.md, "Session bundle"): writer, reader, encryption at rest."""

from .chunkfile import read_chunk
from .crypto import load_key, load_or_create_key
from .files import read_file, write_file
from .reader import BundleReader, iter_bundle_dirs
from .writer import OPEN_SUFFIX, SEALED_SUFFIX, BundleWriter

__all__ = [
    "OPEN_SUFFIX",
    "SEALED_SUFFIX",
    "BundleReader",
    "BundleWriter",
    "iter_bundle_dirs",
    "load_key",
    "load_or_create_key",
    "read_chunk",
    "read_file",
    "write_file",
]
