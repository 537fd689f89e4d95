"""SL006 with the real compiler: what counts as a config struct, inlined constructors,
copies, local types, the per-package escape cache, and failure messages.

Library stand-ins (envconfig, env, koanf) live in `_stubs/` of each temporary module and
are wired in with `replace`, so everything builds offline.
"""

from __future__ import annotations

import os

import pytest

from lintrun import needs_go
from test_escape import every_escape, lint, write_tree
from golint_startup.engine.cache import ResultCache
from golint_startup.engine.config import build_settings
from golint_startup.engine.runner import run
from golint_startup.gocommand import escape

GO_MOD = """\
module example.com/svc

go 1.22

require (
    github.com/kelseyhightower/envconfig v0.0.0
    github.com/caarlos0/env/v11 v11.0.0
    github.com/knadh/koanf/v2 v2.0.0
    gopkg.in/yaml.v3 v3.0.1
)

replace (
    github.com/kelseyhightower/envconfig => ./_stubs/envconfig
    github.com/caarlos0/env/v11 => ./_stubs/env
    github.com/knadh/koanf/v2 => ./_stubs/koanf
    gopkg.in/yaml.v3 => ./_stubs/yaml
)
"""

# Each stand-in keeps what it is given behind an interface, as the real ones do.
STUBS = {
    "_stubs/envconfig/go.mod": "module github.com/kelseyhightower/envconfig\n\ngo 1.22\n",
    "_stubs/envconfig/envconfig.go": """
        package envconfig

        var sink any

        func Process(prefix string, spec interface{}) error { sink = spec; return nil }
    """,
    "_stubs/env/go.mod": "module github.com/caarlos0/env/v11\n\ngo 1.22\n",
    "_stubs/env/env.go": """
        package env

        var sink any

        func Parse(v interface{}) error { sink = v; return nil }
    """,
    "_stubs/koanf/go.mod": "module github.com/knadh/koanf/v2\n\ngo 1.22\n",
    "_stubs/koanf/koanf.go": """
        package koanf

        var sink any

        type Koanf struct{}

        func New(delim string) *Koanf { return &Koanf{} }

        func (k *Koanf) Unmarshal(path string, o interface{}) error { sink = o; return nil }
    """,
    "_stubs/yaml/go.mod": "module gopkg.in/yaml.v3\n\ngo 1.22\n",
    "_stubs/yaml/yaml.go": """
        package yaml

        var sink any

        func Unmarshal(in []byte, out interface{}) error { sink = out; return nil }
    """,
}

SOURCES = {
    "config/config.go": """
        package config

        import (
            "os"

            "github.com/caarlos0/env/v11"
            "github.com/kelseyhightower/envconfig"
            "github.com/knadh/koanf/v2"
            "gopkg.in/yaml.v3"
        )

        type Env struct{ Port int }

        type Flags struct{ Debug bool }

        type Koanf struct{ Name string }

        type Server struct{ TLS *TLS }

        type TLS struct{ Cert string }

        func FromEnv() (*Env, error) {
            var e Env
            err := envconfig.Process("app", &e)
            return &e, err
        }

        func FromEnvLib() (Flags, error) {
            var f Flags
            err := env.Parse(&f)
            return f, err
        }

        func FromKoanf(k *koanf.Koanf) (Koanf, error) {
            var c Koanf
            err := k.Unmarshal("", &c)
            return c, err
        }

        func LoadConfigFile(path string) (*Server, error) {
            data, err := os.ReadFile(path)
            if err != nil {
                return nil, err
            }
            s := &Server{TLS: &TLS{}}
            err = yaml.Unmarshal(data, s)
            return s, err
        }
    """,
    "api/api.go": """
        package api

        import (
            "encoding/json"
            "net/http"
            "os"

            "gopkg.in/yaml.v3"
        )

        // Request types, named and tagged like config, decoded per request: not configs.
        type ListOptions struct {
            Limit int `yaml:"limit"`
        }

        type CreateConfig struct{ Name string }

        func List(w http.ResponseWriter, r *http.Request) {
            var o ListOptions
            _ = json.NewDecoder(r.Body).Decode(&o)
        }

        func Create(body []byte, r *http.Request) {
            c := &CreateConfig{}
            _ = json.Unmarshal(body, c)
        }

        // A lock file parsed per input file: tagged for yaml, read from a file, not a config.
        type Lockfile struct {
            Packages []string `yaml:"packages"`
        }

        func ParseLock(path string) (*Lockfile, error) {
            data, err := os.ReadFile(path)
            if err != nil {
                return nil, err
            }
            l := &Lockfile{}
            err = yaml.Unmarshal(data, l)
            return l, err
        }
    """,
}


