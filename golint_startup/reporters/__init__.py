"""Output formats. Each reporter turns a RunResult into text; none changes findings."""

from __future__ import annotations

from golint_startup.reporters import github, jsonfmt, sarif, text

FORMATS = {"text": text.render, "json": jsonfmt.render, "sarif": sarif.render, "github": github.render}
