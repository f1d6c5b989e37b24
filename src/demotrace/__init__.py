"""demotrace: record computer use on an allowlist, redact on the device, export training data."""

__version__ = "0.1.0"
__all__ = ["__version__"]
