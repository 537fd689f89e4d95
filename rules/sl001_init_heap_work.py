"""SL001 init-heap-work: decoding, I/O, compilation and big allocations during package initialization."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field, replace

from golint_startup.go.constants import Constants
from golint_startup.go.embed import embedded_files, embedded_variables, human_size
from golint_startup.go.gofile import GoFile
from golint_startup.go.imports import default_package_name
from golint_startup.go.library import BINARY_DECODE_FUNCTIONS, BURNTSUSHI_TOML, DECODE_FUNCTIONS, GO_TOML, HTTP, \
    STREAM_DECODERS, TEMPLATES, VIPER
from golint_startup.go.syntax import ancestors, invocation, matches, text, unparen, values_of
from golint_startup.engine.cache_format import register
from golint_startup.rule import MODULE_FILES, Finding, Location, Option, Rule, location_of

_VIPER_LOADS = frozenset({"ReadInConfig", "ReadConfig", "ReadRemoteConfig"})
_TEMPLATE_PARSES = frozenset({"Parse", "ParseFiles", "ParseGlob", "ParseFS"})
_HTTP_CALLS = frozenset({"Get", "Post", "Do"})

# What a flagged call costs, by kind: (level, verb phrase).
_DECODE = ("warning", "decodes data")
_FILE = ("warning", "reads a file")
_OPEN = ("warning", "opens a file")
_DIRECTORY = ("warning", "reads a directory")
_NETWORK = ("warning", "makes a network request")
_DIAL = ("warning", "opens a network connection")
_SQL = ("warning", "creates a database connection pool (a *sql.DB and its connection-opener goroutine)")
_CONFIG = ("warning", "loads configuration")
_COMPILE_REGEXP = ("note", "compiles a regular expression")
_COMPILE_TEMPLATE = ("note", "parses a template")
_PARSE_TEMPLATE_FILES = ("note", "reads and parses template files")

# import path -> package-level function -> cost.
_PACKAGE_FUNCTIONS: dict[str, dict[str, tuple[str, str]]] = {
    path: {name: _CONFIG if path == VIPER else _DECODE for name in names}
    for path, names in DECODE_FUNCTIONS.items()
}
_PACKAGE_FUNCTIONS.update({path: {name: _DECODE for name in names} for path, names in BINARY_DECODE_FUNCTIONS.items()})
_PACKAGE_FUNCTIONS[GO_TOML].update({name: _DECODE for name in ("Load", "LoadBytes", "LoadReader")})
_PACKAGE_FUNCTIONS[GO_TOML]["LoadFile"] = _FILE
_PACKAGE_FUNCTIONS[BURNTSUSHI_TOML]["DecodeFile"] = _FILE
_PACKAGE_FUNCTIONS[VIPER].update({name: _CONFIG for name in _VIPER_LOADS})
_PACKAGE_FUNCTIONS.update({
    "os": {"ReadFile": _FILE, "Open": _OPEN, "ReadDir": _DIRECTORY},
    "io/ioutil": {"ReadFile": _FILE, "ReadDir": _DIRECTORY, "ReadAll": ("warning", "reads a whole stream into memory")},
    "io": {"ReadAll": ("warning", "reads a whole stream into memory")},
    HTTP: {"Get": _NETWORK, "Post": _NETWORK},
    "database/sql": {"Open": _SQL},
    "net": {"Dial": _DIAL},
    "regexp": {"MustCompile": _COMPILE_REGEXP, "Compile": _COMPILE_REGEXP, "MustCompilePOSIX": _COMPILE_REGEXP},
})
for _path in TEMPLATES:
    _PACKAGE_FUNCTIONS[_path] = {"Must": _COMPILE_TEMPLATE, "ParseFiles": _PARSE_TEMPLATE_FILES,
                                 "ParseGlob": _PARSE_TEMPLATE_FILES, "ParseFS": _COMPILE_TEMPLATE}

# Receivers the rule can recognize without type information: values built by these
# package functions (directly, in a method chain, or through a variable set from one).
_CONSTRUCTOR_KINDS = {
    **{(path, "NewDecoder"): "decoder" for path in STREAM_DECODERS},
    (VIPER, "New"): "viper",
    (VIPER, "GetViper"): "viper",
    **{(path, name): "template" for path in TEMPLATES
       for name in ("New", "Must", "ParseFiles", "ParseGlob", "ParseFS")},
}
# Template methods that return the template again (so a chain stays a template).
_TEMPLATE_CHAIN = frozenset({"New", "Funcs", "Delims", "Option", "Lookup", "Parse", "ParseFiles",
                             "ParseGlob", "ParseFS", "Clone"})

HELP = """\
## What it does
Flags expensive work done while a package is initialized: in the body of a package-level
`func init()` (a method named `init` does not count) and in package-level `var`
initializers, including function literals that are invoked on the spot
(`var x = func() T {...}()`, or `defer func() {...}()` in `init`). Function literals
that are only stored (`var f = func() {...}`), passed to another function, or started
with `go` are not run by initialization itself and are not checked.

