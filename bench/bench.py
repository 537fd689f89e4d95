"""Benchmark startup-lint on a Go tree against bare tree-sitter parsing.

    python bench/bench.py <tree> [--repeat N] [--rules] [--lint-arg=ARG ...]

Every run lints the same files: everything `./...` finds, tests and generated files
included (`--tests --generated`), so the floor parses exactly what the linter parses.

- floor: read and tree-sitter-parse every file in one process (the loop alone is timed);
  the floor and the runs take turns, --repeat rounds of each;
- `-j 1 --no-cache` and `-j 2 --no-cache`: whole command-line runs, start-up included;
- warm: a cold run fills a temporary cache directory, then the same run again.

Each time is the best of --repeat runs (the machine may be busy); CPU seconds (user +
system, workers included) are less disturbed by other load than wall time. Peak RSS is that of
the main process (on Linux its VmHWM, read every 10 ms: the goal is about this one, workers
are separate processes), of the largest process (wait4's ru_maxrss, workers included) and, on
Linux, the largest sum over the whole process tree, sampled every 10 ms. With --rules, also the cost of
each rule per file, measured in this process over the same parsed files.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time

GOALS = {"-j 1": 1.5, "-j 2": 1.0, "warm": 0.3}
RSS_GOAL_MIB = 150
LINT_FLAGS = ["--tests", "--generated", "--format", "json"]

FLOOR_SCRIPT = """
import sys, time
import tree_sitter, tree_sitter_golang
parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_golang.language()))
paths = sys.stdin.read().split("\\0")
started, cpu = time.perf_counter(), time.process_time()
for path in paths:
    with open(path, "rb") as handle:
        tree = parser.parse(handle.read())
    del tree
print(time.perf_counter() - started, time.process_time() - cpu)
"""


def go_files(tree: str) -> list[str]:
    """What `startup-lint --tests --generated ./...` lints, from the linter's own planner."""
    from golint_startup.engine.config import build_settings
    from golint_startup.engine.runner import plan_jobs

    settings = build_settings(config_path=None, tests=True, generated=True, cwd=tree)
    return [job.abspath for job in plan_jobs(["./..."], settings, tree) if job.report]


def _tree_rss_kib(root_pid: int) -> int:
    """Resident memory of a process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(name))
            rss[int(name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def _peak_rss_kib(pid: int) -> int:
    """A process's own peak resident memory so far (Linux /proc VmHWM); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_measured(argv: list[str], cwd: str, env: dict[str, str]) -> tuple[float, float, int, int, int, bytes]:
    """(seconds, CPU seconds, main-process peak KiB, largest-process peak KiB, process-tree peak
    KiB, stdout) of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    tree_peak = main_peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal tree_peak, main_peak
        while not stop.is_set():
            tree_peak = max(tree_peak, _tree_rss_kib(proc.pid))
            main_peak = max(main_peak, _peak_rss_kib(proc.pid))  # VmHWM only grows: the last read counts
            stop.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True) if sys.platform.startswith("linux") else None
    if sampler:
        sampler.start()
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    if sampler:
        sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited with {proc.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime, main_peak, usage.ru_maxrss, tree_peak, output


def floor_run(files: list[str]) -> tuple[float, float]:
    """(seconds, CPU seconds) of one parse loop."""
    out = subprocess.run([sys.executable, "-c", FLOOR_SCRIPT], input="\0".join(files).encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    seconds, cpu = (float(value) for value in out.split())
    return seconds, cpu


def best(runs: list[tuple]) -> tuple:
    """Fastest time and CPU time, largest memory, and the first run's output."""
    return (min(r[0] for r in runs), min(r[1] for r in runs), *(max(r[i] for r in runs) for i in range(2, 5)),
            runs[0][5])


