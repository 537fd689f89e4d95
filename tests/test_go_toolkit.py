"""Table tests of the Go toolkit (golint_startup/go/): each helper on small Go snippets."""

from __future__ import annotations

import pytest

from golint_startup.go.constants import Constants, trip_count
from golint_startup.go.gofile import parse
from golint_startup.go.imports import default_package_name
from golint_startup.go.inputs import input_source
from golint_startup.go.syntax import (assigned_names, ends_process, identifier_uses, invocation, matches, mentions,
                                      previous_statement, root_identifier, text)
from golint_startup.go.types import FileTypes, named_type, result_types, type_parameters_in_scope


def go(body: str, imports: str = ""):
    return parse("x.go", f"package x\n{imports}\n{body}\n".encode())


def first(file, kind: str, spelled: str | None = None):
    """The first node of `kind` (whose text is `spelled`, if given), in source order."""
    for found in matches(f"({kind}) @n", file.root):
        node = found["n"][0]
        if spelled is None or text(node) == spelled:
            return node
    raise AssertionError(f"no {kind} {spelled or ''}")


def last(file, kind: str, spelled: str):
    nodes = [f["n"][0] for f in matches(f"({kind}) @n", file.root) if text(f["n"][0]) == spelled]
    assert nodes, f"no {kind} {spelled}"
    return nodes[-1]


@pytest.mark.parametrize("path, name", [
    ("encoding/json", "json"), ("gopkg.in/yaml.v3", "yaml"), ("github.com/pelletier/go-toml/v2", "toml"),
    ("github.com/spf13/viper", "viper"), ("k8s.io/client-go/v12", "client"), ("github.com/x/go-foo", "foo"),
    ("github.com/x/bar-go", "bar"), ("example.com/mod/v2", "mod"), ("io/ioutil", "ioutil"),
])
def test_default_package_name(path, name):
    assert default_package_name(path) == name


@pytest.mark.parametrize("expression, value", [
    ("1 << 20", 1 << 20), ("64 * 1024", 65536), ("-7 / 2", -3), ("-7 % 2", -1), ("0x10 | 1", 17),
    ("1_000", 1000), ("int64(3) + size", 3 + 42), ("(size)", 42), ("1e3", 1000), ("1.5", None),
    ("^0", -1), ("1 &^ 1", 0), ("f()", None), ("1 << 70", None), ("size / 0", None), ("0o17", 15), ("017", 15),
])
def test_constants(expression, value):
    file = go(f"const size = 42\n\nvar v = {expression}\n")
    spec = last(file, "var_spec", text(first(file, "var_spec")))
    node = spec.child_by_field_name("value").named_children[0]
    assert Constants(file).value(node) == value


def test_a_shadowed_constant_is_not_evaluated():
    file = go("const size = 42\n\nfunc f() { size := 3; _ = make([]int, size) }\n")
    use = last(file, "identifier", "size")
    assert Constants(file).value(use) is None


@pytest.mark.parametrize("body, shadowed", [
    ("func f() { json.Marshal(nil) }", False),
    ("func f() { json := 1; json.Marshal(nil) }", True),
    ("func f(json int) { json.Marshal(nil) }", True),
    ("func f() { if json := g(); true { json.Marshal(nil) } }", True),
    ("func f() { for _, json := range xs { json.Marshal(nil) } }", True),
    ("func f() { var json T; json.Marshal(nil) }", True),
    ("func f() { { json := 1; _ = json }; json.Marshal(nil) }", False),
    ("func f() { switch json := x.(type) { case int: json.Marshal(nil) } }", True),
    ("func f() { select { case json := <-ch: json.Marshal(nil) } }", False),  # a receive binds in its clause
    ("func (json T) f() { json.Marshal(nil) }", True),
    ("func f() { g := func(json int) { json.Marshal(nil) }; _ = g }", True),
    ("func f() { json.Marshal(nil); json := 1; _ = json }", False),
])
def test_is_shadowed(body, shadowed):
    file = go(body, 'import "encoding/json"')
    operand = last(file, "selector_expression", "json.Marshal").child_by_field_name("operand")
    assert file.is_shadowed(operand) is shadowed
    assert (file.package_of(operand) is None) is shadowed


@pytest.mark.parametrize("body, expected", [
    ("var x = func() int { return 1 }()", "call"),
    ("func f() { defer func() {}() }", "defer"),
    ("func f() { go func() {}() }", "go"),
    ("var x = func() int { return 1 }", None),
    ("func f() { g(func() {}) }", None),
])
def test_invocation(body, expected):
    file = go(body)
    assert invocation(first(file, "function_literal")) == expected


