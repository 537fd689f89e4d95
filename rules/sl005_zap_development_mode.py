"""SL005 zap-development-mode: a zap logger in development mode (built with the Development
option, so DPanic panics) in code that ships, in a module that calls DPanic."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace

from golint_startup.engine.cache_format import register
from golint_startup.go import modules
from golint_startup.go.gofile import GoFile, is_generated, names_a_test_double
from golint_startup.go.syntax import STRING_LITERALS, ancestors, assigned_names, enclosing_function, identifier_uses, matches, text
from golint_startup.rule import MODULE_FILES, SERVING_PROGRAMS, STARTUP_MODEL, Finding, Location, Option, Rule, \
    location_of
from golint_startup.words import words

ZAP = "go.uber.org/zap"

# The calls that build a logger in development mode, or give it the option. zap.NewExample() is
# not among them: it builds its logger with zap.New(core) and no Development option, so its DPanic
# never panics (a Development option given to it is reported as such).
_FLAGGED_CALLS = {
    "NewDevelopment": "builds a development logger: debug level, no sampling, a stack trace for "
                      "every warning, and DPanic panics",
    "NewDevelopmentConfig": "starts from the development config: debug level, no sampling, a stack "
                            "trace for every warning, and DPanic panics",
    "Development": "makes every DPanic panic, ending the process",
}

# How every finding of a call ends; the module's DPanic call is said before it.
_ADVICE = "; use the production logger or choose at run time"

_CALLS = """
(call_expression
  function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @name)
  (#any-of? @name "NewDevelopment" "NewDevelopmentConfig" "Development")
) @call
"""

_CONFIG_LITERALS = """
(composite_literal
  type: (qualified_identifier package: (package_identifier) @pkg name: (type_identifier) @type (#eq? @type "Config"))
  value: (literal_value
    (keyed_element
       key: (identifier) @key (#eq? @key "Development")
       element: (identifier) @value (#eq? @value "true")) @field))
"""

# Ancestors that make a call a run-time choice, and the one that ends the search.
_CHOICE_NODES = {"expression_case_clause", "type_case_clause", "communication_clause"}
_STOP_NODES = {"function_declaration", "method_declaration", "source_file"}


def under_runtime_choice(file: GoFile, node) -> bool:
    holders = ancestors(file, node)
    for index, parent in enumerate(holders):
        child = holders[index - 1] if index else node
        if parent.type in _STOP_NODES:
            break
        if parent.type in _CHOICE_NODES:
            return True
        if parent.type == "if_statement" and child in (parent.child_by_field_name("body"),
                                                       parent.child_by_field_name("else")):
            return True
        if parent.type == "block" and _after_a_returning_choice(parent, child):
            return True
    return False


# An `if` that checks an error or a missing value (`err != nil`, `cfg == nil`) returns on
# failure, not on a choice: what follows it always runs.
_NIL_TEST = re.compile(r"[!=]=\s*nil\b|\bnil\s*[!=]=")


def _after_a_returning_choice(block, statement) -> bool:
    """Whether a statement of `block` before `statement` is an `if` with no `else` whose body
    ends in a return, on a test other than of nil: what follows runs only when the test
    fails, a run-time choice (skywalking-banyandb's `if !l.development { return
    zap.NewProductionConfig() }` before its development config)."""
    for sibling in block.named_children:
        if sibling.start_byte >= statement.start_byte:
            break
        if sibling.type != "if_statement" or sibling.child_by_field_name("else") is not None:
            continue
        body, condition = sibling.child_by_field_name("body"), sibling.child_by_field_name("condition")
        last = body.named_children[-1] if body is not None and body.named_children else None
        if last is not None and last.type == "return_statement" and condition is not None and \
                not _NIL_TEST.search(text(condition)):
            return True
    return False


def _named_apart(file: GoFile, node) -> bool:
    """Whether `node` lies in a function whose name says what its logger is for: fakes for
    tests (`func InitMock()`, which unit tests call to get a logger), or development
    (`func NewDevelopment()`, cadence's wrapper, which only a testable example calls):
    whoever calls it chooses that by name."""
    declaration = next((holder for holder in ancestors(file, node) if holder.type in _STOP_NODES), None)
    name = declaration.child_by_field_name("name") if declaration is not None else None
    return name is not None and (names_a_test_double(text(name)) or _names_development(text(name)))


def _names_development(function_name: str) -> bool:
    """`dev` or `development` as a word of the name (newDevLogger, NewDevelopment), and no
    `prod` or `production` (devOrProdLogger chooses at run time)."""
    named = set(words(function_name))
    return not named.isdisjoint({"dev", "development"}) and named.isdisjoint({"prod", "production"})


def _findings(file: GoFile, options: dict):
    """(finding, the calls that install its logger when an `init` builds it, else empty)."""
    # Tests may build any logger they like, also when --tests brings them in; a file that
    # never says Development builds none in development mode.
    if file.is_test or not file.imports_path(ZAP) or b"Development" not in file.source:
        return
    if file.constraint is not None and file.constraint.requires_any(set(options["dev-tags"])):
        return
    for found in matches(_CALLS, file.root):
        call = found["call"][0]
        if file.package_of(found["pkg"][0]) != ZAP or under_runtime_choice(file, call) or \
                _named_apart(file, call) or _replaced_by_production(file, call) or _beside_production(file, call):
            continue
        name = text(found["name"][0])
        described = _FLAGGED_CALLS[name]
        if name == "NewDevelopmentConfig":
            used, assigned = _config_fields_used(file, call) or (None, {})
            if used is not None and used <= {"EncoderConfig", "Level"}:
                # Its Build is not called: its encoder settings and level make a core of their own,
                # and a logger built by zap.New is in development mode only with the Development
                # option, which is reported where it is given.
                continue
            if used is not None and (replaced := [setting for setting in _DEVELOPMENT_SETTINGS
                                                  if _changed(assigned, setting)]):
                if "Development" in replaced:
                    continue  # DPanic panics no more: what is left is not reported (chartmuseum's)
                kept = _costs_kept(replaced)
                set_here = "its debug level is replaced" if replaced == ["Level"] else \
                    f"{_spoken(replaced)} {'is' if len(replaced) == 1 else 'are'} set"
                described = f"starts from the development config: {_spoken(kept)} ({set_here} here)"
        yield RULE.finding(file.path, call, f"zap.{name}() {described}{_ADVICE}"), _installed_by(file, call)
    for found in matches(_CONFIG_LITERALS, file.root):
        field = found["field"][0]
        if file.package_of(found["pkg"][0]) != ZAP or under_runtime_choice(file, field) or \
                _named_apart(file, field):
            continue
        yield RULE.finding(file.path, field, "zap.Config{Development: true} puts the logger in development "
                                             "mode, where DPanic panics and warnings carry stack traces"), \
            _installed_by(file, field.parent.parent)


def _installed_by(file: GoFile, node) -> frozenset:
    """The calls (`path.Name`, `.Name` for the file's own package) an `init` passes the logger
    it builds at `node` to and whose result it drops (`zap.ReplaceGlobals(l)`,
    `SetLogger(l.Sugar())`), following the locals and the wrapping calls it flows through
    (`zap.New(core, zap.Development())`): a default that a setter installs."""
    function = enclosing_function(file, node)
    name = function.child_by_field_name("name") if function is not None else None
    if function is None or function.type != "function_declaration" or name is None or text(name) != "init":
        return frozenset()
    body = function.child_by_field_name("body")
    queue, seen, setters = [node], set(), set()
    while queue:
        value = queue.pop()
        # Up through what the value flows into: `l.Sugar()`, `cfg.Build(...)`, `&l`.
        holders = ancestors(file, value)
        for index, parent in enumerate(holders):
            if parent.type not in _PARTS or (parent.type == "call_expression" and
                                             value != parent.child_by_field_name("function")):
                break
            value = parent
        if len(holders) > index + 2 and holders[index].type == "arguments" and \
                holders[index + 1].type == "call_expression":
            if holders[index + 2].type == "expression_statement":
                callee = file.callee(holders[index + 1])
                if callee is not None:
                    setters.add(f"{callee[0]}.{callee[1]}")
            else:
                queue.append(holders[index + 1])  # a logger built around it: follow that one
            continue
        for local in assigned_names(value):
            if local.type == "identifier" and text(local) not in _NOT_LOGGERS | seen:
                seen.add(text(local))
                queue.extend(identifier_uses(file, body, text(local), after=local.end_byte))
    return frozenset(setters)


# What a logger flows through to an argument or a value (`l.Sugar()`, `cfg.Build(...)`, `&l`).
_PARTS = {"selector_expression", "call_expression", "unary_expression", "parenthesized_expression"}
_NOT_LOGGERS = {"err", "_"}


@register(name="SL005.Facts")
@dataclass
class _Facts:
    # (finding, the calls that install its logger when an init builds it, see _installed_by)
    # of every development logger the file builds
    loggers: list = field(default_factory=list)
    # the calls made outside init functions, spelled alike: the setters that replace a default
    called: set = field(default_factory=set)
    # the file's first call of DPanic (or use of DPanicLevel), see _first_dpanic
    dpanic: Location | None = None


def collect(file: GoFile, options: dict) -> _Facts | None:
    dpanic = _first_dpanic(file)
    if file.is_test or not file.imports_path(ZAP):
        return _Facts(dpanic=dpanic) if dpanic is not None else None
    facts = _Facts(loggers=[(f, sorted(by)) for f, by in _findings(file, options)
                            if not file.in_error_region_at(f.location.line, f.location.col)], dpanic=dpanic)
    for found in matches(_ALL_CALLS, file.root):
        call = found["call"][0]
        function = enclosing_function(file, call)
        name = function.child_by_field_name("name") if function is not None else None
        if function is not None and function.type == "function_declaration" and text(name) == "init":
            continue
        callee = file.callee(call)
        if callee is not None:
            facts.called.add(f"{callee[0]}.{callee[1]}")
    return facts


_ALL_CALLS = "(call_expression) @call"


# Calls of DPanic, whatever their receiver (a *zap.Logger, a *zap.SugaredLogger, a wrapper of
# the module's own: matched by name), and zap's DPanicLevel given to a call that logs at it
# (`logger.Check(zap.DPanicLevel, ...)`, `Log`): not a level named otherwise, as epinio's level
# encoder's `case zapcore.DPanicLevel:`, which logs nothing (read as a wrong finding).
_DPANIC_CALLS = """
(call_expression
  function: (selector_expression field: (field_identifier) @name
                                 (#any-of? @name "DPanic" "DPanicf" "DPanicw" "DPanicln"))) @use
"""
_DPANIC_LEVELS = """
(call_expression
  function: (selector_expression field: (field_identifier) @method
                                 (#any-of? @method "Check" "Log" "Logf" "Logw" "Logln"))
  arguments: (arguments . (selector_expression operand: (identifier) @pkg
                                                   field: (field_identifier) @name (#eq? @name "DPanicLevel")) @use))
"""
_ZAP_LEVELS = {ZAP, ZAP + "/zapcore"}


def _first_dpanic(file: GoFile) -> Location | None:
    """Where the file first calls DPanic, DPanicf, DPanicw or DPanicln (on any receiver) or
    logs at zap's DPanicLevel, outside tests, test support, generated files and vendor/: the
    files a service is built from. A byte search first: most files never say DPanic."""
    if b"DPanic" not in file.source or file.is_test or is_generated(file.source) or \
            "vendor" in file.path.split("/")[:-1] or file.is_test_support:
        return None
    uses = [(found["use"][0], f"calls {text(found['name'][0])} here, which panics in development mode")
            for found in matches(_DPANIC_CALLS, file.root) if not _checks_logged_pairs(file, found["use"][0])]
    uses += [(found["use"][0], f"uses {text(found['pkg'][0])}.DPanicLevel here: an entry logged at that level "
                               "panics in development mode")
             for found in matches(_DPANIC_LEVELS, file.root) if file.package_of(found["pkg"][0]) in _ZAP_LEVELS]
    if not uses:
        return None
    use, what = min(uses, key=lambda pair: pair[0].start_byte)
    return location_of(file.path, use, f"the module {what}")


# The types of a logging call's key/value pairs, handed as a slice or variadic.
_PAIRS_TYPES = {"[]interface{}", "[]any", "...interface{}", "...any"}


def _checks_logged_pairs(file: GoFile, call) -> bool:
    """Whether a DPanic call is a logging adapter's check of the key/value pairs its function
    takes (`args []interface{}`, `kv ...any`): with a message written out, under a test of the
    pairs (an `if` whose branch or plain `else` holds it, a `switch` or `case`, naming them or a
    variable given from them: `key := args[i]`, `n := len(kv)`, `for _, v := range kv`,
    `fields, err := toFields(kv...)`, not an error alone of a call they are handed to, `err :=
    sink.Write(kv...)`), and naming them only by
    index or length (`args[i]`), as zapr's "odd number of arguments". It panics only on a
    malformed logging call: kubecube's copy of zapr, whose findings were read as not worth a
    change (no call of the module passes such pairs). A wrapper that logs its own message or
    hands its pairs on (`kv...`, `toFields(kv)...`, `args[1:]...`, or a variable given them
    whole, not an error) panics on every call, under its own name: it counts."""
    function = enclosing_function(file, call)
    parameters = function.child_by_field_name("parameters") if function is not None else None
    arguments = call.child_by_field_name("arguments")
    if parameters is None or arguments is None or not arguments.named_children or \
            arguments.named_children[0].type not in STRING_LITERALS:
        return False
    tests = " ".join(_tests_around(file, call, function))
    if not tests:
        return False
    said = text(arguments)
    assigned = _assignments(function)
    for declaration in parameters.named_children:
        kind = declaration.child_by_field_name("type")
        if kind is None:
            continue
        variadic = "..." if any(child.type == "..." for child in declaration.children) else ""
        if variadic + "".join(text(kind).split()) not in _PAIRS_TYPES:
            continue
        names = {text(n) for n in declaration.named_children if n.type == "identifier"}
        # The variables given from the pairs (not through a call they are spread into), and of
        # those, given them whole (not by index, slice index or length, not an error): what
        # hands them on.
        related = _given_from(assigned, names, _naming_unspread)
        whole = _given_from(assigned, names, _naming_whole, whole=True)
        whole = {name for name in whole - names if name != "err" and not name.endswith("Err")} | names
        if any(_naming(name).search(tests) for name in related) and \
                not any(_naming_whole(name).search(said) if name in names else _naming(name).search(said) for name in whole):
            return True
    return False


def _naming(name: str) -> re.Pattern:
    """`name`, the variable, however used."""
    return re.compile(rf"\b{re.escape(name)}\b")


def _naming_unspread(name: str) -> re.Pattern:
    """`name`, not spread into a call (`kv...`)."""
    return re.compile(rf"\b{re.escape(name)}\b(?!\s*\.\.\.)")


def _spreading(name: str) -> re.Pattern:
    """`name` spread into a call (`kv...`)."""
    return re.compile(rf"\b{re.escape(name)}\s*\.\.\.")


def _naming_whole(name: str) -> re.Pattern:
    """`name` itself, not its element (`args[i]`, not a slice `args[1:]`) nor its length."""
    return re.compile(rf"(?<!len\()\b{re.escape(name)}\b(?!\s*\[[^\]:]*\])")


_ASSIGNMENTS = "[(short_var_declaration) (assignment) (range_clause) (var_spec)] @assignment"


def _assignments(function) -> list[tuple[str, set[str], bool]]:
    """(a value, the variables given it, whether they may hold it whole) of each plain
    assignment (`=`, `:=`, `var x =`, not `+=`) and `range` of a function: `a, b := x, y`
    pairs them, `a, err := f(x)` gives `f(x)` to both, `for i, v := range kv` gives `kv` to `i`
    and `v`, an index and an element, not the whole."""
    found = []
    for match in matches(_ASSIGNMENTS, function):
        statement = match["assignment"][0]
        operator = statement.child_by_field_name("operator")
        if operator is not None and text(operator) != "=":
            continue
        left = statement.child_by_field_name("left") or statement.child_by_field_name("name")
        right = statement.child_by_field_name("right") or statement.child_by_field_name("value")
        if left is None or right is None:
            continue
        names = [n for n in statement.children_by_field_name("name")] if statement.type == "var_spec" else \
            (left.named_children if left.type == "expression_list" else [left])
        targets = [text(n) for n in names]
        values = [text(n) for n in (right.named_children if right.type == "expression_list" else [right])]
        whole = statement.type != "range_clause"
        if len(values) == len(targets):
            found += [(value, {target}, whole) for value, target in zip(values, targets)]
        else:
            found.append((" ".join(values), set(targets), whole))
    return found


def _given_from(assigned: list[tuple[str, set[str], bool]], names: set[str], naming, whole: bool = False) -> set[str]:
    """`names` and the variables assigned a value that `naming` finds one of them in, through
    each other (with `whole`, only those that may hold it whole); a value spread into a call
    (`f(kv...)`) is given only with another, as a conversion returns its result and an error,
    not to an error alone (`err := sink.Write(msg, kv...)`)."""
    given = set(names)
    while True:
        more = {target for value, targets, holds in assigned if not targets <= given and (holds or not whole)
                and any(naming(name).search(value) or len(targets) > 1 and _spreading(name).search(value)
                        for name in given) for target in targets}
        if not more - given:
            return given
        given |= more


def _tests_around(file: GoFile, call, function) -> list[str]:
    """What tests lead to `call` in its function: the headers of the `if`s whose branch or
    plain `else` holds it (not an `else if` of its own), of the `switch`es around it, and the
    values of its `case`."""
    tests, child = [], call
    for holder in ancestors(file, call):
        if holder == function:
            break
        if holder.type == "if_statement" and child.type == "block" or \
                holder.type in ("expression_switch_statement", "type_switch_statement"):
            tests.append(_header(holder))
        elif holder.type == "expression_case_clause" and (value := holder.child_by_field_name("value")) is not None:
            tests.append(text(value))
        child = holder
    return tests


def _header(statement) -> str:
    """The text of an `if` or `switch` statement up to its block."""
    block = statement.child_by_field_name("body")
    end = block.start_byte if block is not None else statement.start_byte + text(statement).find("{")
    return text(statement)[:max(0, end - statement.start_byte)]


def _with_dpanic(finding: Finding, dpanic: Location) -> Finding:
    """The finding with the module's DPanic call said in its message and as its related location."""
    said = f"; the module calls DPanic ({dpanic.path}:{dpanic.line}), which panics in development mode"
    message = finding.message.removesuffix(_ADVICE)
    return replace(finding, message=message + said + finding.message[len(message):], related=(dpanic,))


def _module_dpanics(project) -> dict[str, Location]:
    """The first DPanic of each module (by its root; "" for the files outside any module), in
    path order."""
    found: dict[str, Location] = {}
    for path in sorted(project.facts):
        facts = project.facts[path]
        if facts and facts.dpanic is not None:
            found.setdefault(_module_key(project, path), facts.dpanic)
    return found


def _module_key(project, path: str) -> str:
    module = project.module_of(path)
    return module.root if module is not None else ""


def check_project(project, options: dict):
    """A development logger is reported when its module calls DPanic (see _first_dpanic):
    development mode matters through a DPanic that panics, and the rest of it costs startup
    next to nothing. One an init installs as the default (mongodb-kubernetes-operator's
    `zap.ReplaceGlobals`, dragonfly's `SetCoreLogger`) is reported unless code outside an init
    installs another through the same call (in a file that imports zap): main replaces it before
    anything logs."""
    def spelled(path: str, calls) -> set[str]:
        """The calls with a call of the file's own package (`.Name`) given its import path."""
        directory = os.path.dirname(project.abspaths[path])
        module = modules.module_of_dir(directory)
        own = modules.import_path_of_dir(directory, module) if module is not None else directory
        return {own + call if call.startswith(".") else call for call in calls}

    dpanics = _module_dpanics(project)
    if not dpanics:
        return
    called = set().union(*(spelled(path, f.called) for path, f in project.facts.items() if f))
    for path, facts in project.facts.items():
        dpanic = dpanics.get(_module_key(project, path)) if facts and path in project.reported else None
        if dpanic is None:
            continue
        for finding, installed_by in facts.loggers:
            if not installed_by or not called & spelled(path, installed_by):
                yield _with_dpanic(finding, dpanic)


# The fields that carry the development config's costs, and their values there: an
# assignment of another value (a variable's included: a run-time choice) replaces the cost.
_DEVELOPMENT_SETTINGS = ("Level", "DisableStacktrace", "Development", "Sampling")
_DEVELOPMENT_VALUES = {"DisableStacktrace": "false", "Development": "true", "Sampling": "nil"}


def _changed(assigned: dict[str, list[str]], setting: str) -> bool:
    """Whether an assignment gives `setting` a value other than the development config's: one
    is enough, the others being a run-time choice (cnvrg-operator sets the info level, and the
    debug level only under `if verbose`: its finding said "debug level", read as wrong)."""
    if setting == "Level":
        return any("DebugLevel" not in value for value in assigned.get(setting, ()))
    return any(value != _DEVELOPMENT_VALUES[setting] for value in assigned.get(setting, ()))


def _costs_kept(replaced: list[str]) -> list[str]:
    """What is left of development mode once `replaced` fields are set (`Development` is not
    among them: set, DPanic panics no more and nothing is reported); sampling costs only under
    a flood of identical lines."""
    costs = [("debug level", "Level" not in replaced),
             ("a stack trace for every warning", "DisableStacktrace" not in replaced),
             ("DPanic panics", True),
             ("no sampling", "Sampling" not in replaced)]
    return [cost for cost, kept in costs if kept]


def _spoken(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _sets_the_level(selector) -> bool:
    """Whether `selector` (`cfg.Level`) is the receiver of a SetLevel call."""
    method = selector.parent
    return text(selector.child_by_field_name("field")) == "Level" and method is not None and \
        method.type == "selector_expression" and text(method.child_by_field_name("field")) == "SetLevel" and \
        method.parent is not None and method.parent.type == "call_expression"


def _stored_in(file: GoFile, call) -> tuple[str, object] | None:
    """(the variable a call's result is declared or assigned to alone, its function), if so."""
    parent = call.parent
    if parent.type != "expression_list" or len(parent.named_children) != 1 or \
            parent.parent.type not in ("short_var_declaration", "assignment", "var_spec"):
        return None
    declared = parent.parent.child_by_field_name("left") or parent.parent.child_by_field_name("name")
    names = declared.named_children if declared.type == "expression_list" else [declared]
    holder = enclosing_function(file, call)
    if len(names) != 1 or names[0].type != "identifier" or holder is None:
        return None
    return text(names[0]), holder


_PRODUCTION_CALLS = """
(call_expression
  function: (selector_expression operand: (identifier) @pkg
                                  field: (field_identifier) @name (#any-of? @name "NewProduction" "NewProductionConfig")))
"""


def _beside_production(file: GoFile, call) -> bool:
    """Whether the call is in an entry keyed for development (`Dev:`, `"development":`) of a
    composite literal, a table by mode, another entry of which calls zap's production
    constructor: a flag picks one (autokitteh's `Configs{Default: &Config{Zap:
    zap.NewProductionConfig()}, Dev: ...}`, picked by its `--mode`; a finding there was read
    as wrong), through the literals and function literals around it; not a struct of loggers
    that are all built (`Debug:`, `Audit:`), nor a command's `PersistentPreRun` beside its
    `Run`."""
    holders = [call, *ancestors(file, call)]
    for holder, above in zip(holders, holders[1:]):
        if holder.type in _STOP_NODES:
            return False
        key = holder.child_by_field_name("key") if holder.type == "keyed_element" else None
        if above.type == "literal_value" and key is not None and _names_development(text(key).strip('"`')) and \
                any(other != holder and any(file.package_of(found["pkg"][0]) == ZAP
                                            for found in matches(_PRODUCTION_CALLS, other))
                    for other in above.named_children):
            return True
    return False


def _replaced_by_production(file: GoFile, call) -> bool:
    """Whether the variable holding the development config is given the production config
    later in its function (appcat's `if useProductionConfig { cfg = zap.NewProductionConfig() }`,
    its `--log-format=json`): chosen at run time, and a finding there was read as wrong."""
    stored = _stored_in(file, call)
    if stored is None:
        return False
    for use in identifier_uses(file, stored[1], stored[0], after=call.end_byte):
        targets, statement = use.parent, use.parent.parent
        if targets.type == "expression_list" and statement.type == "assignment" and \
                targets == statement.child_by_field_name("left") and \
                "NewProductionConfig" in text(statement.child_by_field_name("right")):
            return True
    return False


def _config_fields_used(file: GoFile, call) -> tuple[set[str], dict[str, list[str]]] | None:
    """(the fields and methods used of the development config `call` makes, the fields assigned
    of them with the texts of the values assigned), when only those are (`cfg := zap.NewDevelopmentConfig();
    zapcore.NewConsoleEncoder(cfg.EncoderConfig)`, or `zap.NewDevelopmentConfig().EncoderConfig`);
    None when the config itself goes somewhere."""
    if call.parent.type == "selector_expression":
        return {text(call.parent.child_by_field_name("field"))}, {}
    stored = _stored_in(file, call)
    if stored is None:
        return None
    uses = identifier_uses(file, stored[1], stored[0], after=call.end_byte)
    if not uses or any(use.parent.type != "selector_expression" for use in uses):
        return None
    fields = {text(use.parent.child_by_field_name("field")) for use in uses}
    assigned: dict[str, list[str]] = {}
    for use in uses:
        targets, statement = use.parent.parent, use.parent.parent.parent
        if _sets_the_level(use.parent):  # `cfg.Level.SetLevel(zap.InfoLevel)`: replaced in place
            assigned.setdefault("Level", []).append(text(use.parent.parent.parent.child_by_field_name("arguments")))
        elif targets.type == "expression_list" and statement.type == "assignment" and \
                targets == statement.child_by_field_name("left"):
            values = statement.child_by_field_name("right").named_children
            index = targets.named_children.index(use.parent)
            assigned.setdefault(text(use.parent.child_by_field_name("field")), []).append(
                text(values[index]) if len(values) == len(targets.named_children) else "")
    return fields, assigned


RULE = Rule.from_docs(
    __file__,
    options=(Option("dev-tags", ["dev", "debug", "development"],
                    "build tags that mark development-only files"),),
    collect=collect, check_project=check_project,
    requires=(STARTUP_MODEL, SERVING_PROGRAMS, MODULE_FILES),
)
