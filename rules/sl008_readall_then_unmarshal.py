"""SL008 readall-then-unmarshal: a body read whole only to be decoded."""

from __future__ import annotations


from golint_startup.go.gofile import GoFile
from golint_startup.go.types import FileTypes
from golint_startup.go.syntax import assigned_names, enclosing_function, identifier_uses, matches, text, unparen, \
    values_of
from golint_startup.rule import SCOPE, SCOPE_HELP, STARTUP_MODEL, Rule, location_of

_READ_ALL = """
(call_expression
  function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @name (#eq? @name "ReadAll"))
  arguments: (arguments) @args) @call
"""

_READERS = {"io", "io/ioutil"}
_JSON = "encoding/json"
# sigs.k8s.io/yaml is not among them: it has no decoder that reads less than the whole
# document (its Unmarshal converts all of it to JSON first), so there is nothing to suggest.
_YAML = {"gopkg.in/yaml.v2", "gopkg.in/yaml.v3"}


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
        return f"decode the array one element at a time: dec := json.NewDecoder({reader}), dec.Token() for " \
               "its '[', then dec.More() and dec.Decode(&item) per element (json.NewDecoder(r).Decode of the " \
               "whole array buffers all of it too)"
    return f"decode from the reader: yaml.NewDecoder({reader}).Decode({target}), which parses from it without " \
           "holding its bytes"


def _is_collection_type(types: FileTypes, node, kinds: frozenset[str], depth: int = 0) -> bool:
    """Whether a type is of one of `kinds` (`slice_type`, `map_type`): `[]T`, or a name the
    file declares as one (`type Items []Item`)."""
    if node is None or depth > 3:
        return False
    if node.type in kinds:
        return True
    return node.type == "type_identifier" and _is_collection_type(types, types.named.get(text(node)), kinds,
                                                                  depth + 1)


def _declared_type(use):
    """(the type of the variable a declaring `use` declares, whether that is a pointer to it):
    from `var x T`, a parameter `x T`, or the one value of `x := []T{}`, `make([]T, n)`,
    `&[]T{}`, `new([]T)`; None when `use` declares nothing or the type is not written."""
    parent = use.parent
    if parent.type in ("var_spec", "parameter_declaration") and use in parent.children_by_field_name("name"):
        written = parent.child_by_field_name("type")
        if written is not None:
            if written.type == "pointer_type":
                return next(iter(written.named_children), None), True
            return written, False
        values = values_of(parent.child_by_field_name("value"))
    elif parent.type == "expression_list" and parent.parent.type == "short_var_declaration" and \
            parent == parent.parent.child_by_field_name("left"):
        values = values_of(parent.parent.child_by_field_name("right"))
    else:
        return None
    if len(values) != 1:
        return None
    value, pointer = unparen(values[0]), False
    if value.type == "unary_expression" and text(value.child_by_field_name("operator")) == "&":
        value, pointer = unparen(value.child_by_field_name("operand")), True
    if value.type == "composite_literal":
        return value.child_by_field_name("type"), pointer
    if value.type == "call_expression" and text(value.child_by_field_name("function")) in ("make", "new"):
        arguments = [a for a in value.child_by_field_name("arguments").named_children if a.type != "comment"]
        return (arguments[0], text(value.child_by_field_name("function")) == "new") if arguments else None
    return None


# What a body decoded into may grow with: a JSON array's elements (encoding/json's Decoder
# buffers any other value whole), a YAML list's or mapping's. A YAML document decoded into a
# struct is a configuration, a few KB: its raw bytes are not worth a change.
_GROWING_TARGETS = {_JSON: frozenset({"slice_type"}), **{path: frozenset({"slice_type", "map_type"}) for path in _YAML}}


def _decodes_into_a_collection(file: GoFile, function, target, kinds: frozenset[str]) -> bool:
    """Whether an Unmarshal's target is a collection of `kinds` the function declares: `&items`
    with `var items []T`, `items := []T{}` or `make([]T, n)`, or a pointer to one (`p *[]T`,
    `p := &[]T{}`)."""
    addressed = target.type == "unary_expression" and text(target.child_by_field_name("operator")) == "&"
    name = unparen(target.child_by_field_name("operand")) if addressed else target
    if name is None or name.type != "identifier":
        return False
    for use in identifier_uses(file, function, text(name), function.start_byte):
        declared = _declared_type(use)
        if declared is not None:
            written, pointer = declared
            return pointer != addressed and _is_collection_type(FileTypes(file), written, kinds)
    return False


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
        if not _decodes_into_a_collection(file, function, unparen(target_node), _GROWING_TARGETS[package]):
            continue
        target = text(target_node) if len(text(target_node)) <= 40 else "&v"
        reader_call = text(call.child_by_field_name("function"))
        yield RULE.finding(
            file.path, unmarshal,
            f"{name} holds the whole body read by {reader_call} only to be decoded here, so the bytes and the "
            f"decoded value are in memory together; {_fix(package, reader, target)}",
            related=(location_of(file.path, call, f"the body is read whole here by {reader_call}"),))


RULE = Rule.from_docs(
    __file__, options=(SCOPE,), check=check, requires=(STARTUP_MODEL,), snippets={"SCOPE_HELP": SCOPE_HELP},
)