@pytest.mark.parametrize("body, names", [
    ("func f() { b, err := io.ReadAll(r) }", ["b", "err"]),
    ("func f() { b, err = io.ReadAll(r) }", ["b", "err"]),
    ("var b, err = io.ReadAll(r)", ["b", "err"]),
    ("func f() { b += io.ReadAll(r) }", []),
    ("func f() { a, b := io.ReadAll(r), 2 }", []),
    ("func f() { g(io.ReadAll(r)) }", []),
])
def test_assigned_names(body, names):
    file = go(body)
    assert [text(n) for n in assigned_names(first(file, "call_expression", "io.ReadAll(r)"))] == names


@pytest.mark.parametrize("statement, ends", [
    ('panic("no")', True), ("os.Exit(1)", True), ('log.Fatalf("%v", x)', True), ('lo.Fatal("x")', True),
    ('logger.Panicw("x", "k", v)', True), ('log.Printf("%v", x)', False), ("exit(1)", False),
    ("x.Exit(1)", False), ('fmt.Println("x")', False), ("return", False), ('klog.Exitf("x")', True),
    ('klog.Infof("x")', False),
])
def test_ends_process(statement, ends):
    file = go(f"func f() {{\n{statement}\n}}", 'import ("log"; "os"; "k8s.io/klog/v2")')
    block = first(file, "block")
    assert ends_process(file, block.named_children[0]) is ends


def test_a_shadowed_panic_or_os_returns():
    file = go("func f(panic func(string), os T) {\npanic(\"x\")\nos.Exit(1)\n}", 'import "os"')
    assert not any(ends_process(file, s) for s in first(file, "block").named_children)


@pytest.mark.parametrize("target, root, through_dereference", [
    ("x", "x", False), ("x.f", "x", False), ("x[i].g", "x", False), ("(x).f", "x", False), ("x[1:]", "x", False),
    ("*p", None, False), ("*p", "p", True), ("f().x", None, False),
])
def test_root_identifier(target, root, through_dereference):
    file = go(f"func f() {{ {target} = v }}")
    left = first(file, "assignment").child_by_field_name("left").named_children[0]
    found = root_identifier(left, through_dereference)
    assert (text(found) if found is not None else None) == root


def test_mentions_skips_fields_strings_and_comments():
    file = go('func f() { s.rows = "rows" // rows\n}\nfunc g() { use(rows) }')
    f, g = [found["n"][0] for found in matches("(function_declaration) @n", file.root)]
    assert not mentions(file, f, "rows")
    assert mentions(file, g, "rows")
    assert [text(n) for n in identifier_uses(file, file.root, "rows")] == ["rows"]


@pytest.mark.parametrize("type_text, expected, through_pointer", [
    ("Config", ("", "Config"), True), ("*Config", ("", "Config"), True), ("*Config", None, False),
    ("cfg.Options", ("example.com/cfg", "Options"), True), ("Box[int]", ("", "Box"), True),
    ("(Config)", ("", "Config"), True), ("[]Config", None, True), ("int", None, True), ("T", None, True),
    ("other.Type", None, True),
])
def test_named_type(type_text, expected, through_pointer):
    file = go(f"func f[T any]() {{ var v {type_text}; _ = v }}", 'import "example.com/cfg"')
    type_node = first(file, "var_spec").child_by_field_name("type")
    params = type_parameters_in_scope(file, type_node)
    assert named_type(file, type_node, params, through_pointer) == expected


def test_named_type_of_a_type_written_as_an_expression():
    file = go("func f() { _ = new(cfg.Options); _ = new(Config) }", 'import "example.com/cfg"')
    arguments = [f["n"][0].named_children[0] for f in matches("(arguments) @n", file.root)]
    assert [named_type(file, a) for a in arguments] == [("example.com/cfg", "Options"), ("", "Config")]
    assert file.names_type(arguments[0], "example.com/cfg", "Options")
    assert not file.names_type(arguments[1], "example.com/cfg", "Options")


def test_result_types_and_type_parameters():
    file = go("func f() (a, b int, err error) { return }\nfunc (s *Set[K, V]) g() V { var z V; return z }")
    f = first(file, "function_declaration")
    assert [text(t) for t in result_types(f)] == ["int", "int", "error"]
    g = first(file, "method_declaration")
    assert [text(t) for t in result_types(g)] == ["V"]
    assert type_parameters_in_scope(file, g.child_by_field_name("body")) == {"K", "V"}


