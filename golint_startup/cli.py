"""`startup-lint [OPTIONS] [PATTERNS]...`: one command, no subcommands."""

from __future__ import annotations

import gc
import os
import stat
import sys
import tempfile
import traceback

import click

from golint_startup import __version__, reporters
from golint_startup.engine.config import ConfigError, build_settings, resolve_rule_id
from golint_startup.engine.configtree import ConfigTree
from golint_startup.engine.discovery import PatternError
from golint_startup.rule import LEVELS, all_rules, level_rank
from golint_startup.engine.runner import run


class UsageProblem(Exception):
    """Reported as one line on stderr with exit code 2."""


# 128 + SIGINT, as shells report a process that Ctrl-C ended.
EXIT_INTERRUPTED = 130


def _refuse_source_as_output(output: str | None) -> None:
    if output and os.path.realpath(output).endswith(".go"):
        raise UsageProblem(f"--output {output}: refusing to write a report over a Go source file")


def _color(output: str | None) -> bool:
    """Color on a terminal, unless NO_COLOR is set to anything (https://no-color.org)."""
    return not output and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _list_rules() -> str:
    rows = [(r.id, r.name, r.level, r.summary + (f" (with --{r.opt_in_flag})" if r.opt_in_flag else "")
             + ("" if r.on_by_default else " (off by default: --extend-select)")) for r in all_rules().values()]
    width = max(len(row[1]) for row in rows)
    return "".join(f"{rid}  {name:<{width}}  {level:<7}  {summary}\n" for rid, name, level, summary in rows)


def _explain(token: str) -> str:
    rule = all_rules()[resolve_rule_id(token, "--explain")]
    return f"# {rule.id} {rule.name}\n\nDefault level: {rule.level}\n\n{rule.help.strip()}\n"


def _write(text: str, output: str | None) -> None:
    if not output:
        click.echo(text, nl=False)
        return
    target = os.path.realpath(output)  # through symbolic links, which stay links
    tmp = None
    try:
        if os.path.exists(target) and not stat.S_ISREG(os.stat(target).st_mode):
            # /dev/null, /dev/stdout, a FIFO: write into it; a rename would replace the device.
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(text)
            return
        # A regular file is replaced whole, so a reader never sees half a report.
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".startup-lint-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, _output_mode(target))  # mkstemp's 0600 would outlive the rename
        os.replace(tmp, target)
    except OSError as err:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise UsageProblem(f"cannot write {output}: {err.strerror or err}") from None


def _output_mode(output: str) -> int:
    """An existing report keeps its permissions; a new one gets what the umask allows."""
    try:
        return os.stat(output).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _summary(result) -> str:
    counts = {level: 0 for level in LEVELS}
    active = [f for f in result.findings if not f.suppressed_by]
    for finding in active:
        counts[finding.level] += 1
    parts = ", ".join(f"{counts[level]} {level}" for level in reversed(LEVELS) if counts[level])
    noun = "finding" if len(active) == 1 else "findings"
    files = f"{result.files_analyzed} file{'s' if result.files_analyzed != 1 else ''}"
    suppressed = len(result.findings) - len(active)
    also = f"; {suppressed} suppressed" if suppressed else ""
    # The progress bar counts files read: say so when that is more than the files linted.
    read = f" ({result.files_read} read)" if result.files_read > result.files_analyzed else ""
    return f"{len(active)} {noun}{f' ({parts})' if parts else ''} in {files}{read}{also}"


def _measure_options(runs: int, timeout_s: float):
    from golint_startup.gocommand.measure import Options

    progress = None
    if sys.stderr.isatty():  # one line, rewritten in place while building and running
        def progress(text: str) -> None:
            click.echo(f"\r\033[Kstartup-lint: {text}", err=True, nl=False)
    return Options(runs=runs, timeout_s=timeout_s, progress=progress)


