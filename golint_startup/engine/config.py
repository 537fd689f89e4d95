"""`.startup-lint.toml` and command-line options, merged into one `Settings`."""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import tomllib
from dataclasses import dataclass
from typing import Any

from golint_startup.go import startup
from golint_startup.go.library import TEST_DIRS
from golint_startup.rule import LEVELS, Rule, all_rules

CONFIG_NAME = ".startup-lint.toml"
_TOP_LEVEL_KEYS = {"select", "extend-select", "ignore", "exclude", "tests", "tags", "go-images", "rules", "test-dirs", "startup"}
# [startup]: entries added to the startup model's tables (go.library), and its goroutine switch.
_STARTUP_KEYS = {"edges", "handlers", "follow-goroutines", "serving", "programs"}


class ConfigError(Exception):
    """A bad config file or option value (exit 2)."""


@dataclass
class Settings:
    rules: dict[str, Rule]  # the rules that run, by id
    options: dict[str, dict[str, Any]]  # effective options, by rule id
    levels: dict[str, str]  # configured level overrides, by rule id
    tests: bool = False
    generated: bool = False
    tags: tuple[str, ...] = ()
    # the tags the project's own builds may set (its Makefiles, Dockerfiles, ...): with `tags`,
    # what decides whether a file with a build constraint is built at all
    build_tags: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # globs anchored at the config file's directory (absolute)
    config_path: str | None = None
    go_images: tuple[str, ...] = ()  # image globs the manifest rules treat as Go containers
    # path components that mark test and tooling code by location (see discovery.in_test_dir)
    test_dirs: tuple[str, ...] = TEST_DIRS
    startup: startup.Options = startup.Options()

    def fingerprint(self) -> str:
        """What a cached per-file result depends on, besides the file and the version."""
        state = {
            "rules": sorted(self.rules),
            "options": self.options,
            "tests": self.tests,
            "generated": self.generated,
            "tags": sorted(self.tags),
            "build-tags": sorted(self.build_tags),
            "test-dirs": list(self.test_dirs),
            "startup": [list(self.startup.edges), list(self.startup.handlers), self.startup.follow_goroutines,
                        list(self.startup.serving), self.startup.programs],
        }
        return hashlib.sha256(json.dumps(state, sort_keys=True, default=list).encode()).hexdigest()[:16]