@pytest.mark.parametrize("expression, length_known", [
    ("users", True), ("byName", True), ("\"abc\"", True), ("n", True), ("feed", False), ("seq", False),
    ("strings.Split(s, \",\")", True), ("cfg.Routes", True), ("cfg.Next.Routes", True), ("snapshot()", True),
    ("users[1:]", True), ("unknown", False), ("reg.All", False), ("[3]int{}", True),
])
def test_file_types_length_known(expression, length_known):
    file = go(f"""
type Config struct {{ Routes []string; Next *Config }}
type Registry struct{{}}
func (r *Registry) All() iter.Seq[string] {{ return nil }}
func snapshot() []int {{ return nil }}
func f(users []string, byName map[string]int, n int, feed chan int, seq iter.Seq[int], cfg *Config, reg *Registry, s string) {{
    for range {expression} {{}}
}}""", 'import (\n"iter"\n"strings"\n)')
    right = first(file, "range_clause").child_by_field_name("right")
    types = FileTypes(file)
    assert types.length_known(types.of(right)) is length_known


@pytest.mark.parametrize("clause, expected", [
    ("case t := <-c:", "[]string"), ("case t, ok := <-c:", "[]string"), ("case x, t := <-c:", None), ("case t = <-c:", "int"),
    ("case t := <-names:", None),  # not a channel this file types
])
def test_file_types_of_a_received_value(clause, expected):
    file = go(f"""
func f(c chan []string, names any) {{
    var t int
    select {{
    {clause}
        _ = t
    }}
}}""")
    use = last(file, "identifier", "t")
    t = FileTypes(file).of(use)
    assert (text(t) if t is not None and not isinstance(t, str) else t) == expected


@pytest.mark.parametrize("clause, expected", [
    ("case []string:", "[]string"), ("case []string, []int:", None), ("case nil:", None),
])
def test_file_types_of_a_type_switch_alias(clause, expected):
    file = go(f"""
func f(v any) {{
    switch t := v.(type) {{
    {clause}
        _ = t
    }}
}}""")
    t = FileTypes(file).of(last(file, "identifier", "t"))
    assert (text(t) if t is not None else t) == expected


@pytest.mark.parametrize("holder, expected", [
    ("{ a := 1; b := 2 }", "a := 1"), ("switch { case a > 0: a := 1; b := 2 }", "a := 1"),
    ("switch { case b > 0: b := 2 }", None), ("select { case b := <-c: b := 2 }", None),
    ("switch x := v.(type) { case int: b := 2 }", None), ("switch { default: b := 2 }", None),
])
def test_previous_statement_stops_at_a_case_head(holder, expected):
    file = go(f"func f(v any, c chan int) {{ {holder} }}")
    statement = first(file, "short_var_declaration", "b := 2")
    assert text(previous_statement(statement)) == (expected or "")


@pytest.mark.parametrize("clause, count", [
    ("i := 0; i < 10; i++", 10), ("i := 0; i <= 10; i += 2", 6), ("bs := 128 << 10; bs <= 16 << 20; bs *= 2", 8),
    ("i := 1; i < N; i <<= 1", 40), ("n := 1024; n > 0; n /= 2", 11), ("n := 1024; n > 0; n >>= 1", 11),
    ("i := 10; i >= 0; i--", 11), ("i := 5; 0 < i; i -= 1", 5), ("i := 0; i != 9; i += 3", 3),
    ("i := 0; i < 1<<20; i++", 1 << 20), ("i := 5; i < 3; i++", 0), ("i := 1; i < 1 << 20; i *= 2", 20),
    ("i := 0; i != 10; i += 3", None),  # steps over its bound
    ("i := 0; i < 10; i--", None), ("i := 0; i < 10; i *= 2", None), ("i := 1; i > 0; i *= 1", None),
    ("i := 0; i < n; i++", None), ("i := 0; j < 10; i++", None), ("i := 0; i < 10; j++", None),
    ("i := 0; i < 10; i += n", None), ("i := 1; i < 10; i /= 0", None),
])
def test_trip_count(clause, count):
    file = go(f"const N = 1 << 40\nfunc f(n, j int) {{ for {clause} {{}} }}")
    assert trip_count(first(file, "for_clause"), Constants(file)) == count


def test_trip_count_caps_a_long_simulation():
    file = go("func f() { for i := 1; i < 1 << 60; i *= 2 {} }")
    assert trip_count(first(file, "for_clause"), Constants(file)) == 60
    assert trip_count(first(file, "for_clause"), Constants(file), limit=10) is None


