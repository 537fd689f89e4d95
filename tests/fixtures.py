"""The `// want` harness, after golang.org/x/tools/go/analysis/analysistest.

A fixture line carries `// want "SLnnn"` or `// want "SLnnn: message regexp"` (several
quoted strings for several findings); in YAML manifests, `# want "SLnnn: ..."`. Every
expectation must be met by a finding of that rule on that line whose message matches, and every finding must meet one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from golint_startup.engine.config import build_settings
from golint_startup.rule import all_rules as catalog
from golint_startup.engine.runner import run

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDATA = os.path.join(REPO, "testdata")
_WANT = re.compile(r"//\s*want\s+((?:\"(?:[^\"\\]|\\.)*\"|`[^`]*`)(?:\s+(?:\"(?:[^\"\\]|\\.)*\"|`[^`]*`))*)")
_WANT_YAML = re.compile("#" + _WANT.pattern.removeprefix("//"))
_QUOTED = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|`([^`]*)`")
_EXPECTATION = re.compile(r"^(SL\d{3})(?::\s*(.*))?$", re.DOTALL)


@dataclass
class Expectation:
    path: str
    line: int
    rule_id: str
    pattern: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule_id}" + (f": /{self.pattern}/" if self.pattern else "")


def _unquote(double: str | None, raw: str | None) -> str:
    if raw is not None:
        return raw
    return re.sub(r"\\(.)", r"\1", double)


def expectations(root: str, cwd: str) -> list[Expectation]:
    found = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            # go.mod: SL009 reports at require lines
            want_mark = _WANT if name.endswith(".go") or name == "go.mod" else \
                _WANT_YAML if name.endswith((".yaml", ".yml")) else None
            if want_mark is None:
                continue
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                lines = handle.read().decode("utf-8", "replace").splitlines()
            for number, line in enumerate(lines, 1):
                match = want_mark.search(line)
                if not match:
                    continue
                for double, raw in _QUOTED.findall(match.group(1)):
                    spec = _EXPECTATION.match(_unquote(double or None, raw or None) if double or raw else "")
                    if not spec:
                        raise AssertionError(f"{path}:{number}: malformed want mark {match.group(1)!r}")
                    found.append(Expectation(os.path.relpath(path, cwd).replace(os.sep, "/"), number,
                                             spec.group(1), spec.group(2) or ""))
    return found


def check_fixture(directory: str, *, all_rules: bool = False, **settings_overrides) -> list[str]:
    """Problems (missing and unexpected findings) for one fixture directory.

    A rule's directory (testdata/sl003) runs that rule alone unless it has its own
    .startup-lint.toml; with all_rules, every default rule runs.
    """
    rule_id = os.path.basename(directory).upper()
    config = os.path.join(directory, ".startup-lint.toml")
    own_config = os.path.exists(config)
    rule = catalog().get(rule_id)
    # An opt-in rule's directory runs as with its flag (--escape, --measure).
    settings_overrides.setdefault("opt_in", {rule.opt_in_flag} if rule is not None and rule.opt_in_flag else set())
    settings = build_settings(
        config_path=config if own_config else None,
        select=() if own_config or all_rules else (rule_id,),
        cwd=directory,
        **settings_overrides,
    )
    result = run(["./..."], settings, cwd=directory, debug=True)
    wanted = expectations(directory, directory)
    unmatched = list(result.findings)
    problems = []
    for want in wanted:
        for finding in unmatched:
            if (finding.path, finding.location.line, finding.rule_id) == (want.path, want.line, want.rule_id) and \
                    re.search(want.pattern, finding.message):
                unmatched.remove(finding)
                break
        else:
            candidates = [f.message for f in result.findings
                          if (f.path, f.location.line, f.rule_id) == (want.path, want.line, want.rule_id)]
            problems.append(f"missing: {want}" + (f" (got: {candidates})" if candidates else ""))
    for finding in unmatched:
        loc = finding.location
        problems.append(f"unexpected: {loc.path}:{loc.line}:{loc.col}: {finding.rule_id} {finding.message}")
    # Fixtures are valid Go of every version the grammar knows: a notification about a Go file
    # (a parse error, say) is a bug.
    problems += [f"unexpected notification: {n}" for n in result.notifications if n.path.endswith(".go")]
    return problems