def module(tmp_path, extra: dict[str, str] | None = None) -> str:
    return write_tree(tmp_path, {"go.mod": GO_MOD, **STUBS, **SOURCES, **(extra or {})})


def messages(findings) -> list[tuple[str, int, str]]:
    return [(f.path, f.location.line, f.message) for f in findings]


@needs_go
def test_every_kind_of_config_source_and_no_request_types(tmp_path):
    findings, fatal = lint(module(tmp_path))
    assert not fatal
    found = messages(findings)
    # api/ has none: request types (named and tagged like config), a lock file read from a file.
    assert [(path, line) for path, line, _ in found] == [("config/config.go", line) for line in (23, 29, 35, 45, 45)]
    assert found[0][2].endswith("(a config struct: loaded by envconfig.Process at config/config.go:24)")
    assert "loaded by env.Parse at config/config.go:30" in found[1][2]
    assert "loaded by k.Unmarshal at config/config.go:36" in found[2][2]
    assert found[3][2] == (
        "config struct &Server{...} escapes to heap: it is passed to yaml.Unmarshal (interface-converted) "
        "(a config struct: decoded from a file by yaml.Unmarshal at config/config.go:46)")
    assert found[4][2] == (  # a field's type
        "config struct &TLS{...} escapes to heap: it is stored in &Server{...}, which is itself on the heap "
        "(a config struct: a field of Server, decoded from a file by yaml.Unmarshal at config/config.go:46)")


INLINED = {
    "conf/conf.go": """
        package conf

        import "github.com/kelseyhightower/envconfig"

        type Config struct {
            Port int
            Name string
        }

        var Default = Config{Port: 1}

        func DefaultConfig() *Config {
            return &Config{Port: 8080}
        }

        func Clone(cfg *Config) *Config {
            cloned := *cfg
            return &cloned
        }

        func Load() error { return envconfig.Process("", DefaultConfig()) }
    """,
    "main.go": """
        package main

        import (
            "fmt"

            "example.com/svc/conf"
        )

        var sink any

        func main() {
            type fileConfig struct {
                Path string `yaml:"path"`
            }
            var fc fileConfig
            sink = &fc
            c := conf.DefaultConfig()
            sink = c
            g := conf.Default
            sink = &g
            fmt.Println(conf.Clone(c))
        }
    """,
}


@needs_go
def test_inlined_constructor_copies_and_local_types(tmp_path):
    findings, fatal = lint(module(tmp_path, INLINED), ["./conf", "."])
    assert not fatal
    found = messages(findings)
    lines = [(path, line) for path, line, _ in found]
    # The values of DefaultConfig and of `cloned := *cfg` in Clone, once each, where they are
    # built: both functions are inlined into main, which makes them startup allocations.
    assert lines == [("conf/conf.go", 13), ("conf/conf.go", 17), ("main.go", 15), ("main.go", 19)]
    # DefaultConfig runs at startup (main calls it), so its own report counts.
    assert found[0][2] == ("config struct &Config{...} escapes to heap: it is returned from DefaultConfig "
                           "(a config struct: its name ends in Config, used on the startup path)")
    assert found[1][2].startswith("config struct Config moved to heap: its address is returned from Clone")
    local = next(m for p, line, m in found if (p, line) == ("main.go", 15))
    assert local.startswith("config struct fileConfig moved to heap: its address is stored in sink")
    copy = next(m for p, line, m in found if (p, line) == ("main.go", 19))
    assert copy.startswith("config struct conf.Config moved to heap")