def test_every_module_level_query_compiles_against_the_grammar():
    """A query naming a node kind or field the grammar lacks fails only when first run;
    this runs them all, so a grammar upgrade that renames a kind fails here, not in a user's run."""
    import importlib
    import pkgutil
    import re

    import golint_startup
    from golint_startup import rules as catalog
    from golint_startup.go.syntax import query

    compiled = 0
    for package in (golint_startup, catalog):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            for name, value in vars(importlib.import_module(info.name)).items():
                if isinstance(value, str) and name != "HELP" and "@" in value and re.match(r"\s*[\[(]", value):
                    query(value)
                    compiled += 1
    assert compiled >= 15


# --- embed --------------------------------------------------------------------------

from golint_startup.go.embed import embedded_data_variables, embedded_files, embedded_variables, human_size  # noqa: E402


@pytest.mark.parametrize("body, expected", [
    ("//go:embed a.txt b/*.json\nvar files embed.FS", {"files": ("a.txt", "b/*.json")}),
    ("var (\n\t//go:embed \"x y.txt\"\n\tspaced embed.FS\n\tother int\n)", {"spaced": ("x y.txt",)}),
    ("//go:embed a.txt\n//go:embed all:static\nvar two embed.FS", {"two": ("a.txt", "all:static")}),
    ("//go:embed a.txt\nvar text string", {}),  # not an FS: the data itself, no copy to make
    ("var bare embed.FS", {}),
    ("//go:embed a.txt\n\nvar apart embed.FS", {}),  # a blank line detaches the directive
])
def test_embedded_variables(body, expected):
    assert embedded_variables(go(body, 'import "embed"')) == expected


@pytest.mark.parametrize("body, expected", [
    ("//go:embed a.json\nvar raw []byte", {"raw": ("a.json",)}),
    ("var (\n\t//go:embed a.txt\n\ttext string\n\tother string\n)", {"text": ("a.txt",)}),
    ("//go:embed a.txt\nvar files embed.FS", {}),  # a file system, not the data
    ("//go:embed a.txt\nvar n int", {}),
    ("var bare []byte", {}),
])
def test_embedded_data_variables(body, expected):
    assert embedded_data_variables(go(body, 'import "embed"')) == expected
    assert embedded_data_variables(go(body, 'import _ "embed"')) == expected  # all a string or []byte needs
    assert embedded_data_variables(go(body)) == {}


