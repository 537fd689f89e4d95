"""Per-file analysis: read, parse, run the file rules, collect facts.

`analyze_file` is a pure function of (path, settings) so that it can run in a worker
process and its result can be cached; the parse tree never leaves it.
"""

from __future__ import annotations

import os
import stat
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from golint_startup.go import gofile
from golint_startup.engine.config import Settings
from golint_startup.go.gofile import Directive
from golint_startup.go.callgraph.facts import program_facts
from golint_startup.rule import STARTUP_MODEL, Finding, Notification

# FileResult.facts key of the startup model's facts (callgraph.facts.ProgramFacts), beside the rules' ids.
STARTUP_FACTS = "startup"

if TYPE_CHECKING:
    from golint_startup.engine.cache import KeyOnly, ResultCache

MAX_FILE_BYTES = 16 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


@dataclass
class FileResult:
    path: str  # display path
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # rule id -> that rule's facts
    directives: list[Directive] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    skipped: str = ""  # why the file was not analyzed ("generated", ...), if it was not


def read_source(abspath: str, display: str) -> tuple[bytes | None, Notification | None]:
    try:
        # Non-blocking open, then a type check: a FIFO or device named *.go must not hang the run.
        with open(os.open(abspath, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb", buffering=0) as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISDIR(status.st_mode):
                return None, Notification("is a directory, not a Go file; skipped", display)
            if not stat.S_ISREG(status.st_mode):
                return None, Notification("not a regular file; skipped", display, level="error")
            # The size first: read(MAX_FILE_BYTES + 1) would allocate that much for every file.
            source = b"" if status.st_size > MAX_FILE_BYTES else handle.read(status.st_size + 1)
            if len(source) > status.st_size:  # it grew since: read on, up to the limit
                source += handle.read(MAX_FILE_BYTES + 1 - len(source))
    except IsADirectoryError:
        return None, Notification("is a directory, not a Go file; skipped", display)
    except OSError as err:
        return None, Notification(f"cannot read file: {err.strerror or err}; skipped", display, level="error")
    if len(source) > MAX_FILE_BYTES or status.st_size > MAX_FILE_BYTES:
        return None, Notification(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; skipped", display)
    if b"\0" in source:
        return None, Notification("binary data, not Go source; skipped", display)
    return source, None


def without_bom(source: bytes) -> bytes:
    """Go allows a leading byte order mark; tree-sitter-go does not. Blanks keep every offset."""
    return b"   " + source[3:] if source.startswith(_BOM) else source


def key_flag(report: bool, test_dir: bool) -> bool | str:
    """The part of a file's cache key that says how it was analyzed: a file in a test
    directory is analyzed as test support, so a file moving there misses."""
    return f"{report}:test-dir" if test_dir else report


def analyze_file(abspath: str, display: str, settings: Settings, *, report: bool = True,
                 debug: bool = False, cache: ResultCache | KeyOnly | None = None, test_dir: bool = False) -> FileResult:
    """Analyze one file. With report=False only facts are collected (module context);
    `test_dir`: the file lies in a test directory, so it is test support.

    With a cache, the bytes just read are hashed for the key: an unchanged file's stored
    result is returned without parsing, and what is stored is what was analyzed.
    """
    source, problem = read_source(abspath, display)
    if problem:
        result = FileResult(display)
        result.notifications.append(problem)
        result.skipped = "unreadable"
        return result
    if cache is None:
        return analyze_source(source, display, settings, report=report, debug=debug, test_dir=test_dir)
    key = cache.key(display, key_flag(report, test_dir), source)
    result = cache.load(key, display, report)
    if result is None:
        result = analyze_source(source, display, settings, report=report, debug=debug, test_dir=test_dir)
        # An internal error is not kept: the next run (perhaps with --debug) meets it again.
        if not any(note.level == "error" for note in result.notifications):
            cache.store(key, abspath, display, report, result)
    return result


def analyze_source(source: bytes, display: str, settings: Settings, *, report: bool = True,
                   debug: bool = False, test_dir: bool = False) -> FileResult:
    """Analyze one file's bytes; the parse tree does not outlive this call."""
    result = FileResult(display)
    rules = list(settings.rules.values())
    # Generated code runs too (Wire's injectors): the startup model reads every file but tests.
    model = any(r.needs(STARTUP_MODEL) for r in rules) and not display.endswith("_test.go")
    generated = gofile.is_generated(source) and not settings.generated
    if generated:
        report, rules = False, _facts_only(result, "generated", rules, lambda rule: rule.reads_generated(source))
        if not rules and not model:
            return result
    source = without_bom(source)
    try:
        source.decode("utf-8")
    except UnicodeDecodeError as err:
        if not generated:
            line = source.count(b"\n", 0, err.start) + 1
            result.notifications.append(
                Notification("invalid UTF-8; analyzed as far as it parses", display, line, level="note"))
    parsed = gofile.parse(display, source)
    if parsed.constraint is not None and "ignore" in parsed.constraint.tags and \
            parsed.constraint.requires_any({"ignore"}):
        result.skipped = "//go:build ignore"
        return result
    # As `go build`: a file that needs a tag neither --tags nor the project's builds set is not
    # part of any program (openGemini's development logger behind `streamfs`).
    if parsed.constraint is not None and \
            parsed.constraint.left_out_by_builds(set(settings.tags) | set(settings.build_tags)):
        result.skipped = "build tags"
        return result
    test_support = (test_dir or parsed.is_test_support) and not settings.tests
    if test_support:  # tests and their helpers are not the program: no rule reads them
        result.skipped = "test support"
        return result
    if not generated:
        _describe_problems(parsed, source, result)
    _run_rules(parsed, rules, settings, report, debug, result)
    if model:
        try:
            # Complete where a finding lies: the model starts from those (see go.startup.build_for).
            result.facts[STARTUP_FACTS] = program_facts(parsed, complete=bool(result.findings))
        except Exception as err:  # a bug here must not lose the rules' findings
            if debug:
                raise
            detail = traceback.format_exception_only(type(err), err)[-1].strip()
            result.notifications.append(Notification(f"internal error in the startup model: {detail}; please "
                                                     "report it", parsed.path, level="error"))
    return result


def _facts_only(result: FileResult, reason: str, rules: list, wanted: Callable) -> list:
    """For a file never reported on (generated, test support): the rules it still feeds facts
    to, for other files' sake."""
    result.skipped = reason
    return [rule for rule in rules if rule.collect is not None and wanted(rule)]


def _describe_problems(parsed: gofile.GoFile, source: bytes, result: FileResult) -> None:
    display = parsed.path
    result.directives = parsed.directives
    if not parsed.package:
        result.notifications.append(Notification("no package clause; not a Go source file", display))
    if parsed.error_ranges and not result.notifications:  # invalid UTF-8, already said, also fails the parse
        first, _ = min(parsed.error_ranges)
        line = source.count(b"\n", 0, first) + 1
        result.notifications.append(Notification(
            "syntax error (not valid Go); the rest of the file is still checked", display, line))


def _run_rules(parsed: gofile.GoFile, rules, settings: Settings, report: bool, debug: bool,
               result: FileResult) -> None:
    for rule in rules:
        options = settings.options[rule.id]
        try:
            if rule.collect is not None:
                result.facts[rule.id] = rule.collect(parsed, options)
            if report and rule.check is not None:
                result.findings += [
                    f for f in rule.check(parsed, options)
                    if not parsed.in_error_region_at(f.location.line, f.location.col)
                ]
        except Exception as err:  # a rule bug must not lose the other rules' findings
            if debug:
                raise
            detail = traceback.format_exception_only(type(err), err)[-1].strip()
            result.notifications.append(
                Notification(f"internal error in {rule.id}: {detail}; please report it", parsed.path,
                             level="error"))
