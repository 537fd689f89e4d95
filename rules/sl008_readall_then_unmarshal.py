"""SL008 readall-then-unmarshal: a body read whole only to be decoded."""

from __future__ import annotations


from golint_startup.go.gofile import GoFile
from golint_startup.go.syntax import assigned_names, enclosing_function, identifier_uses, matches, text
from golint_startup.rule import SCOPE, SCOPE_HELP, STARTUP_MODEL, Rule, location_of

_READ_ALL = """
(call_expression
  function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @name (#eq? @name "ReadAll"))
  arguments: (arguments) @args) @call
"""

_READERS = {"io", "io/ioutil"}
_JSON = "encoding/json"
_YAML = {"gopkg.in/yaml.v2", "gopkg.in/yaml.v3", "sigs.k8s.io/yaml"}


def _buffer_name(call) -> str | None:
    """`b` in `b, err := io.ReadAll(r)`, `b, err = ...` or `var b, err = ...`."""
    names = assigned_names(call)
    if not names or names[0].type != "identifier" or text(names[0]) == "_":
        return None
    return text(names[0])


def _declared_locally(file: GoFile, body, name: str, call) -> bool:
    """Whether `name`, assigned by `call`, is first declared by a plain `var` in the same function body."""
    assignment = call.parent.parent
    earlier = [u for u in identifier_uses(file, body, name, body.start_byte) if u.end_byte <= assignment.start_byte]
    # Only the declaration: an earlier use might run after the call, in a later loop iteration.
    return len(earlier) == 1 and earlier[0].parent is not None and earlier[0].parent.type == "var_spec" and \
        earlier[0].parent.child_by_field_name("value") is None


def _decoder(file: GoFile, use) -> str | None:
    """The import path of the Unmarshal that takes `use` as its first argument, if it does."""
    arguments = use.parent
    if arguments is None or arguments.type != "arguments":
        return None
    values = [n for n in arguments.named_children if n.type != "comment"]
    if not values or values[0] != use or len(values) != 2:
        return None
    call = arguments.parent
    callee = file.callee(call) if call is not None and call.type == "call_expression" else None
    if callee is None or callee[1] != "Unmarshal" or (callee[0] != _JSON and callee[0] not in _YAML):
        return None
    return callee[0]


def _fix(package: str, reader: str, target: str) -> str:
    if package == _JSON:
        return f"json.NewDecoder({reader}).Decode({target}) (for a large array, element by element with " \
               "Token/More, which buffers one element at a time)"
    if package == "sigs.k8s.io/yaml":
        return "sigs.k8s.io/yaml has no streaming decoder; k8s.io/apimachinery/pkg/util/yaml." \
               f"NewYAMLOrJSONDecoder({reader}, 4096).Decode({target}) reads one document at a time"
    return f"yaml.NewDecoder({reader}).Decode({target}), which parses from the reader without holding its bytes"


def check(file: GoFile, options: dict):
    if not file.imports_path(*_READERS) or not file.imports_path(_JSON, *_YAML):
        return
    for found in matches(_READ_ALL, file.root):
        call = found["call"][0]
        if file.package_of(found["pkg"][0]) not in _READERS:
            continue
        name = _buffer_name(call)
        function = enclosing_function(file, call)
        body = function.child_by_field_name("body") if function is not None else None
        if name is None or body is None:
            continue
        if call.parent.parent.type == "assignment" and not _declared_locally(file, body, name, call):
            continue  # a result, a captured or a package-level variable outlives the function
        uses = identifier_uses(file, body, name, call.end_byte)
        if len(uses) != 1:
            continue  # decoded twice, logged, hashed, returned, stored, reassigned...
        package = _decoder(file, uses[0])
        if package is None:
            continue
        unmarshal = uses[0].parent.parent
        arguments = [n for n in found["args"][0].named_children if n.type != "comment"]
        reader = text(arguments[0]) if len(arguments) == 1 and len(text(arguments[0])) <= 40 else "r"
        target_node = [n for n in uses[0].parent.named_children if n.type != "comment"][1]
        target = text(target_node) if len(text(target_node)) <= 40 else "&v"
        reader_call = text(call.child_by_field_name("function"))
        yield RULE.finding(
            file.path, unmarshal,
            f"{name} holds the whole body read by {reader_call} only to be decoded here, so the bytes and the "
            f"decoded value are in memory together; decode from the reader: {_fix(package, reader, target)}",
            related=(location_of(file.path, call, f"the body is read whole here by {reader_call}"),))


RULE = Rule.from_docs(
    __file__, options=(SCOPE,), check=check, requires=(STARTUP_MODEL,), snippets={"SCOPE_HELP": SCOPE_HELP},
)
