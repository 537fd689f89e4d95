"""The call graph's per-file facts on small Go snippets, and its cost on deep nesting."""

from __future__ import annotations

import os
import sys

import pytest

from lintrun import go_module, lines_run
from golint_startup.go import gofile
from golint_startup.go.callgraph import facts as callfacts
from golint_startup.go.callgraph import graph as callgraph
from golint_startup.go.callgraph.facts import Arg, FunctionTarget, LiteralTarget, MemberTarget, MethodTarget, ResultRef, \
    ParamTarget, TypeRef

VIPER = "github.com/spf13/viper"


def _facts(body: str, imports=(), **options) -> callfacts.FileFacts:
    header = "package app\n\n" + "".join(f'import "{path}"\n' for path in imports) + "\n"
    return callfacts.file_facts(gofile.parse("app.go", (header + body).encode()), **options)


def _events(body: str, imports=(), **options) -> dict[str, list[tuple]]:
    """function key -> [(kind, target)] in the order the events count."""
    return {f.key: [(e.kind, e.target) for e in f.events] for f in _facts(body, imports, **options).functions}


def T(name, path=""):  # noqa: N802 - reads like the Go type it stands for
    return TypeRef("t", path, name)


@pytest.mark.parametrize("body, imports, key, expected", [
    ("func main() { F() }\nfunc F() {}\n", (), "main", [("call", FunctionTarget("F"))]),
    ("func main() { viper.ReadInConfig() }\n", (VIPER,), "main", [("call", MemberTarget(VIPER, "ReadInConfig"))]),
    ("func main() { cobra.OnInitialize(initConfig) }\n", ("github.com/spf13/cobra",), "main",
     [("call", MemberTarget("github.com/spf13/cobra", "OnInitialize")), ("ref", FunctionTarget("initConfig"))]),
    # x.M() with the receiver's type evident from the syntax
    ("type S struct{}\nfunc (s *S) Run() { s.Start() }\n", (), "S.Run",
     [("call", MethodTarget(T("S"), (), "Start"))]),
    ("func main() { x := &S{}; x.Run() }\n", (), "main", [("call", MethodTarget(T("S"), (), "Run"))]),
    ("func main() { x := new(pkg.S); x.Run() }\n", ("example.com/pkg",), "main",
     [("call", FunctionTarget("new")), ("ref", MemberTarget("example.com/pkg", "S")),
      ("call", MethodTarget(T("S", "example.com/pkg"), (), "Run"))]),
    ("func main() { var c Config; c.Load() }\n", (), "main", [("call", MethodTarget(T("Config"), (), "Load"))]),
    ("func main() { x := NewS(); x.Run() }\n", (), "main",
     [("call", FunctionTarget("NewS")), ("call", MethodTarget(TypeRef("r", "", "NewS"), (), "Run"))]),
    ("func main() { v := viper.New(); v.ReadInConfig() }\n", (VIPER,), "main",
     [("call", MemberTarget(VIPER, "New")), ("call", MethodTarget(TypeRef("r", VIPER, "New"), (), "ReadInConfig"))]),
    # each of several names declared from one call takes its own result's type
    ("func main() { x, err := pkg.NewS(); x.Run(); err.Error() }\n", ("example.com/pkg",), "main",
     [("call", MemberTarget("example.com/pkg", "NewS")),
      ("call", MethodTarget(TypeRef("r", "example.com/pkg", "NewS"), (), "Run")),
      ("call", MethodTarget(ResultRef("r", "example.com/pkg", "NewS", 1), (), "Error"))]),
    ("func main() { var x, ok = NewS(); x.Run(); ok.Run() }\n", (), "main",
     [("call", FunctionTarget("NewS")), ("call", MethodTarget(TypeRef("r", "", "NewS"), (), "Run")),
      ("call", MethodTarget(ResultRef("r", "", "NewS", 1), (), "Run"))]),
    # a method's result is typed through its receiver: `s.With().Run()`
    ("func main() { s := NewS(); s.With().Run() }\n", (), "main",
     [("call", FunctionTarget("NewS")),
      ("call", MethodTarget(ResultRef("m", "", "With", 0, (TypeRef("r", "", "NewS"), ())), (), "Run")),
      ("call", MethodTarget(TypeRef("r", "", "NewS"), (), "With"))]),
    # an element taken into a local is typed as its container, as a range loop's element is
    ("func main() { x, ok := m[k]; x.Run() }\n", (), "main",
     [("call", MethodTarget(TypeRef("v", "", "m"), (), "Run"))]),
    ("func (s *Server) Start() { s.cfg.Load() }\n", (), "Server.Start",
     [("call", MethodTarget(T("Server"), ("cfg",), "Load"))]),
    ("func run(c *Config) { c.Load() }\n", (), "run", [("call", MethodTarget(T("Config"), (), "Load"))]),
    ("func main() { app.Run() }\n", (), "main", [("call", MethodTarget(TypeRef("v", "", "app"), (), "Run"))]),
    # unknown receiver types are left out; a local shadows a function and an import
    ("func run(l interface{ Load() }) { l.Load() }\n", (), "run", []),
    ("func main() { F := g; F() }\n", (), "main", [("ref", FunctionTarget("g"))]),
    ("func main(viper int) { viper.ReadInConfig() }\n", (VIPER,), "main", []),
    # a range element named like the package it ranges over: the range expression's `stat` is the
    # package, the body's the element (untyped)
    ("func main() { for _, stat := range stat.Collect(1) { stat.Name() } }\n", ("example.com/stat",), "main",
     [("call", MemberTarget("example.com/stat", "Collect"))]),
    # the element's name in a string is no mention: the element is typed as what is ranged over
    ('func main() { for _, c := range m.All("c") { c.Start() } }\n', (), "main",
     [("call", MethodTarget(TypeRef("v", "", "m"), (), "All")),
      ("call", MethodTarget(ResultRef("m", "", "All", 0, (TypeRef("v", "", "m"), ())), (), "Start"))]),
    # deferred calls count at the end of their function
    ("func main() { defer A(); B() }\n", (), "main", [("call", FunctionTarget("B")), ("call", FunctionTarget("A"))]),
])
def test_targets(body, imports, key, expected):
    assert _events(body, imports)[key] == expected


