"""SL900 unused-or-malformed-ignore: suppression directives that are wrong or stale.

Only the rule's metadata and help live here: reviewing directives is engine behavior
(golint_startup/suppression.py), as it is where suppressions are applied (ruff's RUF100).
"""

from __future__ import annotations

from golint_startup.rule import Rule

RULE = Rule.from_docs(__file__)