@needs_go
def test_a_value_reported_in_its_function_and_where_inlined_is_reported_once(tmp_path):
    extra = dict(INLINED)
    # The literal escapes in DefaultConfig's own compilation (returned) and where main inlines
    # it (stored in sink): one finding, at the literal, and DefaultConfig's own report wins
    # because DefaultConfig runs at startup.
    extra["conf/conf.go"] = extra["conf/conf.go"].replace(
        "func DefaultConfig() *Config {\n            return &Config{Port: 8080}\n        }",
        "func Fill(c *Config) *Config { c.Port = 8080; return c }\n\n"
        "        func DefaultConfig() *Config {\n            return Fill(&Config{})\n        }")
    findings, fatal = lint(module(tmp_path, extra), ["./conf", "."])
    assert not fatal
    at_literal = [f.message for f in findings if f.path == "conf/conf.go" and f.location.line == 15]
    assert at_literal == ["config struct &Config{...} escapes to heap: it is returned from DefaultConfig "
                          "(a config struct: its name ends in Config, used on the startup path)"]


# --- the cache ----------------------------------------------------------------------------


CACHED = {
    "base/base.go": "package base\n\ntype Limits struct{ Max int }\n",
    "mid/mid.go": """
        package mid

        import (
            "example.com/svc/base"
            "github.com/kelseyhightower/envconfig"
        )

        type Config struct{ Limits base.Limits }

        func Load() (*Config, error) {
            var c Config
            err := envconfig.Process("", &c)
            return &c, err
        }
    """,
    "other/other.go": """
        package other

        import "github.com/kelseyhightower/envconfig"

        type Settings struct{ N int }

        func Load() Settings {
            var s Settings
            _ = envconfig.Process("", &s)
            return s
        }
    """,
}


def cached_lint(root, cache_dir, monkeypatch):
    """findings, fatal notifications and the import paths compiled, with a cache on disk."""
    monkeypatch.setenv("STARTUP_LINT_CACHE_DIR", str(cache_dir))
    compiled: list[str] = []
    original = escape.analyze_module

    def spy(*args, **kwargs):
        report = original(*args, **kwargs)
        compiled.extend(report.compiled)
        return report

    monkeypatch.setattr(escape, "analyze_module", spy)
    every_escape(root)
    settings = build_settings(config_path=None, select=("SL006",), opt_in={"escape"}, cwd=str(root))
    cache = ResultCache.open(settings.fingerprint(), str(root))
    result = run(["./..."], settings, cwd=str(root), cache=cache)
    return messages(result.findings), [n for n in result.notifications if n.fatal], sorted(compiled)


@needs_go
def test_second_run_compiles_nothing_and_a_change_recompiles_its_dependents(tmp_path, monkeypatch):
    root = module(tmp_path / "m", CACHED)
    first, fatal, compiled = cached_lint(root, tmp_path / "cache", monkeypatch)
    assert not fatal and first
    assert "example.com/svc/mid" in compiled and "example.com/svc/other" in compiled
    second, _, compiled = cached_lint(root, tmp_path / "cache", monkeypatch)
    assert second == first and compiled == []
    with open(os.path.join(root, "base", "base.go"), "a", encoding="utf-8") as handle:
        handle.write("\nconst Unused = 1\n")
    third, _, compiled = cached_lint(root, tmp_path / "cache", monkeypatch)
    assert third == first
    assert compiled == ["example.com/svc/base", "example.com/svc/mid"]  # not other, not config, not api


