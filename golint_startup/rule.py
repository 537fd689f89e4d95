"""What a rule is, what it reports, and the catalog of built-in rules.

A rule is one module in `rules/` and a Markdown file beside it (`slNNN_name.md`): the
file holds the rule's metadata as TOML front matter between `+++` lines, then its Markdown
help; the module holds the code, `RULE = Rule.from_docs(__file__, ...)` with its options,
requirements and up to four hooks:

- `check(file, options)`: findings for one parsed file (runs in worker processes);
- `collect(file, options)`: compact per-file facts for a whole-run check (cached);
- `check_project(project, options)`: findings from every file's facts (main process);
- `check_manifests(manifests, options)`: findings in Kubernetes manifests, from the
  containers `golint_startup.kube.manifests` recognized as running Go (main process).

A rule that needs more than the files being linted says so in `requires`, a tuple of
`Requirement`s (as `analysis.Analyzer.Requires` does in Go's analysis framework): the
engine provides each one once per run, for every rule that asked. The engine does
everything else: discovery, parsing, suppression, output.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import tomllib
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

LEVELS = ("note", "warning", "error")
PRECISIONS = ("very-high", "high", "medium", "low")
HELP_SECTIONS = ("What it does", "Why it matters at startup", "Example", "How to fix", "Options")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int  # 1-based
    col: int  # 1-based, in bytes (as the Go toolchain counts)
    end_line: int
    end_col: int  # exclusive
    message: str = ""


@dataclass(frozen=True)
class Finding:
    rule_id: str
    message: str
    location: Location
    level: str = ""  # "" until the engine applies the rule's (configured) level
    related: tuple[Location, ...] = ()
    suppressed_by: str = ""  # the directive's reason, when --include-suppressed
    # How the program reaches the finding at startup, root first: each step a function (its
    # name the message), at its call site in the step before (the root: at its name).
    startup_path: tuple[Location, ...] = ()

    @property
    def path(self) -> str:
        return self.location.path

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.col, self.rule_id, self.message)

    def with_level(self, level: str) -> "Finding":
        return replace(self, level=level)

    def startup_line(self, shown: int = 6) -> str:
        """`runs at startup: main → config.Load → keyOf`, at most `shown` steps (the first
        and the last, an ellipsis between); "" when the finding is not on a startup path."""
        names = [step.message for step in self.startup_path]
        if not names:
            return ""
        if len(names) > shown:
            names = names[:shown // 2] + ["…"] + names[-(shown - shown // 2):]
        return "runs at startup: " + " → ".join(names)


def location_of(path: str, node: Any, message: str = "") -> Location:
    """The Location spanning a tree-sitter node."""
    (row, col), (end_row, end_col) = node.start_point, node.end_point
    return Location(path, row + 1, col + 1, end_row + 1, end_col + 1, message)


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    help: str
    choices: tuple = ()  # the values allowed, when only some are
    replaces: str = ""  # the name of an earlier option this one took the place of, for the config's error


@dataclass(frozen=True)
class Requirement:
    """Something a rule needs beyond the files being linted, provided once per run."""

    name: str
    description: str
    flag: str = ""  # the command-line flag that enables it; a rule requiring it is opt-in


# Every file of the linted files' modules feeds `collect`, also when a pre-commit run lints
# only a few files (SL002, SL004: a call in one file, its target in another).
MODULE_FILES = Requirement("module-files", "facts from every file of the linted files' modules")
# The Go compiler's escape analysis (SL006); slow, so only with --escape.
ESCAPE_ANALYSIS = Requirement("escape-analysis", "the Go compiler's escape analysis", flag="escape")
# Each main package's init, built and run under GODEBUG=inittrace=1 (SL009); only with --measure.
INIT_MEASUREMENT = Requirement("init-measurement", "measured package initialization", flag="measure")


# The startup model (go.startup): what runs before the program is ready, with a path to
# each function. The engine then drops the findings of a rule whose `scope` option is
# "startup" outside startup code, and gives every finding in startup code its path.
STARTUP_MODEL = Requirement("startup-model", "the functions that run at startup, with a path to each")

# A rule whose findings are about work postponed past startup (SL002): the engine drops its
# findings in startup code, where nothing is postponed. Such a rule requires STARTUP_MODEL too.
AFTER_STARTUP = Requirement("after-startup", "reports only code that does not run at startup")


# A rule about how a service starts, runs or is deployed (SL001, SL004, SL005, SL007): the engine drops
# its findings in code that only programs that never serve run at startup (a CLI, a load
# generator, a dev harness), unless `[startup] programs = "all"`. Code that no root reaches is kept. Such a rule
# requires STARTUP_MODEL too.
SERVING_PROGRAMS = Requirement("serving-programs", "reports nothing that only programs that never serve run")


# The option of a rule that reports startup code only unless told otherwise (the engine
# applies it, see engine.startup_scope); such a rule requires STARTUP_MODEL.
SCOPE = Option("scope", "startup", 'where to report: "startup" (code that runs before the program is ready, '
               'see Startup code) or "all"', choices=("startup", "all"))
SCOPE_HELP = """- `scope` (string, default `"startup"`): `"startup"` reports only code that runs at startup
  (reached from `main`, an `init` or a package-level initializer; see Startup code in the
  README), each finding with its startup path; `"all"` reports every function. The startup
  counted is that of programs that serve (a `main` or command that reaches a listener, a
  server's `Serve` or `Run`, or a controller framework's wait for the shutdown signal): a
  batch tool's or a CLI subcommand's work is not reported unless `[startup] programs =
  "all"`."""


@dataclass(frozen=True)
class GeneratedFacts(Requirement):
    """Generated files that `accepts` (given their bytes) feed `collect`; never reported on
    (SL004: Wire's wire_gen.go calls the providers it wires)."""

    accepts: Callable[[bytes], bool] = lambda source: False


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    level: str
    summary: str  # one line: SARIF shortDescription, --list-rules
    description: str  # a paragraph: SARIF fullDescription
    help: str  # Markdown with HELP_SECTIONS: --explain, SARIF help
    options: tuple[Option, ...] = ()
    tags: tuple[str, ...] = ()
    precision: str = "high"  # SARIF/CodeQL: very-high | high | medium | low
    # False: runs only when a config or the command line selects it (SL002, SL003, SL004, SL008 and SL105,
    # whose findings read by hand were rarely worth a change); the help says why.
    on_by_default: bool = True
    check: Callable[..., Iterable[Finding]] | None = None
    collect: Callable[..., Any] | None = None
    check_project: Callable[..., Iterable[Finding]] | None = None
    check_manifests: Callable[..., Iterable[Finding]] | None = None
    # What the rule needs beyond the linted files; see Requirement.
    requires: tuple["Requirement", ...] = ()

    @classmethod
    def from_docs(cls, module_file: str, *, snippets: Mapping[str, str] | None = None, **code: Any) -> "Rule":
        """The rule whose metadata and help are in the .md file beside `module_file`, with
        `code` (options, requires, hooks) from the module. The help may name `snippets`,
        text kept in code (shared, or derived from an option's default), as `{{NAME}}`."""
        path = Path(module_file).with_suffix(".md")
        data, help_text = _read_rule_docs(path, dict(snippets or {}))
        unknown = sorted(set(code) - _CODE_FIELDS)
        if unknown:
            raise TypeError(f"{path.stem}: Rule.from_docs takes code only, not {', '.join(unknown)} "
                            f"(metadata belongs in {path.name})")
        rule = cls(help=help_text, **data, **code)
        expected = f"{rule.id.lower()}_{rule.name.replace('-', '_')}"
        if path.stem != expected:
            raise RuleDocsError(f"{path}: id and name say the file is {expected}.md")
        return rule

    def needs(self, requirement: "Requirement") -> bool:
        return requirement in self.requires

    @property
    def opt_in_flag(self) -> str:
        """The command-line flag without which the rule does not run ("" for most rules)."""
        return next((r.flag for r in self.requires if r.flag), "")

    def reads_generated(self, source: bytes) -> bool:
        """Whether this generated file feeds the rule's `collect` (it is never reported on)."""
        return any(isinstance(r, GeneratedFacts) and r.accepts(source) for r in self.requires)

    def default_options(self) -> dict[str, Any]:
        return {opt.name: opt.default for opt in self.options}

    def finding(self, path: str, node: Any, message: str, *, level: str = "",
                related: tuple[Location, ...] = ()) -> Finding:
        return Finding(self.id, message, location_of(path, node), level, related)


class RuleDocsError(ValueError):
    """A rule's .md file is missing or its front matter is malformed."""


# The front matter's keys: str unless a tuple of str; the rest of Rule's fields come from
# code (the help is the Markdown after the front matter).
_DATA_FIELDS = {"id": str, "name": str, "level": str, "summary": str, "description": str,
                "tags": tuple, "precision": str}
_OPTIONAL_DATA_FIELDS = {"on_by_default": bool}
_CODE_FIELDS = {f.name for f in fields(Rule)} - set(_DATA_FIELDS) - set(_OPTIONAL_DATA_FIELDS) - {"help"}
_FENCE = "+++\n"
_SNIPPET = re.compile(r"\{\{([A-Z][A-Z0-9_]*)\}\}")


def _read_rule_docs(path: Path, snippets: dict[str, str]) -> tuple[dict[str, Any], str]:
    """The front matter (checked) and the help (snippets substituted) of a rule's .md file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise RuleDocsError(f"{path}: every rule module needs its .md file beside it ({err.strerror})") from None
    if not text.startswith(_FENCE) or f"\n{_FENCE}" not in text:
        raise RuleDocsError(f"{path}: expected TOML front matter between {_FENCE.strip()} lines, then the help")
    front, help_text = text[len(_FENCE):].split(f"\n{_FENCE}", 1)
    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as err:
        raise RuleDocsError(f"{path}: front matter: {err}") from None
    problems = [f"unknown key {key!r}" for key in data if key not in _DATA_FIELDS and key not in _OPTIONAL_DATA_FIELDS]
    problems += [f"{key} must be true or false" for key in _OPTIONAL_DATA_FIELDS
                 if key in data and not isinstance(data[key], bool)]
    problems += [f"missing key {key!r}" for key in _DATA_FIELDS if key not in data]
    for key, kind in _DATA_FIELDS.items():
        value = data.get(key)
        if kind is tuple:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems += [f"{key} must be a list of strings"] if key in data else []
                continue
            data[key] = tuple(value)
        elif key in data and not isinstance(value, str):
            problems.append(f"{key} must be a string, not {type(value).__name__}")
    if isinstance(data.get("level"), str) and data["level"] not in LEVELS:
        problems.append(f"level must be one of {', '.join(LEVELS)}")
    if isinstance(data.get("precision"), str) and data["precision"] not in PRECISIONS:
        problems.append(f"precision must be one of {', '.join(PRECISIONS)}")
    problems += [f"snippet {name} must be a string" for name, value in snippets.items() if not isinstance(value, str)]
    named = set(_SNIPPET.findall(help_text))
    problems += [f"the help names {{{{{name}}}}}, which the module does not give" for name in sorted(named - set(snippets))]
    problems += [f"the module gives snippet {name}, which the help does not name" for name in sorted(set(snippets) - named)]
    if problems:
        raise RuleDocsError(f"{path}: " + "; ".join(problems))
    return data, _SNIPPET.sub(lambda m: snippets[m.group(1)], help_text)


@cache
def all_rules() -> dict[str, Rule]:
    """Every built-in rule by id, found by importing each module of the catalog."""
    from golint_startup import rules as catalog

    found: dict[str, Rule] = {}
    for module_info in sorted(pkgutil.iter_modules(catalog.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{catalog.__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            if rule.id in found:
                raise RuntimeError(f"rule id {rule.id} defined twice")
            found[rule.id] = rule
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class Notification:
    """Something the run could not fully do (a file it could not read, a parse error).

    Shown once on stderr and in SARIF `invocations[0].toolExecutionNotifications`.
    """

    message: str
    path: str = ""
    line: int = 0
    level: str = "warning"  # SARIF notification level: error | warning | note
    # The run could not do what was asked (e.g. --escape without a usable go): exit 2,
    # after the other rules' findings are written.
    fatal: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line else f"{self.path}: " if self.path else ""
        return f"{where}{self.message}"
