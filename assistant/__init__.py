"""The assistant: retrieval, cited answers and sessions over the indexed policy library.

The names below are imported on first use, so `policy-assistant index` (assistant.cli) does not load the
whole answering stack just because the CLI lives in this package.
"""
from __future__ import annotations

import importlib

_HOMES = {"Assistant": ".core", "Answer": ".models", "Citation": ".models", "Filters": ".models",
          "Passage": ".models", "Response": ".response", "Session": ".sessions"}

__all__ = list(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