Flagged calls (imports are matched by path, so `re "regexp"` is `regexp`, and a
function of your own package named `ReadFile` is not):
- decoding: `encoding/json` and `encoding/xml` `Unmarshal`; `NewDecoder(r).Decode(&v)` of
  `encoding/json`, `encoding/xml`, `encoding/gob`, `gopkg.in/yaml.v2|v3`,
  `github.com/BurntSushi/toml` and `github.com/pelletier/go-toml/v2`; `Unmarshal` of
  `gopkg.in/yaml.v2|v3` and `sigs.k8s.io/yaml`; `github.com/BurntSushi/toml` `Decode*`
  and `Unmarshal`; `github.com/pelletier/go-toml(/v2)` `Unmarshal` (and v1 `Load*`);
- file and network I/O: `os.ReadFile`, `os.Open`, `ioutil.ReadFile`, `ioutil.ReadAll`,
  `io.ReadAll`, `http.Get`, `http.Post`, `Get`/`Post`/`Do` on `http.DefaultClient` or an
  `http.Client` literal, `sql.Open`, `net.Dial`;
- configuration loading: `viper` `ReadInConfig`, `ReadConfig`, `ReadRemoteConfig`,
  `Unmarshal`, `UnmarshalKey`, `UnmarshalExact` (package-level, or on a `*viper.Viper`
  from `viper.New()` / `viper.GetViper()`);
- reading an embedded file: `ReadFile` on a package-level `embed.FS` variable with a
  `//go:embed` directive in the same file, or `fs.ReadFile` on one; when the directive's
  patterns resolve to files next to the Go file, the message gives the file's size (or
  the total of the embedded files when the name is not a literal), and a read of less
  than `min-embedded-bytes` is not reported. `ReadDir` on such a variable only lists
  names and is not reported;
- `os.ReadDir` and `ioutil.ReadDir` (a directory read); protobuf and msgpack
  `Unmarshal` (`google.golang.org/protobuf/proto`, `github.com/golang/protobuf/proto`,
  `github.com/vmihailenco/msgpack`);
- compilation, at level **note**, **once per package**: `regexp.MustCompile`, `Compile`,
  `MustCompilePOSIX`; `text/template` and `html/template` `Must` and `Parse*` (a
  `template.Must(...)` counts once, not again for the `Parse` inside it). A package is
  reported only when its initialization, over all its files, compiles at least
  `min-compiles` of them: at the first one in file order, with the count in the message
  and every other one as a related location;
- `make` whose length or capacity is a constant of at least `min-make-elements`
  elements (literals, constant arithmetic such as `1 << 20`, and constants declared at
  the top of the same file are evaluated);
- `append` inside a loop, once per loop (the other appends of the loop are related
  locations), unless the slice was made earlier in the same initializer (or at package
  level) with an explicit capacity (`s := make([]T, 0, n)`), or the loops around it
  run fewer than `min-literal-elements` times in all, as the file spells out: a range over
  a composite literal (or a variable of the same file whose value is one), over an
  integer constant, or a counted loop between constants.

Cheap idioms are not flagged: `errors.New`, `fmt.Errorf`, `flag.*`, small literals,
`sync.Pool{}`, `template.New`, `strings.NewReplacer` (measured below), and calls of your
own functions (the rule does not follow calls).

