"""SL001 init-heap-work: decoding, I/O, compilation and big allocations during package initialization."""

from __future__ import annotations

from golint_startup.go.constants import Constants
from golint_startup.go.library import BURNTSUSHI_TOML, DECODE_FUNCTIONS, GO_TOML, HTTP, STREAM_DECODERS, TEMPLATES, VIPER
from golint_startup.go.gofile import GoFile
from golint_startup.go.imports import default_package_name
from golint_startup.go.scope import is_shadowed
from golint_startup.go.syntax import invocation, matches, text
from golint_startup.rule import Option, Rule

_VIPER_LOADS = frozenset({"ReadInConfig", "ReadConfig", "ReadRemoteConfig"})
_TEMPLATE_PARSES = frozenset({"Parse", "ParseFiles", "ParseGlob", "ParseFS"})
_HTTP_CALLS = frozenset({"Get", "Post", "Do"})

# What a flagged call costs, by kind: (level, verb phrase).
_DECODE = ("warning", "decodes data")
_FILE = ("warning", "reads a file")
_OPEN = ("warning", "opens a file")
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
_PACKAGE_FUNCTIONS[GO_TOML].update({name: _DECODE for name in ("Load", "LoadBytes", "LoadReader")})
_PACKAGE_FUNCTIONS[GO_TOML]["LoadFile"] = _FILE
_PACKAGE_FUNCTIONS[BURNTSUSHI_TOML]["DecodeFile"] = _FILE
_PACKAGE_FUNCTIONS[VIPER].update({name: _CONFIG for name in _VIPER_LOADS})
_PACKAGE_FUNCTIONS.update({
    "os": {"ReadFile": _FILE, "Open": _OPEN},
    "io/ioutil": {"ReadFile": _FILE, "ReadAll": ("warning", "reads a whole stream into memory")},
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
- compilation, at level **note**: `regexp.MustCompile`, `Compile`, `MustCompilePOSIX`;
  `text/template` and `html/template` `Must` and `Parse*` (a `template.Must(...)` is
  reported once, not again for the `Parse` inside it);
- `make` whose length or capacity is a constant of at least `min-make-elements`
  elements (literals, constant arithmetic such as `1 << 20`, and constants declared at
  the top of the same file are evaluated);
- `append` inside a loop, unless the slice was made earlier in the same initializer
  (or at package level) with an explicit capacity (`s := make([]T, 0, n)`), which it
  fills without reallocating.

Cheap idioms are not flagged: `errors.New`, `fmt.Errorf`, `flag.*`, small literals,
`sync.Pool{}`, `template.New`, and calls of your own functions (the rule does not follow
calls).

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

Regexp and template compilation is CPU and allocation bound and usually small, which is
why it is reported as a note; it still runs on every start, for every program that
imports the package.

## Example
```go
var config = loadConfig() // not followed: a call of your own function

var routes = regexp.MustCompile(`^/api/v[0-9]+/`) // SL001 (note)

func init() {
    data, err := os.ReadFile("/etc/app/config.json") // SL001
    if err != nil {
        panic(err)
    }
    if err := json.Unmarshal(data, &settings); err != nil { // SL001
        panic(err)
    }
    cache = make(map[string]*Entry, 1<<20) // SL001: 1048576 elements
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
note level says.

## Options
- `min-make-elements` (integer, default `65536`): the smallest constant length or
  capacity of a `make` that is flagged.
"""

_CALLS = "(call_expression function: (_) @function arguments: (arguments) @args) @call"

_ASSIGNMENTS = """
(short_var_declaration left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))
(assignment left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))
(var_spec name: (identifier) @name . value: (expression_list . (_) @value .))
"""

_LOOPS = {"for_statement"}


def _runs_during_init(node, context) -> tuple[bool, bool]:
    """(runs while the package initializes, sits inside a loop) for a node within `context`.

    A function literal runs only when it is called on the spot (`func(){...}()`, also
    deferred); one that is stored, passed on, or started with `go` does not.
    """
    in_loop = False
    child, parent = node, node.parent
    while parent is not None and child != context:
        if child.type == "function_literal" and invocation(child) in (None, "go"):
            return False, False
        if parent.type in _LOOPS and child == parent.child_by_field_name("body"):
            in_loop = True
        child, parent = parent, parent.parent
    return True, in_loop


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


def _is_builtin(function, name: str) -> bool:
    return function.type == "identifier" and text(function) == name and not is_shadowed(function)


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


def check(file: GoFile, options: dict):
    threshold = options["min-make-elements"]
    constants = Constants(file)
    receivers = _Receivers(file)
    for context in _init_contexts(file):
        reported_ranges: list[tuple[int, int]] = []
        where = _where(context)
        for found in matches(_CALLS, context):
            call, function = found["call"][0], found["function"][0]
            if any(start <= call.start_byte and call.end_byte <= end for start, end in reported_ranges):
                continue  # the Parse inside a reported template.Must(...)
            if function.type == "identifier":
                if text(function) not in {"make", "append"}:
                    continue
                runs, in_loop = _runs_during_init(call, context)
                if not runs:
                    continue
                if _is_builtin(function, "append") and in_loop:
                    if _appends_to_preallocated(file, context, call, constants):
                        continue
                    yield RULE.finding(
                        file.path, call,
                        f"append inside a loop in {where} grows the slice while the package initializes, "
                        "before main: each time it outgrows its capacity it is reallocated and copied, and "
                        "the old arrays are garbage before main can set a memory limit or tune GOGC; "
                        "preallocate with make(T, 0, n) or build it in main")
                elif _is_builtin(function, "make"):
                    args = found["args"][0].named_children
                    sizes = [v for v in (constants.value(a) for a in args[1:3]) if v is not None]
                    if sizes and max(sizes) >= threshold:
                        yield RULE.finding(
                            file.path, call,
                            f"make with {max(sizes)} elements in {where} allocates the whole backing store "
                            "while the package initializes, before main: it is on the heap for as long as "
                            "the variable holding it lives, whether or not this run uses it "
                            f"(min-make-elements is {threshold}); allocate it where it is first needed")
                continue
            if function.type != "selector_expression":
                continue
            flagged = _classify(file, function, context, receivers)
            if flagged is None or not _runs_during_init(call, context)[0]:
                continue
            level, cost, name = flagged
            if name.endswith(".Must"):
                reported_ranges.append((call.start_byte, call.end_byte))
            yield RULE.finding(
                file.path, call,
                f"{name} in {where} {cost} while the package initializes, before main: "
                + (_COMPILE_ADVICE if level == "note" else _WORK_ADVICE),
                level=level)


_WORK_ADVICE = ("initialization runs on one goroutine and blocks every later package and main, its "
                "allocations reach the heap before main can set a memory limit, and a failure can only "
                "end the process or be ignored; do it in main or on first use")
_COMPILE_ADVICE = ("it runs on every start, for every program importing the package, whether or not this "
                   "run uses it; if only some runs need it, compile it on first use with sync.OnceValue")

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
    options=(Option("min-make-elements", 65536,
                    "smallest constant length or capacity of a make that is flagged"),),
    tags=("startup", "init", "memory"),
    precision="high",
    check=check,
)
