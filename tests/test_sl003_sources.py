"""SL003's `sources = "any"`: today's loop semantics on every countable loop (testdata/sl003
holds the default, loops over input only)."""

import os

from fixtures import TESTDATA, check_fixture


def test_sources_any_reports_every_countable_loop():
    problems = check_fixture(os.path.join(TESTDATA, "sl003-any"))
    assert not problems, "\n".join(problems)