@pytest.mark.parametrize("body, key, expected", [
    # a function value passed to a call: the call and the argument's place
    ("func main() { use(1, h) }\n", "main",
     [("call", FunctionTarget("use"), None), ("ref", FunctionTarget("h"), Arg(FunctionTarget("use"), 1))]),
    # returned, the value of a package-level variable, assigned to one
    ("func mk() func() { return h }\n", "mk", [("ret", FunctionTarget("h"), None)]),
    ("var a, b = f, g\n", "var:a,b", [("init", FunctionTarget("f"), Arg(None, 0)),
                                      ("init", FunctionTarget("g"), Arg(None, 1))]),
    ("func main() { seam = other }\n", "main", [("set", FunctionTarget("other"), Arg(FunctionTarget("seam"), 0))]),
    # parameters: called, passed on (numbered by name across declarations), stored
    ("func run(a, f func(), g func()) { f(); use(g) }\n", "run",
     [("pcall", ParamTarget(1), None), ("call", FunctionTarget("use"), None),
      ("parg", ParamTarget(2), Arg(FunctionTarget("use"), 0))]),
    ("func keep(f func()) S { return S{Handler: f} }\n", "keep",
     [("pstore", ParamTarget(0), Arg(MethodTarget(T("S"), (), "Handler"), 0))]),
    ("func cmd(f func()) *C { return &C{RunE: f} }\n", "cmd",
     [("pcall", ParamTarget(0), None), ("pstore", ParamTarget(0), Arg(MethodTarget(T("C"), (), "RunE"), 0))]),
    # kept in a slot: a struct's field (keyed, positional, assigned), a package-level variable
    ("func mk(v string, f func()) *M { return &M{v, f} }\n", "mk",
     [("pstore", ParamTarget(1), Arg(MethodTarget(T("M"), (), ""), 1))]),
    ("func (s *S) Add(n string, f Hook) { s.hooks[n] = f; s.all = append(s.all, f, g) }\n", "S.Add",
     [("pstore", ParamTarget(1), Arg(MethodTarget(T("S"), (), "hooks"), 0)),
      ("call", FunctionTarget("append"), None),
      ("ref", MethodTarget(T("S"), (), "all"), Arg(FunctionTarget("append"), 0)),
      ("parg", ParamTarget(1), Arg(FunctionTarget("append"), 1)),
      ("pstore", ParamTarget(1), Arg(MethodTarget(T("S"), (), "all"), 0)),
      ("ref", FunctionTarget("g"), Arg(FunctionTarget("append"), 2)),
      ("store", FunctionTarget("g"), Arg(MethodTarget(T("S"), (), "all"), 0))]),
    ("func Register(name string, fn func() error) { post[name] = fn }\n", "Register",
     [("pstore", ParamTarget(1), Arg(FunctionTarget("post"), 0))]),
    # a name (not a function value) is no parameter stored
    ("func New(name string, c *Config) *S { return &S{name: name, cfg: c} }\n", "New", []),
    # a range loop's element stands for its container, as a callee and as a receiver
    ("func run() { for _, fn := range post { fn() } }\n", "run", [("call", FunctionTarget("post"), None)]),
    ("func (s *S) run() { for _, a := range s.Accounts { a.Copy() } }\n", "S.run",
     [("call", MethodTarget(T("S"), ("Accounts",), "Copy"), None)]),
    # what a call returns, called: in place or through a local
    ("func main() { mk(1)(2) }\n", "main", [("rcall", FunctionTarget("mk"), None), ("call", FunctionTarget("mk"), None)]),
    ("func main() { f := mk(1); f(2) }\n", "main", [("call", FunctionTarget("mk"), None), ("rcall", FunctionTarget("mk"), None)]),
])
def test_function_values(body, key, expected):
    events = {f.key: [(e.kind, e.target, e.arg) for e in f.events] for f in _facts(body).functions}
    assert events[key] == expected