def _trace_report(log: str, patterns: tuple[str, ...], output_format: str, ready_pattern: str | None,
                  memory_limit: str | None) -> str:
    from golint_startup.traces import report as startup_report
    from golint_startup.kube.quantity import memory_bytes

    if patterns:
        raise UsageProblem(f"--trace reads a log and lints nothing; remove the patterns ({' '.join(patterns)})")
    if output_format not in ("text", "json"):
        raise UsageProblem(f"--trace writes text or json, not {output_format}")
    try:
        limit = memory_bytes(memory_limit) if memory_limit is not None else None
        trace = startup_report.read_log(log, ready_pattern)
    except ValueError as err:
        raise UsageProblem(f"--memory-limit: {err}") from None
    except startup_report.TraceError as err:
        raise UsageProblem(str(err)) from None
    if output_format == "json":
        import json

        return json.dumps(startup_report.trace_json(trace, log, limit, os.getcwd()), indent=2) + "\n"
    return startup_report.trace_text(trace, log, limit, os.getcwd())


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("patterns", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(reporters.FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--select", multiple=True, metavar="IDS", help="Run only these rules (ids or names, comma-separated).")
@click.option("--extend-select", multiple=True, metavar="IDS",
              help="Also run these rules, e.g. one that is off by default (ids or names, comma-separated).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Do not run these rules.")
@click.option("--tests/--no-tests", default=None, help="Include _test.go files.")
@click.option("--generated", is_flag=True, help="Include generated files (// Code generated ... DO NOT EDIT.).")
@click.option("--tags", multiple=True, metavar="TAGS", help="Build tags (comma-separated), for the go command.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Config file (default: .startup-lint.toml found upward from here).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPUs).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--escape", is_flag=True, help="Also run SL006 (runs the Go compiler's escape analysis).")
@click.option("--measure", is_flag=True,
              help="Also build and run each main package's init under GODEBUG=inittrace=1,gctrace=1 (SL009).")
@click.option("--measure-runs", type=click.IntRange(min=1), default=5, show_default=True,
              help="Runs per main package with --measure (medians are reported).")
@click.option("--measure-timeout", type=click.FloatRange(min=0, min_open=True), default=60, show_default=True,
              metavar="SECONDS", help="Kill a measured init that runs longer than this.")
@click.option("--trace", "trace_log", metavar="LOG",
              help="Report the init table and GC timeline of a log captured with GODEBUG=inittrace=1,gctrace=1 "
                   "('-' for stdin) instead of linting.")
@click.option("--ready-pattern", metavar="REGEX", help="With --trace: the log line at which the service is ready.")
@click.option("--memory-limit", metavar="QUANTITY",
              help="With --trace: the container's memory limit (512Mi, 1Gi, 536870912, 512MiB).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings absent from this SARIF/JSON.")
@click.option("--fail-level", type=click.Choice(LEVELS), default="note", show_default=True,
              help="Exit 1 only for findings at or above this level.")
@click.option("--include-suppressed", is_flag=True, help="Also report suppressed findings, marked as such.")
@click.option("--related", "show_related", is_flag=True,
              help="Text format: also show each finding's related locations, indented under it.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="ID", help="Print a rule's documentation and exit.")
@click.option("--clean-cache", is_flag=True, help="Empty the result cache and exit.")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.version_option(__version__, prog_name="startup-lint")
def command(patterns, output_format, output, select, extend_select, ignore, tests, generated, tags, config_path, jobs, no_cache,
            escape, measure, measure_runs, measure_timeout, trace_log, ready_pattern, memory_limit, baseline, fail_level,
            include_suppressed, show_related, list_rules, explain, clean_cache, debug):
    """Find startup code that OOMKills Go services or delays readiness.

    PATTERNS follow the go command: ./... (the default), ./pkg/..., a directory, or .go files.
    """
    try:
        if list_rules:
            click.echo(_list_rules(), nl=False)
            return 0
        if explain:
            click.echo(_explain(explain), nl=False)
            return 0
        if clean_cache:
            from golint_startup.engine import cache

            try:
                removed = cache.clean()
            except cache.CacheUnavailable as err:
                raise UsageProblem(f"no result cache to clean: {err}") from None
            click.echo(f"removed {removed} cache entries", err=True)
            return 0
        if trace_log is not None:
            _write(_trace_report(trace_log, patterns, output_format, ready_pattern, memory_limit), output)
            return 0
        if ready_pattern is not None or memory_limit is not None:
            raise UsageProblem("--ready-pattern and --memory-limit go with --trace LOG")
        _refuse_source_as_output(output)
        opt_in = {flag for flag, given in (("escape", escape), ("measure", measure)) if given}
        options = dict(select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore), tests=tests, generated=generated,
                       tags=_split(tags), opt_in=opt_in)
        # Without --config, each file gets the config file nearest to it; the working
        # directory's is checked before the run, and names the cache.
        configs = None if config_path else ConfigTree(
            lambda path: build_settings(config_path=path, search=False, **options))
        settings = build_settings(config_path=config_path or configs.config_for_dir(os.getcwd()), search=False,
                                  **options)
        earlier = None
        if baseline:  # a bad baseline is reported before the run, not after it
            from golint_startup.engine import baseline as baseline_filter

            earlier = baseline_filter.load(baseline)
        from golint_startup.engine import parallel
        from golint_startup.engine.cache import CacheUnavailable, ResultCache

        try:
            result_cache = None if no_cache else ResultCache.open(settings.fingerprint())
        except CacheUnavailable as err:
            click.echo(f"startup-lint: result cache off: {err}", err=True)
            result_cache = None
        analyze = parallel.analyzer(jobs=jobs, progress=sys.stderr.isatty() and output_format == "text" and not output)
        # SL009 runs only with --measure (an opt-in rule), so the flag alone decides.
        measure_options = _measure_options(measure_runs, measure_timeout) if measure else None
        result = run(list(patterns), settings, include_suppressed=include_suppressed, debug=debug, analyze=analyze,
                     cache=result_cache, configs=configs, measure=measure_options)
        if measure_options is not None and measure_options.progress is not None:
            click.echo("\r\033[K", err=True, nl=False)  # the progress line is done
        if earlier is not None:
            result.findings = baseline_filter.filter_new(result, earlier)
        for note in result.notifications:
            click.echo(f"startup-lint: {note}", err=True)
        text_options = {"color": _color(output), "related": show_related} if output_format == "text" else {}
        _write(reporters.render(output_format, result, **text_options), output)
        click.echo(_summary(result), err=True)
        if any(note.fatal for note in result.notifications):
            return 2
        failing = [f for f in result.findings if not f.suppressed_by and level_rank(f.level) >= level_rank(fail_level)]
        return 1 if failing else 0
    except (ConfigError, PatternError, UsageProblem) as err:
        click.echo(f"startup-lint: error: {err}", err=True)
        return 2
    except KeyboardInterrupt:
        click.echo("startup-lint: interrupted", err=True)
        return EXIT_INTERRUPTED
    except Exception as err:  # never a traceback unless asked
        if debug:
            traceback.print_exc()
        else:
            click.echo(f"startup-lint: internal error: {type(err).__name__}: {err} (rerun with --debug for details)",
                       err=True)
        return 2


def main() -> None:
    # A run allocates many small objects (nodes, facts) and makes few reference cycles: the
    # default threshold (a collection every 700 allocations) costs a few percent of the run.
    gc.set_threshold(50_000, 20, 20)
    try:
        code = command.main(standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as err:
        err.show()
        code = 2
    except click.ClickException as err:
        err.show()
        code = 2
    except click.exceptions.Abort:  # Ctrl-C while click itself was running
        code = EXIT_INTERRUPTED
    except click.exceptions.Exit as err:
        code = err.exit_code
    sys.exit(code or 0)
