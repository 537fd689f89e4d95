"""One text per rule feeds --explain, SARIF and the README; these tests keep them in step."""

import os
import re

import pytest

from golint_startup.docs import END, START, rules_markdown
from golint_startup.rule import HELP_SECTIONS, LEVELS, all_rules

README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")


@pytest.mark.parametrize("rule", list(all_rules().values()), ids=lambda r: r.id)
def test_rule_metadata_is_complete(rule):
    assert re.fullmatch(r"SL\d{3}", rule.id)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.level in LEVELS
    assert rule.summary and "\n" not in rule.summary
    assert rule.description
    headings = re.findall(r"^## (.+)$", rule.help, re.MULTILINE)
    assert headings == list(HELP_SECTIONS), f"{rule.id} help sections: {headings}"


def test_readme_rule_reference_is_generated_from_the_catalog():
    with open(README, encoding="utf-8") as handle:
        text = handle.read()
    assert START in text and END in text
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == rules_markdown().strip(), "README is stale: run python -m golint_startup.docs README.md"


def test_names_are_unique():
    names = [rule.name for rule in all_rules().values()]
    assert len(names) == len(set(names))


def test_readme_config_example_is_a_valid_config(tmp_path):
    from golint_startup.engine.config import load_config

    with open(README, encoding="utf-8") as handle:
        text = handle.read()
    example = text.split("## Configuration", 1)[1].split("```toml", 1)[1].split("```", 1)[0]
    (tmp_path / ".startup-lint.toml").write_text(example)
    data = load_config(str(tmp_path / ".startup-lint.toml"))
    assert set(data["rules"]) == {"SL001", "SL005"}
