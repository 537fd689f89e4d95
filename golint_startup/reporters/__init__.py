"""Output formats. Each reporter turns a RunResult into text; none changes findings."""

from __future__ import annotations

import importlib

# format name -> module; imported only when used (sarif-om and attrs take a third of start-up).
_MODULES = {"text": "text", "json": "jsonfmt", "sarif": "sarif", "github": "github"}
FORMATS = tuple(sorted(_MODULES))


def render(output_format: str, result, **options) -> str:
    """`options` go to the format's reporter (text: `color`, `related`)."""
    return importlib.import_module(f"golint_startup.reporters.{_MODULES[output_format]}").render(result, **options)
