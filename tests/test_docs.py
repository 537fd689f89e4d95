"""One text per rule feeds --explain, SARIF and the README; these tests keep them in step."""

import os
import re

import pytest

from golint_startup.docs import END, START, rules_markdown
from golint_startup.rule import HELP_SECTIONS, LEVELS, Rule, RuleDocsError, all_rules

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


RULES_DIR = os.path.join(os.path.dirname(README), "rules")


def test_every_rule_module_has_its_docs_and_every_docs_file_its_module():
    stems = lambda ext: {f[:-len(ext)] for f in os.listdir(RULES_DIR) if f.endswith(ext) and not f.startswith("_")}
    modules, docs = stems(".py"), stems(".md")
    assert modules == docs, "each rules/slNNN_name.py needs rules/slNNN_name.md beside it, and the reverse"
    loaded = {rule.id.lower() + "_" + rule.name.replace("-", "_") for rule in all_rules().values()}
    assert loaded == modules, "every module of rules/ defines RULE from its .md"


def test_rendered_help_names_no_snippet():
    for rule in all_rules().values():
        assert not re.search(r"\{\{[A-Z_]+\}\}", rule.help), rule.id


def test_package_data_ships_the_docs():
    import tomllib

    with open(os.path.join(os.path.dirname(README), "pyproject.toml"), "rb") as handle:
        setuptools = tomllib.load(handle)["tool"]["setuptools"]
    assert setuptools["package-dir"]["golint_startup.rules"] == "rules"
    assert "*.md" in setuptools["package-data"]["golint_startup.rules"]


GOOD_FRONT = '''id = "SL999"
name = "made-up"
level = "note"
summary = "one line"
description = "a paragraph"
tags = ["test"]
precision = "high"
'''


def _docs(tmp_path, front=GOOD_FRONT, help_text="## What it does\nNothing.\n", stem="sl999_made_up"):
    (tmp_path / f"{stem}.md").write_text(f"+++\n{front}+++\n{help_text}", encoding="utf-8")
    return str(tmp_path / f"{stem}.py")


def test_from_docs_reads_front_matter_and_help_verbatim(tmp_path):
    help_text = "## What it does\n`{x}` {{NAME}} and {{ lower }}\n\n"
    rule = Rule.from_docs(_docs(tmp_path, help_text=help_text), snippets={"NAME": "{{NAME}}!"}, check=len)
    assert (rule.id, rule.name, rule.level, rule.tags, rule.check) == ("SL999", "made-up", "note", ("test",), len)
    assert rule.help == "## What it does\n`{x}` {{NAME}}! and {{ lower }}\n\n", "substituted once, the rest verbatim"


@pytest.mark.parametrize("front, snippets, complaint", [
    (GOOD_FRONT + 'severity = "high"\n', {}, "unknown key 'severity'"),
    (GOOD_FRONT.replace('level = "note"\n', ""), {}, "missing key 'level'"),
    (GOOD_FRONT.replace('"one line"', "1"), {}, "summary must be a string, not int"),
    (GOOD_FRONT.replace('["test"]', '"test"'), {}, "tags must be a list of strings"),
    (GOOD_FRONT.replace('"note"', '"fatal"'), {}, "level must be one of"),
    (GOOD_FRONT.replace('precision = "high"', 'precision = "certain"'), {}, "precision must be one of"),
    (GOOD_FRONT + "name = 2\n", {}, "front matter:"),
    (GOOD_FRONT + 'on_by_default = "no"\n', {}, "on_by_default must be true or false"),
    (GOOD_FRONT, {"UNUSED": "x"}, "gives snippet UNUSED, which the help does not name"),
])
def test_from_docs_names_the_file_and_the_problem(tmp_path, front, snippets, complaint):
    with pytest.raises(RuleDocsError, match=re.escape(complaint)) as raised:
        Rule.from_docs(_docs(tmp_path, front=front), snippets=snippets)
    assert "sl999_made_up.md" in str(raised.value)


def test_from_docs_rejects_unnamed_snippets_missing_files_and_misplaced_metadata(tmp_path):
    with pytest.raises(RuleDocsError, match=r"names \{\{GONE\}\}, which the module does not give"):
        Rule.from_docs(_docs(tmp_path, help_text="{{GONE}}\n"))
    with pytest.raises(RuleDocsError, match="needs its .md file beside it"):
        Rule.from_docs(str(tmp_path / "sl998_absent.py"))
    (tmp_path / "sl997_bare.md").write_text("## What it does\n", encoding="utf-8")
    with pytest.raises(RuleDocsError, match="expected TOML front matter"):
        Rule.from_docs(str(tmp_path / "sl997_bare.py"))
    with pytest.raises(RuleDocsError, match="the file is sl999_made_up.md"):
        Rule.from_docs(_docs(tmp_path, stem="sl999_other"))
    with pytest.raises(TypeError, match="not level"):
        Rule.from_docs(_docs(tmp_path), level="error")