## Why it matters at startup
Package initialization runs before `main`, sequentially, on a single goroutine, one
package after another in dependency order. Every `init` and `var` initializer of every
imported package runs to completion before `main` starts, whether or not this run of the
program needs the result. Consequences:
- the time adds directly to startup (and to readiness), and a blocking call (a network
  request, a dial, a slow disk) blocks the whole program;
- everything allocated is on the heap before `main` can call `debug.SetMemoryLimit` or
  `debug.SetGCPercent` (only the `GOGC` and `GOMEMLIMIT` environment variables are in
  effect that early), and values kept in package variables stay live for the life of
  the process;
- a failure can only be ignored or end the process (`panic`, `log.Fatal`): `main`
  never gets a chance to report it, retry, or fall back to defaults.

`GODEBUG=inittrace=1 ./yourprogram` prints one line per package with the time spent and
the bytes and allocations made by its initialization: the dynamic counterpart of this
rule, and the way to see which findings matter.

What the thresholds rest on: a Go 1.26.8 program on linux/amd64 whose packages each do
one kind of work in `func init`, run five times with `GODEBUG=inittrace=1` (the ranges
are over the runs):
- regexps (typical patterns: version numbers, URLs, identifiers, ANSI escapes): 1 costs
  2.7 KB and 0.08-0.12 ms (the first one pays for warming up), 10 cost 63 KB and
  0.21-0.28 ms, 50 cost 278 KB and 0.50-0.78 ms: about 6 KB and 10-25 µs each. Five
  `text/template` parses of a one-line template with `range`/`if`: 23 KB, 0.08-0.16 ms.
  One compile is noise next to the several MB a typical binary's dependencies allocate
  in init; `min-compiles` = 20 (at least 120 KB and a quarter to half a millisecond) is
  where a package's own compilations become a line worth reading in the trace. Two
  packages above it, measured the same way: `github.com/asaskevich/govalidator` (58
  validation patterns) spends 951 KB and 3.1-13 ms in init, and
  `github.com/microcosm-cc/bluemonday/css` (42 patterns) 489 KB and 1.5 ms: long
  patterns cost far more than short ones;
- reading a 490 KB embedded file with `embed.FS.ReadFile` and converting it to a
  string: 983 KB (two copies) and 0.8-1.0 ms. `min-embedded-bytes` = 64 KB, two copies
  of which are about what `min-compiles` regexps cost;
- appending 64, 256, 1024 and 8192 elements one at a time to a `[]string` and an `[]int`
  from empty: 3.2 KB, 13 KB, 85 KB and 745 KB. Under 256 elements
  (`min-literal-elements`) the regrowth costs less than two regexp compiles;
- decoding about 26-32 KB of gob, msgpack and protobuf (a map of 1000 strings): 140 KB,
  123 KB and 245 KB, 0.2-0.9 ms: like JSON, several times the input, so they count as
  decoding;
- `os.ReadDir` of a 60-entry directory: 15 KB and 0.1 ms, but it is I/O on a path that
  may not exist in the container; `ReadDir` of an embedded directory of 60 files: 1 KB
  and 0.01 ms (a slice of entries pointing into the binary), so it is not reported;
- `strings.NewReplacer` with five pairs: 320 bytes and no measurable time: not flagged.

## Example
```go
var config = loadConfig() // not followed: a call of your own function

var routes = regexp.MustCompile(`^/api/v[0-9]+/`) // SL001 (note) if the package compiles 20 or more

//go:embed catalog.json
var files embed.FS

func init() {
    data, err := os.ReadFile("/etc/app/config.json") // SL001
    if err != nil {
        panic(err)
    }
    if err := json.Unmarshal(data, &settings); err != nil { // SL001
        panic(err)
    }
    cache = make(map[string]*Entry, 1<<20) // SL001: 1048576 elements
    raw, _ := files.ReadFile("catalog.json") // SL001: copies 'catalog.json' (364 KB)
    catalog = string(raw)
}
```

## How to fix
Do the work in `main` (or in a constructor `main` calls), where errors can be returned
and the GC can be tuned first:
```go
func main() {
    debug.SetMemoryLimit(limitFromCgroup())
    cfg, err := loadConfig("/etc/app/config.json")
    if err != nil {
        log.Fatal(err)
    }
}
```
For values only some runs need, compute them on first use with
`sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(...) })`.
A pattern or template every run needs anyway can stay where it is: that is what the
note level says. Embedded data needs no copy at all when the variable is a `string` or
`[]byte` with the `//go:embed` directive itself (`//go:embed catalog.json` above
`var catalog string`): it then points into the binary.

