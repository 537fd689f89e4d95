"""Run per-file analysis in worker processes, streaming results back."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable

from golint_startup.analysis import FileResult, analyze_file

# Fewer files than this are not worth starting processes for.
_MIN_FILES_PER_WORKER = 32


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _analyze_batch(batch, settings, debug) -> list[FileResult]:
    return [analyze_file(job.abspath, job.display, settings, report=job.report, debug=debug) for job in batch]


def analyzer(*, jobs: int | None, use_cache: bool, progress: bool) -> Callable[..., Iterable[FileResult]]:
    workers = jobs or available_cpus()

    def analyze(file_jobs, settings, debug) -> Iterable[FileResult]:
        count = min(workers, max(1, len(file_jobs) // _MIN_FILES_PER_WORKER))
        if count <= 1:
            for job in file_jobs:
                yield analyze_file(job.abspath, job.display, settings, report=job.report, debug=debug)
            return
        size = max(1, min(64, len(file_jobs) // (count * 4)))
        batches = [file_jobs[i:i + size] for i in range(0, len(file_jobs), size)]
        with ProcessPoolExecutor(max_workers=count) as pool:
            for batch_result in pool.map(_analyze_batch, batches, [settings] * len(batches),
                                         [debug] * len(batches)):
                yield from batch_result

    return analyze
