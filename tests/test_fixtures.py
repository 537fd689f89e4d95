"""Every rule's fixture directory under testdata/ must produce exactly its `// want` marks."""

import os
import re
import tomllib

import pytest

from fixtures import TESTDATA, check_fixture

RULE_DIRS = sorted(d for d in os.listdir(TESTDATA) if re.fullmatch(r"sl\d{3}", d))


@pytest.mark.parametrize("name", RULE_DIRS)
def test_fixture(name):
    if name in ("sl006", "sl009"):
        from golint_startup.gocommand.invoke import find_go

        if find_go() is None:
            pytest.skip(f"{name.upper()} fixtures run the go command, which is not installed")
    problems = check_fixture(os.path.join(TESTDATA, name))
    assert not problems, "\n".join(problems)


def test_demo_shows_every_default_rule():
    """The README's first command runs on testdata/demo: its findings are pinned too."""
    demo = os.path.join(TESTDATA, "demo")
    problems = check_fixture(demo, all_rules=True)
    assert not problems, "\n".join(problems)
    from fixtures import expectations
    from golint_startup.rule import all_rules

    shown = {want.rule_id for want in expectations(demo, demo)}
    # Every rule on by default, and those the demo's .startup-lint.toml turns on.
    with open(os.path.join(demo, ".startup-lint.toml"), "rb") as handle:
        turned_on = set(tomllib.load(handle)["extend-select"])
    expected = {rid for rid, rule in all_rules().items()
                if not rule.opt_in_flag and rid != "SL900" and (rule.on_by_default or rid in turned_on)}
    assert shown == expected


def test_every_rule_has_fixtures():
    from golint_startup.rule import all_rules

    missing = [rid for rid in all_rules() if rid.lower() not in RULE_DIRS]
    assert not missing, f"rules without a testdata/ directory: {missing}"