## Options
- `min-make-elements` (integer, default `65536`): the smallest constant length or
  capacity of a `make` that is flagged.
- `min-compiles` (integer, default `20`): the fewest regexp and template compilations
  in one package's initialization that are reported (once, for the package).
- `min-literal-elements` (integer, default `256`): the fewest iterations (of all the
  loops around an append, multiplied) that are reported when the file spells the count out.
- `min-embedded-bytes` (integer, default `65536`): the smallest embedded file, or total
  of embedded files, whose `ReadFile` in initialization is reported when its size is known.
"""

_CALLS = "(call_expression function: (_) @function arguments: (arguments) @args) @call"

_ASSIGNMENTS = """
(short_var_declaration left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))
(assignment left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))
(var_spec name: (identifier) @name . value: (expression_list . (_) @value .))
"""

_LOOPS = {"for_statement"}


def _runs_during_init(file: GoFile, node, context) -> tuple[bool, list]:
    """(runs while the package initializes, the loops around it from the inside out) for a
    node within `context`.

    A function literal runs only when it is called on the spot (`func(){...}()`, also
    deferred); one that is stored, passed on, or started with `go` does not.
    """
    loops = []
    holders = ancestors(file, node)
    for index, parent in enumerate(holders):
        child = holders[index - 1] if index else node
        if child == context:
            break
        if child.type == "function_literal" and invocation(child, holders[index:index + 2]) in (None, "go"):
            return False, []
        if parent.type in _LOOPS and child == parent.child_by_field_name("body"):
            loops.append(parent)
    return True, loops


_FILE_VARS = """
(source_file (var_declaration
  (var_spec name: (identifier) @name . value: (expression_list . (_) @value .))))