def rule_costs(files: list[str], tree: str) -> list[tuple[str, float, int]]:
    """(rule id, seconds over all files, pickled facts bytes) for every rule, on parsed files."""
    from golint_startup.go import gofile
    from golint_startup.engine.config import build_settings
    from golint_startup.engine.runner import display_path

    settings = build_settings(config_path=None, tests=True, generated=True, cwd=tree)
    spent = {rule_id: 0.0 for rule_id in settings.rules}
    facts_bytes = {rule_id: 0 for rule_id in settings.rules}
    parse_time = 0.0
    for path in files:
        with open(path, "rb") as handle:
            source = handle.read()
        started = time.perf_counter()
        parsed = gofile.parse(display_path(path, tree), source)
        parse_time += time.perf_counter() - started
        for rule_id, rule in settings.rules.items():
            options = settings.options[rule_id]
            started = time.perf_counter()
            try:
                if rule.collect is not None:
                    facts_bytes[rule_id] += len(pickle.dumps(rule.collect(parsed, options)))
                if rule.check is not None:
                    list(rule.check(parsed, options))
            except Exception:  # the linter reports these; here only the time counts
                pass
            spent[rule_id] += time.perf_counter() - started
    rows = [("parse (gofile.parse)", parse_time, 0)]
    return rows + [(rule_id, spent[rule_id], facts_bytes[rule_id]) for rule_id in settings.rules]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tree", help="root of a Go source tree")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    parser.add_argument("--rules", action="store_true", help="also measure each rule's cost")
    parser.add_argument("--lint-arg", action="append", default=[], metavar="ARG",
                        help="extra startup-lint argument for every run, e.g. --lint-arg=--ignore=SL004")
    parser.add_argument("--compare-python", metavar="PYTHON",
                        help="the interpreter of another installation (an earlier version): its -j 1 cold "
                             "run takes turns with this one's, for a before/after in the same run")
    args = parser.parse_args()
    tree = os.path.abspath(args.tree)
    files = go_files(tree)
    size = sum(os.path.getsize(f) for f in files)
    print(f"{tree}: {len(files)} .go files, {size / 2**20:.1f} MiB; {os.cpu_count()} CPUs; "
          f"best of {args.repeat}")

    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lint = [sys.executable, "-m", "golint_startup", *LINT_FLAGS, *args.lint_arg]
    cache_dir = tempfile.mkdtemp(prefix="startup-lint-bench-")
    env = {**os.environ, "STARTUP_LINT_CACHE_DIR": cache_dir}
    env.pop("CI", None)
    # The measurements take turns, round after round: a machine that slows down or speeds up
    # during the benchmark moves the floor and the runs compared with it alike.
    runs: dict[str, list] = {"floor": [], "1": [], "2": [], "warm": [], "compare": []}
    cold = None
    try:
        for _ in range(args.repeat):
            runs["floor"].append((*floor_run(files), 0, 0, 0, b""))
            for jobs in ("1", "2"):
                runs[jobs].append(run_measured([*lint, "-j", jobs, "--no-cache", "./..."], tree, env))
            if args.compare_python:
                other = [args.compare_python, *lint[1:], "-j", "1", "--no-cache", "./..."]
                runs["compare"].append(run_measured(other, tree, env))
            if cold is None:
                cold = run_measured([*lint, "./..."], tree, env)
            runs["warm"].append(run_measured([*lint, "./..."], tree, env))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    floor, floor_cpu, *_ = best(runs["floor"])
    rows = [("floor (parse only)", floor, floor_cpu, 0, 0, 0)]
    outputs = {}
    for name, key in (("-j 1", "1"), ("-j 2", "2")):
        *row, outputs[key] = best(runs[key])
        rows.append((name, *row))
    rows.append(("cold cache (fills it)", *cold[:5]))
    if args.compare_python:
        rows.append(("-j 1, compared install", *best(runs["compare"])[:5]))
    *row, outputs["warm"] = best(runs["warm"])
    rows.append(("warm", *row))

    print(f"{'run':<24}{'seconds':>9}{'x floor':>9}{'goal':>7}{'CPU s':>8}{'x floor':>9}"
          f"{'peak RSS (main / largest / all procs)':>40}")
    for name, seconds, cpu, main_rss, largest, total in rows:
        goal = GOALS.get(name)
        verdict = "" if goal is None else f"{'<=' if seconds / floor <= goal else '> '}{goal}"
        memory = f"{main_rss / 1024:.0f} / {largest / 1024:.0f} / {total / 1024:.0f} MiB" if largest else ""
        print(f"{name:<24}{seconds:>9.2f}{seconds / floor:>9.2f}{verdict:>7}{cpu:>8.2f}{cpu / floor_cpu:>9.2f}"
              f"{memory:>40}")
    peak = max(row[3] for row in rows) / 1024
    print(f"peak RSS of the main process: {peak:.0f} MiB (goal <= {RSS_GOAL_MIB} MiB)")
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average (1 min) before / after: {load_before:.1f} / {load_after:.1f} "
          "(times are only meaningful well below the CPU count)")
    same = outputs["1"] == outputs["2"] == outputs["warm"]
    print("output of -j 1, -j 2 and warm: " + ("identical" if same else "DIFFERENT"))

    if args.rules:
        print("\nper-rule cost over the same files (one process, -j 1):")
        print(f"{'':<24}{'seconds':>9}{'x floor':>9}{'facts':>12}")
        for name, seconds, facts in rule_costs(files, tree):
            print(f"{name:<24}{seconds:>9.3f}{seconds / floor:>9.3f}{facts / 1024:>10.0f} KiB")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