def test_a_literal_kept_in_a_field_is_its_enclosing_functions_value():
    # Kept in a keyed field of elided type: still a value of main (a command's `Action`),
    # not of the literal itself.
    body = "func main() { _ = []*T{{Run: func() { f() }}} }\n"
    events = _events(body)
    (literal,) = [key for key in events if key != "main"]
    assert events["main"] == [("ref", LiteralTarget(literal)), ("store", LiteralTarget(literal))]
    assert events[literal] == [("call", FunctionTarget("f"))]


def test_a_literal_held_by_a_local_runs_where_the_local_is_called_or_passed():
    facts = _facts("func main() {\n\th := func() { A() }\n\th()\n\tuse(h)\n}\n")
    (main,) = [f for f in facts.functions if f.key == "main"]
    literal = LiteralTarget(next(f.key for f in facts.functions if f.kind == "lit"))
    assert [(e.kind, e.target, e.arg) for e in main.events] == [
        ("call", literal, None), ("call", FunctionTarget("use"), None), ("ref", literal, Arg(FunctionTarget("use"), 0))]


def _graph(tmp_path, source: str) -> callgraph.ModuleGraph:
    path = tmp_path / "app.go"
    path.write_text(source)
    return callgraph.ModuleGraph({"app.go": callfacts.file_facts(gofile.parse("app.go", source.encode()))},
                                 {"app.go": str(path)})


_PARAMETERS = """package app

func direct(f func()) { f() }
func stores(f func()) S { return S{F: f} }
func returns(f func()) func() { return f }
func appends(f func()) []func() { return append(nil, f) }
func forwards(f func()) { direct(f) }
func forwardsToStore(f func()) { stores(f) }
func inLiteral(f func()) { func() { f() }() }
func inReturnedLiteral(f func()) func() { return func() { f() } }
func inRegistered(f func()) { http.HandleFunc("/", func() { f() }) }
func inPassedLiteral(f func()) { direct(func() { f() }) }
func external(f func()) { other.Run(f) }
func recursive(f func(), n int) { if n > 0 { recursive(f, n-1) } }
func mutualA(f func()) { mutualB(f) }
func mutualB(f func()) { mutualA(f); f() }
func ranges(f ...func()) { for _, g := range f { g() } }
func indexes(f []func()) { f[0]() }
func keepsAll(f ...func()) []func() { return f }
"""