"""


class _Receivers:
    """What kind of value a method is called on: a decoder, a viper, a template, an HTTP client.

    Variables are known by the value last assigned to them: package-level ones from their
    initializer, locals of the init context from `v := ...`, `v = ...` or `var v = ...`.
    """

    def __init__(self, file: GoFile):
        self.file = file
        self._package_vars: dict[str, str] | None = None
        self._context = None
        self._context_vars: dict[str, str] = {}

    def _assigned(self, pattern: str, scope) -> dict[str, str]:
        kinds = {}
        for found in matches(pattern, scope):
            kind = self.kind(found["value"][0], None)
            if kind is not None:
                kinds[text(found["name"][0])] = kind
        return kinds

    def kind(self, node, context, depth: int = 0) -> str | None:
        if node is None or depth > 30:
            return None
        while node.type in {"parenthesized_expression", "unary_expression"} and node.named_children:
            node = node.child_by_field_name("operand") or node.named_children[0]
        if node.type == "identifier":
            if context is None:
                return None
            if self._package_vars is None:
                self._package_vars = self._assigned(_FILE_VARS, self.file.root)
            if context is not self._context:
                self._context = context
                self._context_vars = self._assigned(_ASSIGNMENTS, context)
            name = text(node)
            return self._context_vars.get(name) or self._package_vars.get(name)
        if node.type == "selector_expression":  # http.DefaultClient
            operand = node.child_by_field_name("operand")
            if operand.type == "identifier" and self.file.package_of(operand) == HTTP \
                    and text(node.child_by_field_name("field")) == "DefaultClient":
                return "http"
            return None
        if node.type == "composite_literal":  # http.Client{...}, &http.Client{...}
            type_node = node.child_by_field_name("type")
            if type_node is not None and type_node.type == "qualified_identifier" and \
                    text(type_node.child_by_field_name("name")) == "Client" and \
                    self.file.imports.get(text(type_node.child_by_field_name("package"))) == HTTP:
                return "http"
            return None
        if node.type == "call_expression":
            callee = self.file.callee(node)
            if callee is not None and callee[0]:
                return _CONSTRUCTOR_KINDS.get(callee)
            function = node.child_by_field_name("function")
            if function is not None and function.type == "selector_expression" and \
                    text(function.child_by_field_name("field")) in _TEMPLATE_CHAIN and \
                    self.kind(function.child_by_field_name("operand"), context, depth + 1) == "template":
                return "template"
        return None


_METHODS_OF_INTEREST = frozenset({"Decode", *_VIPER_LOADS, *DECODE_FUNCTIONS[VIPER], *_TEMPLATE_PARSES,
                                  *_HTTP_CALLS})
_NAMES_OF_INTEREST = _METHODS_OF_INTEREST.union(*(functions.keys() for functions in _PACKAGE_FUNCTIONS.values()))


def _classify(file: GoFile, function, context, receivers: _Receivers) -> tuple[str, str, str] | None:
    """(level, what it costs, how to name it) for a flagged `x.F(...)` call, or None."""
    name = text(function.child_by_field_name("field"))
    if name not in _NAMES_OF_INTEREST:
        return None  # most calls: a cheap check before resolving the package
    operand = function.child_by_field_name("operand")
    if operand.type == "identifier":
        path = file.package_of(operand)
        if path is not None:
            cost = _PACKAGE_FUNCTIONS.get(path, {}).get(name)
            return (*cost, f"{default_package_name(path)}.{name}") if cost else None
    if name not in _METHODS_OF_INTEREST:
        return None
    kind = receivers.kind(operand, context)
    if kind == "decoder" and name == "Decode":
        return (*_DECODE, "NewDecoder(...).Decode")
    if kind == "viper" and (name in _VIPER_LOADS or name in DECODE_FUNCTIONS[VIPER]):
        return (*_CONFIG, f"(*viper.Viper).{name}")
    if kind == "template" and name in _TEMPLATE_PARSES:
        cost = _PARSE_TEMPLATE_FILES if name in {"ParseFiles", "ParseGlob"} else _COMPILE_TEMPLATE
        return (*cost, f"(*template.Template).{name}")
    if kind == "http" and name in _HTTP_CALLS:
        return (*_NETWORK, f"(*http.Client).{name}")
    return None


def _preallocations(scope, pattern: str, constants: Constants) -> dict[str, int]:
    """Variables assigned `make(T, n, capacity)` in `scope`, with where that happens."""
    found = {}
    for match in matches(pattern, scope):
        value = match["value"][0]
        function = value.child_by_field_name("function") if value.type == "call_expression" else None
        args = value.child_by_field_name("arguments") if function is not None else None
        if function is None or text(function) != "make" or args is None or len(args.named_children) != 3:
            continue
        if constants.value(args.named_children[2]) != 0:
            found[text(match["name"][0])] = value.start_byte
    return found


def _appends_to_preallocated(file: GoFile, context, call, constants: Constants) -> bool:
    """Whether `v = append(v, ...)` grows a slice made earlier with an explicit capacity.

    Such a slice is not reallocated while it fits: the loop is not the problem.
    """
    args = call.child_by_field_name("arguments").named_children
    if not args or args[0].type != "identifier":
        return False
    name = text(args[0])
    local = _preallocations(context, _ASSIGNMENTS, constants).get(name)
    if local is not None:
        return local < call.start_byte
    return name in _preallocations(file.root, _FILE_VARS, constants)


def _is_builtin(file: GoFile, function, name: str) -> bool:
    return function.type == "identifier" and text(function) == name and not file.is_shadowed(function)


def _where(context) -> str:
    return "func init" if context.type == "block" else "a package-level var initializer"


def _init_contexts(file: GoFile):
    """Bodies of top-level `func init()` and top-level `var` declarations.

    A loop over the top-level declarations, not a query: a query anchored at the file
    still walks the whole tree.
    """
    for kind, node in file.declarations:
        if kind == "var_declaration":
            yield node
        elif kind == "function_declaration" and text(node.child_by_field_name("name")) == "init":
            body = node.child_by_field_name("body")
            if body is not None:
                yield body


class _LiteralSizes:
    """How many times a loop runs when the file spells it out: a range over a composite
    literal, over a variable whose value is one (package-level, or assigned in the init
    context), over an integer constant, or a counted loop between constants."""

    def __init__(self, file: GoFile, constants: Constants):
        self.file, self.constants = file, constants
        self._package_values = None

    def _literal_of(self, ident, context):
        name = text(ident)
        if self.file.is_shadowed(ident):
            values = [found["value"][0] for found in matches(_ASSIGNMENTS, context)
                      if text(found["name"][0]) == name]
            return values[0] if len(values) == 1 else None
        if self._package_values is None:
            self._package_values = {}
            for found in matches(_FILE_VARS, self.file.root):
                self._package_values.setdefault(text(found["name"][0]), []).append(found["value"][0])
        values = self._package_values.get(name, [])
        return values[0] if len(values) == 1 else None

    def iterations(self, loop, context) -> int | None:
        clause = next((c for c in loop.named_children if c.type in {"range_clause", "for_clause"}), None)
        if clause is None:
            return None
        if clause.type == "for_clause":
            return self._counted(clause)
        right = unparen(clause.child_by_field_name("right"))
        if right is not None and right.type == "identifier":
            literal = self._literal_of(right, context)
            if literal is not None and literal.type == "composite_literal":
                right = literal
        if right is None:
            return None
        if right.type == "composite_literal":
            body = right.child_by_field_name("value")
            return len(values_of(body)) if body is not None else 0
        return self.constants.value(right)

    def _counted(self, clause) -> int | None:
        initializer = clause.child_by_field_name("init_statement")
        condition = unparen(clause.child_by_field_name("condition"))
        if initializer is None or initializer.type != "short_var_declaration" or condition is None \
                or condition.type != "binary_expression":
            return None
        starts = values_of(initializer.child_by_field_name("right"))
        operator = text(condition.child_by_field_name("operator"))
        if len(starts) != 1 or operator not in {"<", "<="}:
            return None
        start, bound = self.constants.value(starts[0]), self.constants.value(condition.child_by_field_name("right"))
        if start is None or bound is None:
            return None
        return max(0, bound - start + (operator == "<="))


def _scan(file: GoFile, options: dict, compilations: list | None = None, embedded: list | None = None):
    """Findings of the per-file checks. Compilations and embedded-file reads, which are
    judged per package, are appended to the lists given instead (when given)."""
    threshold = options["min-make-elements"]
    constants = Constants(file)
    receivers = _Receivers(file)
    sizes = _LiteralSizes(file, constants)
    embedded_vars = embedded_variables(file) if embedded is not None else {}
    for context in _init_contexts(file):
        reported_ranges: list[tuple[int, int]] = []
        where = _where(context)
        loops: dict[int, list] = {}  # innermost loop -> [loops from the inside out, appends]
        # Every call has a "(": without one there is nothing to find, and a query over a
        # long literal costs tree-sitter more than linear time in its length.
        has_call = file.source.find(b"(", context.start_byte, context.end_byte) >= 0
        for found in matches(_CALLS, context) if has_call else ():
            call, function = found["call"][0], found["function"][0]
            if any(start <= call.start_byte and call.end_byte <= end for start, end in reported_ranges):
                continue  # the Parse inside a reported template.Must(...)
            if function.type == "identifier":
                if text(function) not in {"make", "append"}:
                    continue
                runs, enclosing = _runs_during_init(file, call, context)
                if not runs:
                    continue
                if _is_builtin(file, function, "append") and enclosing:
                    if not _appends_to_preallocated(file, context, call, constants):
                        loops.setdefault(enclosing[0].id, [enclosing, []])[1].append(call)
                elif _is_builtin(file, function, "make"):
                    args = found["args"][0].named_children
                    sizes_found = [v for v in (constants.value(a) for a in args[1:3]) if v is not None]
                    if sizes_found and max(sizes_found) >= threshold:
                        yield RULE.finding(
                            file.path, call,
                            f"make with {max(sizes_found)} elements in {where} allocates the whole backing store "
                            "while the package initializes, before main: it is on the heap for as long as "
                            "the variable holding it lives, whether or not this run uses it "
                            f"(min-make-elements is {threshold}); allocate it where it is first needed")
                continue
            if function.type != "selector_expression":
                continue
            if embedded_vars:
                read = _embedded_read(file, function, found["args"][0], embedded_vars)
                if read is not None and _runs_during_init(file, call, context)[0]:
                    embedded.append((location_of(file.path, call), where, *read))
                    continue
            flagged = _classify(file, function, context, receivers)
            if flagged is None or not _runs_during_init(file, call, context)[0]:
                continue
            level, cost, name = flagged
            if name.endswith(".Must"):
                reported_ranges.append((call.start_byte, call.end_byte))
            if level == "note":
                if compilations is not None:
                    compilations.append((location_of(file.path, call), name, cost))
                continue
            yield RULE.finding(file.path, call, f"{name} in {where} {cost} while the package initializes, "
                                                f"before main: {_WORK_ADVICE}")
        yield from _loop_findings(file, loops, context, where, sizes, options["min-literal-elements"])


def _loop_findings(file: GoFile, loops: dict, context, where: str, sizes: _LiteralSizes, minimum: int):
    """One finding per loop that appends, unless the loops around it run a literal's few times."""
    for enclosing, appends in loops.values():
        total = 1
        for loop in enclosing:
            count = sizes.iterations(loop, context)
            if count is None:
                total = None
                break
            total *= count
        if total is not None and total < minimum:
            continue
        targets = sorted({text(values_of(a.child_by_field_name("arguments"))[0]) for a in appends
                          if values_of(a.child_by_field_name("arguments"))})
        what = f"{len(appends)} appends" if len(appends) > 1 else "append"
        verb = "grow the slice" if len(appends) > 1 else "grows the slice"
        runs = f", {total} iterations" if total is not None else ""
        yield RULE.finding(
            file.path, appends[0],
            f"{what} inside a loop in {where} ({', '.join(targets) or 'a slice'}{runs}) {verb} while "
            "the package initializes, before main: each time it outgrows its capacity it is reallocated and "
            "copied, and the old arrays are garbage before main can set a memory limit or tune GOGC; "
            "preallocate with make(T, 0, n) or build it in main",
            related=tuple(location_of(file.path, a, "another append in the same loop") for a in appends[1:]))