def test_package_keys_follow_dependencies_and_settings(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "a.go").write_text("package a\n")
    (tmp_path / "b" / "b.go").write_text("package b\n")
    modcache = str(tmp_path / "modcache")
    packages = [
        {"ImportPath": "m/a", "Dir": str(tmp_path / "a"), "GoFiles": ["a.go"], "Deps": ["fmt", "x.io/y"]},
        {"ImportPath": "m/b", "Dir": str(tmp_path / "b"), "GoFiles": ["b.go"], "Deps": ["m/a"]},
        {"ImportPath": "fmt", "Standard": True, "DepOnly": True},
        {"ImportPath": "x.io/y", "Dir": os.path.join(modcache, "x.io", "y@v1.0.0"), "DepOnly": True,
         "Module": {"Path": "x.io/y", "Version": "v1.0.0"}},
    ]
    settings = f"GOVERSION=go1.26\nGOMODCACHE={modcache}\ntags="
    keys = escape.package_keys(packages, settings)
    assert set(keys) == {"m/a", "m/b"}
    assert escape.package_keys(packages, settings) == keys
    assert escape.package_keys(packages, settings.replace("go1.26", "go1.27"))["m/a"] != keys["m/a"]
    (tmp_path / "a" / "a.go").write_text("package a\n\nvar X int\n")
    changed = escape.package_keys(packages, settings)
    assert changed["m/a"] != keys["m/a"] and changed["m/b"] != keys["m/b"]  # b depends on a
    packages[3]["Module"]["Version"] = "v1.0.1"
    packages[3]["Dir"] = os.path.join(modcache, "x.io", "y@v1.0.1")
    assert escape.package_keys(packages, settings)["m/a"] != changed["m/a"]


# --- failure messages -----------------------------------------------------------------------


@needs_go
def test_missing_go_sum_says_go_mod_tidy(tmp_path, monkeypatch):
    monkeypatch.setenv("GOPROXY", "off")
    monkeypatch.setenv("GOFLAGS", "-mod=readonly")
    write_tree(tmp_path, {
        "go.mod": "module example.com/m\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n\n"
                  "replace example.com/dep v1.0.0 => example.com/dep v1.0.1\n",
        "main.go": 'package main\n\nimport "example.com/dep"\n\nfunc main() { dep.F() }\n',
    })
    _, fatal = lint(tmp_path)
    assert len(fatal) == 1
    message = fatal[0].message
    assert "example.com/dep" in message and ("go mod tidy" in message or "cannot download" in message)


@needs_go
def test_vendor_flag_without_vendor_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("GOFLAGS", "-mod=vendor")
    write_tree(tmp_path, {"go.mod": "module example.com/m\n\ngo 1.22\n", "main.go": "package main\n\nfunc main() {}\n"})
    _, fatal = lint(tmp_path)
    assert len(fatal) == 1
    assert "GOFLAGS=-mod=vendor" in fatal[0].message and os.path.join(str(tmp_path), "vendor") in fatal[0].message


@needs_go
def test_broken_go_work_is_reported_once(tmp_path):
    write_tree(tmp_path, {
        "go.work": "go 1.22\n\nuse (\n    ./a\n    ./b\n)\n\nnonsense directive\n",
        "a/go.mod": "module example.com/a\n\ngo 1.22\n", "a/main.go": "package main\n\nfunc main() {}\n",
        "b/go.mod": "module example.com/b\n\ngo 1.22\n", "b/main.go": "package main\n\nfunc main() {}\n",
    })
    _, fatal = lint(tmp_path)
    assert len(fatal) == 1
    assert "go.work is broken" in fatal[0].message


@needs_go
def test_packages_behind_a_broken_dependency_are_named(tmp_path):
    write_tree(tmp_path, {
        "go.mod": "module example.com/m\n\ngo 1.22\n",
        "broken/broken.go": "package broken\n\nfunc F() int { return \"not an int\" }\n",
        "user/user.go": 'package user\n\nimport "example.com/m/broken"\n\nvar X = broken.F()\n',
        "fine/fine.go": "package fine\n\nfunc G() {}\n",
    })
    _, fatal = lint(tmp_path)
    text = "\n".join(n.message for n in fatal)
    assert "package example.com/m/broken does not compile" in text
    assert "dependency example.com/m/broken does not compile: example.com/m/user" in text


