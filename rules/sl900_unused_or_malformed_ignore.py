"""SL900 unused-or-malformed-ignore: suppression directives that are wrong or stale.

Only the rule's metadata and help live here: reviewing directives is engine behavior
(golint_startup/suppression.py), as it is where suppressions are applied (ruff's RUF100).
"""

from __future__ import annotations

from golint_startup.rule import Rule

HELP = """\
## What it does
Reports `//startup-lint:ignore` and `//startup-lint:file-ignore` directives that
- are written with a space after `//` (`// startup-lint:ignore`), which, as with
  `//go:` and `//nolint:` directives, makes them ordinary comments that suppress nothing;
- name no rule, or a rule id that does not exist;
- give no reason after the rule ids;
- suppress nothing: no finding of the named rules is on the line they cover (the same
  line, or the next line when the directive stands alone on its line), or, for
  `file-ignore`, anywhere in the file.

A directive is only called unused when every rule it names ran, so `--select` never
makes a directive look stale.

## Why it matters at startup
Suppressions outlive the code they were written for. A stale `ignore` hides the next
real problem on that line; an `ignore` without a reason leaves the next reader unable
to tell whether the startup cost was judged acceptable or just silenced.

## Example
```go
//startup-lint:ignore SL001
var re = regexp.MustCompile(`^[a-z]+$`) // SL900: no reason given
```

## How to fix
Give the reason after the ids, and delete directives that no longer suppress anything:
```go
//startup-lint:ignore SL001 compiled once; 2 µs at startup, measured with inittrace
var re = regexp.MustCompile(`^[a-z]+$`)
```
SL900 findings can themselves be suppressed with `//startup-lint:file-ignore SL900 reason`.

In YAML manifests the directives are `#` comments (`# startup-lint:ignore SL101 reason`,
a blank after `#` allowed) and are reviewed the same way.

## Options
None.
"""


RULE = Rule(
    id="SL900",
    name="unused-or-malformed-ignore",
    level="note",
    summary="suppression directive that is malformed or suppresses nothing",
    description="A //startup-lint:ignore or file-ignore directive that names no or an unknown rule, gives no "
                "reason, or no longer suppresses any finding.",
    help=HELP,
    tags=("suppression",),
    precision="very-high",
)