def _embedded_read(file: GoFile, function, args, embedded_vars: dict) -> tuple | None:
    """(call name, embed variable, file name or None, patterns) for `fsys.ReadFile(name)` or
    `fs.ReadFile(fsys, name)` on a package-level `//go:embed` variable."""
    name = text(function.child_by_field_name("field"))
    operand = function.child_by_field_name("operand")
    if name != "ReadFile" or operand.type != "identifier":
        return None
    arguments = values_of(args)
    if file.package_of(operand) == "io/fs" and len(arguments) == 2:
        variable, argument, call_name = arguments[0], arguments[1], "fs.ReadFile"
    elif len(arguments) == 1:
        variable, argument, call_name = operand, arguments[0], "(embed.FS).ReadFile"
    else:
        return None
    if variable.type != "identifier" or text(variable) not in embedded_vars or file.is_shadowed(variable):
        return None
    literal = argument.type in {"interpreted_string_literal", "raw_string_literal"} and "\\" not in text(argument)
    return call_name, text(variable), text(argument)[1:-1] if literal else None, embedded_vars[text(variable)]


def check(file: GoFile, options: dict):
    yield from _scan(file, options)


@register(name="SL001.Facts")
@dataclass
class _Facts:
    package: str
    # (where, call name such as regexp.MustCompile, what it costs)
    compilations: list = field(default_factory=list)
    # (where, "func init" or "a package-level var initializer", call name, embed variable,
    #  file name or None, the variable's //go:embed patterns)
    embedded: list = field(default_factory=list)


