import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_result_cache(tmp_path_factory):
    """No test reads or writes the user's real result cache (subprocesses inherit this)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STARTUP_LINT_CACHE_DIR", str(tmp_path_factory.mktemp("result-cache")))
        yield