def find_config(start: str) -> str | None:
    directory = os.path.abspath(start)
    while True:
        candidate = os.path.join(directory, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load_config(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config: {err.strerror}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except UnicodeDecodeError as err:  # TOML is UTF-8 text
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (at byte offset {err.start})") from None
    _validate(data, path)
    # Rule tables may be named by id or by name ([rules.init-heap-work]); keep them by id.
    data["rules"] = {resolve_rule_id(key, path): table for key, table in data.get("rules", {}).items()}
    return data


def _validate(data: dict[str, Any], path: str) -> None:
    catalog = all_rules()
    for key in data:
        if key not in _TOP_LEVEL_KEYS:
            raise ConfigError(f"{path}: unknown key '{key}'")
    for key in ("select", "extend-select", "ignore", "exclude", "tags", "go-images", "test-dirs"):
        if key in data and not _is_str_list(data[key]):
            raise ConfigError(f"{path}: '{key}' must be a list of strings")
    for key in ("select", "extend-select", "ignore"):
        for rule_id in data.get(key, []):
            resolve_rule_id(rule_id, f"{path}: '{key}'")
    if "tests" in data and not isinstance(data["tests"], bool):
        raise ConfigError(f"{path}: 'tests' must be true or false")
    table = data.get("startup", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'startup' must be a table")
    for key, value in table.items():
        if key not in _STARTUP_KEYS:
            raise ConfigError(f"{path}: unknown key 'startup.{key}'")
        if key == "follow-goroutines":
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: 'startup.{key}' must be true or false")
        elif key == "programs":
            if value not in ("services", "all"):
                raise ConfigError(f"{path}: 'startup.{key}' must be \"services\" or \"all\"")
        elif not _is_str_list(value):
            raise ConfigError(f"{path}: 'startup.{key}' must be a list of strings")
        else:
            bad = startup.malformed(value)
            if bad:
                raise ConfigError(f"{path}: 'startup.{key}': {bad[0]!r} is not \"import/path.Name\"")
    tables = data.get("rules", {})
    if not isinstance(tables, dict):
        raise ConfigError(f"{path}: 'rules' must be a table of rule tables")
    by_name = {rule.name: rule_id for rule_id, rule in catalog.items()}
    for rule_id, table in tables.items():
        rule_id = by_name.get(rule_id, rule_id.upper() if rule_id.upper() in catalog else rule_id)
        if rule_id not in catalog:
            raise ConfigError(f"{path}: unknown rule 'rules.{rule_id}'")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: 'rules.{rule_id}' must be a table")
        defaults = catalog[rule_id].default_options()
        choices = {option.name: option.choices for option in catalog[rule_id].options if option.choices}
        for key, value in table.items():
            where = f"{path}: 'rules.{rule_id}.{key}'"
            if key == "level":
                if value not in LEVELS:
                    raise ConfigError(f"{where} must be one of {', '.join(LEVELS)}")
            elif key not in defaults:
                if replaced_by := [o for o in catalog[rule_id].options if o.replaces == key]:
                    raise ConfigError(f"{where} is now '{replaced_by[0].name}': {replaced_by[0].help}")
                raise ConfigError(f"{path}: unknown key 'rules.{rule_id}.{key}'")
            elif not _same_kind(defaults[key], value):
                raise ConfigError(f"{where} must be {_kind_name(defaults[key])}")
            elif key in choices and value not in choices[key]:
                raise ConfigError(f"{where} must be one of {', '.join(map(repr, choices[key]))}")


def resolve_rule_id(token: str, where: str) -> str:
    """A rule id or kebab-case name to its id."""
    catalog = all_rules()
    if token.upper() in catalog:
        return token.upper()
    for rule in catalog.values():
        if rule.name == token:
            return rule.id
    raise ConfigError(f"{where}: unknown rule '{token}'")


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return _is_str_list(value)
    return isinstance(value, type(default))


def _kind_name(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "an integer"
    if isinstance(default, float):
        return "a number"
    if isinstance(default, (list, tuple)):
        return "a list of strings"
    return "a string"


def _anchored(glob: str, directory: str) -> str:
    """A config glob made absolute: it means the same from whatever directory the run starts."""
    return posixpath.normpath(posixpath.join(directory.replace(os.sep, "/"), glob.replace(os.sep, "/")))


def build_settings(
    *,
    config_path: str | None,
    select: tuple[str, ...] = (),
    extend_select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    tests: bool | None = None,
    generated: bool = False,
    tags: tuple[str, ...] = (),
    opt_in: set[str] = frozenset(),
    cwd: str | None = None,
    search: bool = True,
) -> Settings:
    """Merge the config file (explicit or found) with command-line options.

    `opt_in` names the opt-in flags given (e.g. "escape"); rules behind a flag run only
    with it: `select` naming one without it is an error, a config file's select skips it.
    Without `select`, the rules on by default run; `extend_select` (and the config's
    `extend-select`) adds rules to either. `search=False`: no config file unless `config_path` names one.
    """
    catalog = all_rules()
    path = config_path or (find_config(cwd or os.getcwd()) if search else None)
    data = load_config(path) if path else {}

    for option, tokens in (("--select", select), ("--extend-select", extend_select)):
        for token in tokens:  # `--select SL006` alone would run the Go compiler, which only --escape may do
            rule = catalog[resolve_rule_id(token, option)]
            if rule.opt_in_flag and rule.opt_in_flag not in opt_in:
                raise ConfigError(f"{option} {token}: {rule.id} runs only with --{rule.opt_in_flag}")
    selected_ids = [resolve_rule_id(t, "--select") for t in select] or list(data.get("select", []))
    selected_ids = [resolve_rule_id(t, "select") for t in selected_ids]
    # --select on the command line means these rules only: the config's additions go too.
    extended = {resolve_rule_id(t, "--extend-select") for t in extend_select} | {
        resolve_rule_id(t, "extend-select") for t in (() if select else data.get("extend-select", []))}
    ignored = {resolve_rule_id(t, "--ignore") for t in ignore} | {
        resolve_rule_id(t, "ignore") for t in data.get("ignore", [])
    }
    defaults = {rid for rid, rule in catalog.items() if not rule.opt_in_flag and rule.on_by_default}
    chosen = (set(selected_ids) or defaults) | extended
    # A config file's select never runs a rule behind a flag without its flag (the command
    # line's was refused above).
    chosen = {rid for rid in chosen if not catalog[rid].opt_in_flag or catalog[rid].opt_in_flag in opt_in}
    chosen |= {rid for rid, rule in catalog.items() if rule.opt_in_flag and rule.opt_in_flag in opt_in}
    chosen -= ignored

    options, levels = {}, {}
    for rule_id in sorted(chosen):
        table = dict(data.get("rules", {}).get(rule_id, {}))
        if "level" in table:
            levels[rule_id] = table.pop("level")
        options[rule_id] = {**catalog[rule_id].default_options(), **table}
    return Settings(
        rules={rid: catalog[rid] for rid in sorted(chosen)},
        options=options,
        levels=levels,
        tests=data.get("tests", False) if tests is None else tests,
        generated=generated,
        tags=tuple(tags) or tuple(data.get("tags", [])),
        exclude=tuple(_anchored(glob, os.path.dirname(os.path.abspath(path))) for glob in data.get("exclude", [])),
        config_path=path,
        go_images=tuple(data.get("go-images", [])),
        test_dirs=tuple(data.get("test-dirs", TEST_DIRS)),
        startup=_startup_options(data.get("startup", {})),
    )


def _startup_options(table: dict[str, Any]) -> startup.Options:
    """The default tables with the config's entries added."""
    defaults = startup.Options()
    return startup.Options(
        edges=tuple(dict.fromkeys(defaults.edges + tuple(table.get("edges", ())))),
        handlers=tuple(dict.fromkeys(defaults.handlers + tuple(table.get("handlers", ())))),
        follow_goroutines=table.get("follow-goroutines", defaults.follow_goroutines),
        serving=tuple(dict.fromkeys(defaults.serving + tuple(table.get("serving", ())))),
        programs=table.get("programs", defaults.programs))