@pytest.mark.parametrize("function, expected", [
    ("direct", True), ("stores", False), ("returns", False), ("appends", False), ("forwards", True),
    ("forwardsToStore", False), ("inLiteral", True), ("inReturnedLiteral", False), ("inRegistered", False),
    ("inPassedLiteral", True), ("external", True), ("recursive", False), ("mutualA", True), ("mutualB", True),
    ("ranges", True), ("indexes", True), ("keepsAll", False),
])
def test_calls_parameter(tmp_path, function, expected):
    graph = _graph(tmp_path, _PARAMETERS.replace("package app\n", 'package app\n\nimport "net/http"\n'))
    graph.runs_later = lambda caller, callee: getattr(callee, "path", "") == "net/http"
    (found,) = [f for f in graph.functions.values() if f.key == function]
    assert graph.calls_parameter(found, 0) is expected
    # A later argument goes to a final `...` parameter.
    assert graph.calls_parameter(found, 3) is (expected and found.variadic == 0)


def test_a_parameter_started_in_a_goroutine_is_called_only_when_goroutines_are_followed(tmp_path):
    graph = _graph(tmp_path, "package app\n\nfunc start(f func()) { go f() }\n")
    (start,) = graph.functions.values()
    graph.follow_goroutines = False
    assert graph.calls_parameter(start, 0) is False
    graph = _graph(tmp_path, "package app\n\nfunc start(f func()) { go f() }\n")
    (start,) = graph.functions.values()
    assert graph.calls_parameter(start, 0) is True


def test_a_call_through_a_variable_calls_its_values(tmp_path):
    graph = _graph(tmp_path, "package app\n\nvar seam = first\n\nfunc main() { seam() }\n"
                             "func swap() { seam = second }\nfunc first() {}\nfunc second() {}\n")
    callees = {f.key: {r.function.key for _, r in graph.edges(f) if r.function is not None}
               for f in graph.functions.values()}
    assert callees == {"var:seam": set(), "main": {"first", "second"}, "swap": set(), "first": set(), "second": set()}


def test_untyped_method_calls_are_kept_by_name_when_asked():
    body = "func run(l interface{ ReadInConfig() }) { l.ReadInConfig() }\n"
    assert _events(body, keep_untyped_call={"ReadInConfig"}.__contains__)["run"] == [
        ("call", MethodTarget(callfacts.UNKNOWN, (), "ReadInConfig"))]


def test_a_literal_called_in_place_is_a_function_of_its_own():
    body = "func main() {\n\tfunc() { F() }()\n\tgo func() { G() }()\n\th := func() { H() }\n\t_ = h\n}\n"
    facts = _facts(body)
    literals = [f for f in facts.functions if f.kind == "lit"]
    assert [f.name_span.line for f in literals] == [5, 6, 7]
    keys = [f.key for f in literals]
    assert _events(body)["main"] == [("call", LiteralTarget(keys[0])), ("call", LiteralTarget(keys[1])),
                                     ("ref", LiteralTarget(keys[2]))]
    assert [[e.target for e in f.events] for f in literals] == [
        [FunctionTarget("F")], [FunctionTarget("G")], [FunctionTarget("H")]]


def test_a_deferred_literal_is_called_at_the_end():
    body = "func main() {\n\tdefer func() { Cleanup() }()\n\tWork()\n}\n"
    facts = _facts(body)
    (main, literal) = facts.functions
    assert [(e.kind, e.target) for e in main.events] == [("call", FunctionTarget("Work")),
                                                           ("call", LiteralTarget(literal.key))]
    assert main.events[-1].span.line == 5  # where the literal is written


