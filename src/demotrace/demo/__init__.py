"""`demotrace demo`: the whole path on a virtual desktop, on embedded defaults."""

__all__: list[str] = []