def collect(file: GoFile, options: dict) -> _Facts | None:
    if not file.imports_path("regexp", "embed", *TEMPLATES):
        return None
    facts = _Facts(file.package)
    for _ in _scan(file, options, facts.compilations, facts.embedded):
        pass  # the per-file findings are check's
    return facts if facts.compilations or facts.embedded else None


def check_project(project, options: dict):
    packages: dict[tuple[str, str], list[tuple[str, _Facts]]] = defaultdict(list)
    for path, facts in project.facts.items():
        if facts is not None:
            packages[(os.path.dirname(project.abspaths[path]), facts.package)].append((path, facts))
    for (directory, package), files in packages.items():
        compilations = sorted(c for _, facts in files for c in facts.compilations)
        finding = _compilation_finding(package, compilations, project.reported, options["min-compiles"])
        if finding is not None:
            yield finding
        for _, facts in files:
            for where, context, call_name, variable, wanted, patterns in facts.embedded:
                finding = _embedded_finding(directory, where, context, call_name, variable, wanted, patterns,
                                            options["min-embedded-bytes"])
                if finding is not None:
                    yield finding


def _compilation_finding(package: str, compilations: list, reported: set, minimum: int) -> Finding | None:
    """One finding for a package that compiles at least `minimum` patterns and templates while it
    initializes: at the first one in a reported file, with the others as related locations."""
    if len(compilations) < minimum:
        return None
    first = next((c for c in compilations if c[0].path in reported), None)
    if first is None:
        return None
    regexps = sum(1 for _, name, _ in compilations if name.startswith("regexp."))
    templates = len(compilations) - regexps
    counted = " and ".join(part for part in (
        f"{regexps} regular expression{'s' * (regexps != 1)}" if regexps else "",
        f"{templates} template{'s' * (templates != 1)}" if templates else "") if part)
    related = tuple(replace(where, message=f"{name}: {cost}") for where, name, cost in compilations
                    if where != first[0])
    return Finding(RULE.id, (
        f"package {package} compiles {counted} while it initializes, before main ({first[1]} here, the others "
        f"are related locations; min-compiles is {minimum}): a short pattern costs about 6 KB and 10-25 µs, a "
        "long one (URL, e-mail) several times that, so at least "
        f"{len(compilations) * 6} KB on every start of every program importing the package, whether or not "
        "this run uses them; compile the ones only some runs need on first use with sync.OnceValue"),
        first[0], level="note", related=related)


