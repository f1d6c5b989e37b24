"""The device side: sources, policy gate, spool writer, recorder (and, beside them, the uploader
and the browser bridge)."""

__all__: list[str] = []