def test_labels_of_a_literal_called_in_place_count_for_its_callers_too():
    def classify(file, call):
        return "gc" if call.child_by_field_name("function").text == b"runtime.GC" else None

    body = "func main() {\n\tfunc() { func() { runtime.GC() }() }()\n}\n"
    events = _events(body, ("runtime",), classify=classify)
    assert [kind for kind, _ in events["main"]] == ["call", "gc"]
    assert all("gc" in [kind for kind, _ in held] for held in events.values())


def test_summaries_have_the_declarations_without_events():
    body = "type S struct{ cfg *Config; Base }\nvar app = NewS()\nfunc NewS() *S { return nil }\n" \
           "func (s *S) Run() {}\n"
    summary = callfacts.file_summary(gofile.parse("app.go", ("package app\n\n" + body).encode()))
    assert summary.complete is False
    assert [(f.key, f.kind, f.result, f.events) for f in summary.functions] == [
        ("var:app", "var", callfacts.UNKNOWN, None), ("NewS", "func", T("S"), None), ("S.Run", "method",
                                                                                       callfacts.UNKNOWN, None)]
    assert summary.structs == (callfacts.StructFacts("S", (callfacts.Field("cfg", T("Config")),
                                                           callfacts.Field("Base", T("Base")))),)
    assert summary.variables == (callfacts.Variable("app", TypeRef("r", "", "NewS")),)


def test_every_record_is_listed():
    for record in callfacts.RECORDS:
        assert all(isinstance(value, (str, int, bool, type(None), tuple)) for value in record._field_defaults.values())
    assert {name for name, value in vars(callfacts).items()
            if isinstance(value, type) and issubclass(value, tuple) and hasattr(value, "_fields")} == \
        {record.__name__ for record in callfacts.RECORDS}


# --- deep nesting -------------------------------------------------------------

_WATCHED = (os.path.dirname(callfacts.__file__), os.path.join("rules", "sl004_"), os.path.join("go", "scope.py"))


def _work(directory: str) -> int:
    """Lines run in the call graph and SL004 during a lint of `directory`."""
    count, findings = lines_run(directory, _WATCHED, select=("SL004",))
    assert len(findings) == 1  # the load at the bottom is found
    return count


def _nested_closures(depth: int) -> str:
    return ("package main\n\nimport \"github.com/spf13/viper\"\n\nfunc main() {\n"
            + "func() {\nstep()\n" * depth + "_ = viper.ReadInConfig()\n" + "}()\n" * depth
            + "}\n\nfunc step() {}\n")


def _nested_ifs(depth: int) -> str:
    # debug.FreeOSMemory() is no GC control, but SL004 must look at what each debug.X names.
    return ("package main\n\nimport (\n\"runtime/debug\"\n\"github.com/spf13/viper\"\n)\n\nfunc main() {\nx := 1\n"
            + "if x > 0 {\nstep(x)\ndebug.FreeOSMemory()\n" * depth + "_ = viper.ReadInConfig()\n" + "}\n" * depth
            + "}\n\nfunc step(int) {}\n")


def test_no_parent_lookups():
    """Node.parent searches down from the root (O(depth)), unseen by the line count below:
    the call graph and SL004 learn parents from their queries instead."""
    import ast

    from golint_startup.go.callgraph import completion, graph
    from golint_startup.rule import all_rules

    sl004 = sys.modules[all_rules()["SL004"].collect.__module__]
    for module in (callfacts, graph, completion, sl004):
        with open(module.__file__, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
        assert not [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and
                    node.attr == "parent"], module.__name__


@pytest.mark.parametrize("shape", [_nested_closures, _nested_ifs])
def test_work_grows_linearly_with_nesting(tmp_path, shape):
    counts = {}
    for depth in (1000, 2000):
        # This main never serves: SL004 reports it when told to count every program, and its
        # load, whose file is not in the tree, when told to report every load.
        directory = go_module(tmp_path / str(depth), {"main.go": shape(depth), ".startup-lint.toml":
                                                      '[startup]\nprograms = "all"\n[rules.SL004]\nmin-load-bytes = 0\n'})
        counts[depth] = _work(directory)
    # Linear work doubles (plus a constant); quadratic work would quadruple.
    assert counts[2000] < 2.5 * counts[1000], counts