def _embedded_finding(directory: str, where: Location, context: str, call_name: str, variable: str,
                      wanted: str | None, patterns: tuple, minimum: int) -> Finding | None:
    files = embedded_files(directory, patterns)
    size = None
    if files is not None:
        if wanted is not None:
            size = files.get(wanted.lstrip("./") if wanted.startswith("./") else wanted)
        elif files:
            size = sum(files.values())
    if size is not None and size < minimum:
        return None
    if size is None:
        what = f"copies {f'{wanted!r} ' if wanted else 'an embedded file '}from {variable} onto the heap"
    elif wanted is not None:
        what = f"copies {wanted!r} ({human_size(size)}) from {variable} onto the heap"
    else:
        what = f"copies files of {variable} onto the heap (they total {human_size(size)})"
    return Finding(RULE.id, (
        f"{call_name} in {context} {what} while the package initializes, before main: embedded data is "
        "in the binary's read-only memory, and ReadFile returns a fresh copy (a string conversion makes a second "
        "one), which stays live as long as a package variable holds it, in every program that imports the "
        "package; read it where it is needed, or keep it as a string or []byte variable with //go:embed "
        "(no copy at all)"), where, level="warning")


_WORK_ADVICE = ("initialization runs on one goroutine and blocks every later package and main, its "
                "allocations reach the heap before main can set a memory limit, and a failure can only "
                "end the process or be ignored; do it in main or on first use")
RULE = Rule(
    id="SL001",
    name="init-heap-work",
    level="warning",
    summary="expensive work during package initialization (init or package-level var)",
    description="Decoding, file or network I/O, config loading, regexp/template compilation, large makes and "
                "appends in loops inside func init or package-level var initializers run before main, "
                "sequentially, on one goroutine, and allocate before main can tune the GC. Do the work in main "
                "or on first use.",
    help=HELP,
    options=(
        Option("min-make-elements", 65536, "smallest constant length or capacity of a make that is flagged"),
        Option("min-compiles", 20, "fewest regexp/template compilations during a package's initialization "
                                   "that are reported (once per package)"),
        Option("min-literal-elements", 256, "fewest iterations of a loop over a literal (or between constants) "
                                            "whose appends are reported"),
        Option("min-embedded-bytes", 65536, "smallest embedded file (or files) whose ReadFile during "
                                            "initialization is reported, when the size is known"),
    ),
    tags=("startup", "init", "memory"),
    precision="high",
    check=check,
    collect=collect,
    check_project=check_project,
    # A package's compilations are counted over all its files, linted or not.
    requires=(MODULE_FILES,),
)