def test_scope_option_is_checked(tmp_path):
    pytest.importorskip("tree_sitter")
    write_tree(tmp_path, {"go.mod": "module example.com/m\n\ngo 1.22\n", "main.go": "package main\n\nfunc main() {}\n",
                          ".startup-lint.toml": '[rules.SL006]\nscope = "everything"\n'})
    settings = build_settings(config_path=str(tmp_path / ".startup-lint.toml"), select=("SL006",), opt_in={"escape"}, cwd=str(tmp_path))
    result = run(["./..."], settings, cwd=str(tmp_path))
    assert any("scope" in n.message for n in result.notifications if n.fatal)


class _MemoryResults:
    """What EscapeCache needs of the run's ResultCache, in memory."""

    def __init__(self):
        self.entries = {}

    def load_derived(self, display, tag, source):
        return self.entries.get((display, tag, source))

    def store_derived(self, display, tag, source, abspath, value):
        from golint_startup.engine import cache_format
        self.entries[(display, tag, source)] = (cache_format.loads(cache_format.dumps(value)),)


@needs_go
def test_progress_line_per_module_and_cached_escapes_round_trip(tmp_path):
    from golint_startup.gocommand import invoke

    root = write_tree(tmp_path, {"go.mod": "module example.com/m\n\ngo 1.22\n",
                                 "conf/conf.go": "package conf\n\ntype C struct{ N int }\n\n"
                                                 "func New() *C { return &C{N: 1} }\n"})
    go, cache, lines = invoke.find_go(), escape.EscapeCache(_MemoryResults()), []
    first = escape.analyze_module(go, root, [os.path.join(root, "conf")], module_path="example.com/m",
                                  cache=cache, progress=lines.append)
    second = escape.analyze_module(go, root, [os.path.join(root, "conf")], module_path="example.com/m",
                                   cache=cache, progress=lines.append)
    assert lines == ["escape analysis: example.com/m: compiling 1 of 1 packages",
                     "escape analysis: example.com/m: 1 packages unchanged, nothing to compile"]
    assert first.compiled == ["example.com/m/conf"] and second.compiled == []
    assert second.escapes == first.escapes and first.escapes


def test_reasons_in_plain_words():
    from golint_startup.rules.sl006_escaping_config_struct import _Sources, explain

    def moved(subject, *steps, destination="{heap}"):
        flow = escape.Flow(destination, subject, tuple(escape.Step(e, r, "/x.go:1:1") for e, r in steps))
        return escape.Escape("/x.go", 1, 1, escape.MOVED, subject, "F", (flow,))

    field = moved("module", ("module.DNS", "dot"), ("&module.DNS.TLS", "address-of"),
                  ("load(&module.DNS.TLS)", "call parameter"))
    assert explain(field, _Sources()) == "the address of its field DNS.TLS is passed to load"
    returned = moved("cfg", ("&cfg.Limits", "address-of"), ("return &cfg.Limits", "return"), destination="~r0")
    assert explain(returned, _Sources()) == "the address of its field Limits is returned from F"
    stored = moved("cfg", ("cfg", "spill"), destination="s")
    assert explain(stored, _Sources()) == "it is stored in s, which is itself on the heap"


def test_loader_target_given_in_an_options_struct():
    from golint_startup.go import gofile
    from golint_startup.rules.sl006_escaping_config_struct import LOADER, collect

    source = b'''package c

import "github.com/sethvargo/go-envconfig"

type Config struct{ Port int }

func Parse() *Config {
	var cfg Config
	_ = envconfig.ProcessWith(nil, &envconfig.Config{Target: &cfg})
	return &cfg
}
'''
    facts = collect(gofile.parse("c.go", source), {"name-suffixes": [], "tag-keys": []})
    assert [(load.type, load.call, load.line, load.kind) for load in facts.loads if load.type[0] == ""] == [
        (("", "Config"), "envconfig.ProcessWith", 9, LOADER)]
