"""The character model shipped with the redactor (`charmodel.onnx`, built by `make model`)."""

from .tagger import CharModel, ModelError, ModelSpan, set_default_runtime

__all__ = ["CharModel", "ModelError", "ModelSpan", "set_default_runtime"]