def test_embedded_files(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.json").write_bytes(b"x" * 10)
    (tmp_path / "assets" / "b.json").write_bytes(b"x" * 20)
    (tmp_path / "assets" / ".hidden").write_bytes(b"x")
    (tmp_path / "top.txt").write_bytes(b"x" * 5)
    directory = str(tmp_path)
    assert embedded_files(directory, ("assets/*.json",)) == {"assets/a.json": 10, "assets/b.json": 20}
    assert embedded_files(directory, ("assets", "top.txt")) == {"assets/a.json": 10, "assets/b.json": 20,
                                                                "top.txt": 5}
    assert embedded_files(directory, ("all:assets",))["assets/.hidden"] == 1
    assert embedded_files(directory, ("missing/*.pb",)) is None  # names nothing here
    assert embedded_files(directory, ("../etc/passwd",)) is None
    assert embedded_files(directory, ("assets",), limit=2) is None  # the walk is capped


@pytest.mark.parametrize("size, expected", [(512, "512 bytes"), (7813, "8 KB"), (364 * 1024, "364 KB"),
                                            (3 * 1024 * 1024, "3.0 MB")])
def test_human_size(size, expected):
    assert human_size(size) == expected


@pytest.mark.parametrize("expression, required, answer", [
    ("dev", {"dev"}, True), ("dev && linux", {"dev"}, True), ("dev || prod", {"dev"}, False),
    ("!dev", {"dev"}, False), ("!!dev", {"dev"}, True), ("!(!dev || prod)", {"dev"}, True),
    ("linux && (dev || debug)", {"dev", "debug"}, True), ("!" * 3001 + "dev", {"dev"}, False),
])
def test_build_constraints(expression, required, answer):
    from golint_startup.go.buildtags import Constraint

    assert Constraint.parse(expression).requires_any(required) is answer


def test_a_build_constraint_nested_past_any_real_one_is_refused_not_a_crash():
    from golint_startup.go.buildtags import Constraint, ConstraintError

    with pytest.raises(ConstraintError):
        Constraint.parse("(" * 5000 + "dev" + ")" * 5000)


@pytest.mark.parametrize("body, source", [
    ('data, _ := os.ReadFile("f"); _ = probe(data)', "os.ReadFile"),
    ('data, _ := os.ReadFile("f"); lines := strings.Split(string(data), "\\n"); _ = probe(lines)', "os.ReadFile"),
    ('var doc struct{ Items []int }; _ = json.Unmarshal(nil, &doc); _ = probe(doc.Items)', "json.Unmarshal"),
    ('entries, _ := os.ReadDir("."); _ = probe(len(entries))', "os.ReadDir"),
    ('var lines []string; sc := bufio.NewScanner(os.Stdin); for sc.Scan() { lines = append(lines, sc.Text()) }; '
     '_ = probe(lines)', "sc.Scan"),
    ('_ = probe(param)', None),  # a parameter: its size is the caller's
    ('_ = probe(os.Args)', None),
    ('xs := []int{1, 2}; _ = probe(xs)', None),
    ('_ = probe(pkgVar)', None),
    ('_ = probe(strings.Split(os.Getenv("X"), ","))', None),
    ('_ = probe(data); data, _ := os.ReadFile("f")', None),  # written only after the use
])
def test_input_source(body, source):
    file = go(f"var pkgVar []int\nfunc f(param []int) {{ {body} }}",
              'import ("bufio"; "encoding/json"; "os"; "strings")')
    probe = next(f["n"][0] for f in matches("(call_expression) @n", file.root) if text(f["n"][0]).startswith("probe("))
    assert input_source(file, probe.child_by_field_name("arguments").named_children[0]) == source


# --- SL002's measurable-work tables (library.py) ---------------------------------------

@pytest.mark.parametrize("table, path, name", [
    ("READ_CALLS", "os", "ReadFile"), ("READ_CALLS", "os", "OpenFile"), ("READ_CALLS", "os", "ReadDir"),
    ("READ_CALLS", "io", "ReadAll"), ("READ_CALLS", "io/ioutil", "ReadAll"), ("READ_CALLS", "io/fs", "WalkDir"),
    ("READ_CALLS", "path/filepath", "Glob"), ("READ_CALLS", "path/filepath", "Walk"),
    ("DECODE_CALLS", "encoding/json", "Unmarshal"), ("DECODE_CALLS", "gopkg.in/yaml.v2", "UnmarshalStrict"),
    ("DECODE_CALLS", "sigs.k8s.io/yaml", "Unmarshal"), ("DECODE_CALLS", "github.com/BurntSushi/toml", "DecodeFile"),
    ("DECODE_CALLS", "google.golang.org/protobuf/proto", "Unmarshal"),
    ("COMPILE_CALLS", "regexp", "MustCompile"), ("COMPILE_CALLS", "html/template", "ParseFS"),
    ("COMPILE_CALLS", "text/template", "ParseGlob"), ("PROCESS_CONSTRUCTORS", "os/exec", "CommandContext"),
])
def test_measurable_work_tables_list_the_work(table, path, name):
    from golint_startup.go import library

    assert name in getattr(library, table)[path]


def test_measurable_work_tables_extend_the_decoder_and_file_tables_not_copy_them():
    from golint_startup.go import library

    for path, names in {**library.DECODE_FUNCTIONS, **library.BINARY_DECODE_FUNCTIONS}.items():
        assert names <= library.DECODE_CALLS[path], path
    for path, names in library.FILE_READS.items():
        assert path not in library.READ_CALLS or names <= library.READ_CALLS[path], path


def test_network_calls_are_not_measurable_work():
    from golint_startup.go import library

    tables = (library.READ_CALLS, library.DECODE_CALLS, library.COMPILE_CALLS, library.PROCESS_CONSTRUCTORS)
    assert not any(path in table for table in tables for path in ("net", "net/http", "database/sql"))
    assert not {"Get", "Do", "Dial"} & (library.READ_METHODS | library.PROCESS_METHODS | library.TEMPLATE_PARSE_METHODS)


@pytest.mark.parametrize("source, support", [
    # a test server helper: httptest beside testing
    ('package fake\n\nimport (\n\t"net/http/httptest"\n\t"testing"\n)\n\n'
     'func Server(t *testing.T) *httptest.Server { return httptest.NewServer(nil) }\n', True),
    # production code serving with httptest (a self-signed TLS fallback): not test support
    ('package server\n\nimport "net/http/httptest"\n\n'
     'func Listen() { s := httptest.NewUnstartedServer(nil); s.StartTLS() }\n', False),
    ('package fake\n\nimport "github.com/stretchr/testify/assert"\n\nvar _ = assert.Equal\n', True),
])
def test_test_support_by_imports(source, support):
    assert parse("x.go", source.encode()).is_test_support is support
