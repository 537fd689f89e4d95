"""Where a value comes from within its function: input read at run time, or not.

A value holds run-time input when, inside the function that uses it, it is the result of a
read (library.INPUT_SOURCES, INPUT_METHODS), a variable decoded into (INPUT_DECODERS), a
slice appended to once per line or row (INPUT_LOOP_METHODS), or something cut, parsed,
converted or selected from one of these, followed through local assignments. Parameters,
package-level variables, receivers, literals, os.Args, flags and the environment are not
input here: their size is set elsewhere, if at all.
"""

from __future__ import annotations

from golint_startup.go.gofile import GoFile
from golint_startup.go.library import ENCODE_CALLS, INPUT_DECODE_METHODS, INPUT_DECODERS, INPUT_LOOP_METHODS, \
    INPUT_METHODS, INPUT_SOURCES
from golint_startup.go.syntax import FUNCTION_NODES, STRING_LITERALS, ancestors, identifier_uses, text, unparen, values_of
from golint_startup.go.types import INTEGER_TYPES

# Builtins and conversions whose result is as big as their first argument (or its length).
_PASS_THROUGH = frozenset({"len", "cap", "string", "append", "min", "max"}) | INTEGER_TYPES
_SELECTIONS = frozenset({"selector_expression", "index_expression", "slice_expression", "parenthesized_expression",
                         "unary_expression", "type_assertion_expression", "type_conversion_expression"})
_DEPTH = 16
# What a declaration inside is visible in: a block, a case, or the statement whose header
# declares it (`if x := ...;`, `for i := ...`, a range).
_SCOPES = frozenset({"block", "expression_case_clause", "type_case_clause", "communication_clause",
                     "if_statement", "for_statement", "expression_switch_statement", "type_switch_statement",
                     "select_statement"}) | FUNCTION_NODES


def input_source(file: GoFile, expr, before: int | None = None) -> str | None:
    """The call that read the run-time input `expr` holds (`os.ReadFile`, `json.Unmarshal`),
    found through the locals of the function around it as they are before byte offset
    `before` (default: where `expr` starts); None when it holds none."""
    return input_origin(file, expr, before)[0]


def input_origin(file: GoFile, expr, before: int | None = None) -> tuple[str | None, object]:
    """input_source's call as written, and the call node of the read it found when the input
    is a read's bytes (`fs.ReadFile(portsFS, name)`: the caller may know what it reads), else
    None."""
    holders = [h for h in ancestors(file, expr) if h.type in FUNCTION_NODES]
    if not holders:
        return None, None
    # The outermost function: a closure reads the locals of the function it is written in.
    tracer = _Tracer(file, holders[-1], expr.start_byte if before is None else before)
    found = tracer.source(expr, _DEPTH)
    return found, tracer.read if found is not None else None


def decoder_of(file: GoFile, arguments, argument) -> str | None:
    """The decoding call (`json.Unmarshal`, a `Decode` method) when `argument`, the last of
    `arguments`, is what it decodes into; None otherwise."""
    values = values_of(arguments)
    call = arguments.parent
    if not values or values[-1] != argument or call is None or call.type != "call_expression":
        return None
    function = call.child_by_field_name("function")
    callee = file.callee(call)
    if callee is not None and callee[1] in INPUT_DECODERS.get(callee[0], ()):
        return text(function)
    if callee is None and function is not None and function.type == "selector_expression" and \
            text(function.child_by_field_name("field")) in INPUT_DECODE_METHODS:
        return text(function)
    return None


class _Tracer:
    def __init__(self, file: GoFile, function, before: int):
        self.file, self.function, self.before = file, function, before
        self.seen: set[str] = set()
        self.read = None  # the reading call source() last found

    def source(self, node, depth: int) -> str | None:
        node = unparen(node)
        if node is None or depth == 0:
            return None
        kind = node.type
        if kind == "identifier":
            return self._variable(node, depth)
        if kind in _SELECTIONS:
            # x.Items, x["k"], x[a:b], *x, &x: part of x
            operand = node.child_by_field_name("operand") or \
                next((c for c in node.named_children if c.type != "comment"), None)
            return self.source(operand, depth - 1)
        if kind == "binary_expression":
            return self.source(node.child_by_field_name("left"), depth - 1) or \
                self.source(node.child_by_field_name("right"), depth - 1)
        if kind == "call_expression":
            return self._call(node, depth)
        return None

    def _call(self, call, depth: int) -> str | None:
        function = call.child_by_field_name("function")
        arguments = values_of(call.child_by_field_name("arguments"))
        callee = self.file.callee(call)
        if callee is not None and callee[0]:
            kind = INPUT_SOURCES.get(callee)
            if kind == "read":
                if arguments and names_small_system_files(self._leading_text(arguments[0], 4)):
                    return None
                self.read = call
                return text(function)
            if kind == "derived" and arguments:
                return self.source(arguments[0], depth - 1)
            return None
        if callee is not None:  # a plain call: builtins and conversions pass their argument through
            if callee[1] in _PASS_THROUGH and not self.file.is_shadowed(function):
                return next((s for a in arguments if (s := self.source(a, depth - 1))), None)
            return None
        if function is not None and function.type in {"slice_type", "array_type", "parenthesized_type"}:
            return self.source(arguments[0], depth - 1) if arguments else None  # []byte(s)
        if function is not None and function.type == "selector_expression":
            if text(function.child_by_field_name("field")) in INPUT_METHODS:
                self.read = call
                return text(function)
            # A method of an input value (`doc.Items()`, `sc.Text()`) returns part of it.
            return self.source(function.child_by_field_name("operand"), depth - 1)
        return None

    def _leading_text(self, node, depth: int) -> str | None:
        """The constant text a path starts with, when it is written out: a literal, a local
        or the file's package-level name given one, the first part of a join or a `+`."""
        node = unparen(node)
        if node is None or depth == 0:
            return None
        if node.type in STRING_LITERALS:
            return text(node)[1:-1]
        if node.type == "binary_expression":
            return self._leading_text(node.child_by_field_name("left"), depth - 1)
        if node.type == "call_expression":
            callee = self.file.callee(node)
            arguments = values_of(node.child_by_field_name("arguments"))
            if callee in _JOINS and arguments:
                return self._leading_text(arguments[0], depth - 1)
            return None
        if node.type != "identifier":
            return None
        # The value it was last given before the read; any other write (`p = userPath`) makes it unknown.
        given = None
        for use in identifier_uses(self.file, self.function, text(node)):
            if use.start_byte >= node.start_byte:
                break
            parent = use.parent
            if parent is not None and parent.type == "expression_list" and parent.parent is not None and \
                    parent.parent.type in ("short_var_declaration", "assignment") and \
                    parent == parent.parent.child_by_field_name("left"):
                if parent.parent.type == "assignment":
                    return None
                given = _value_for(parent.parent.child_by_field_name("right"), parent, use)
        if given is not None:
            return self._leading_text(given, depth - 1)
        if self.file.is_shadowed(node):
            return None
        return self._leading_text(_package_value(self.file, text(node)), depth - 1)

    def _variable(self, identifier, depth: int) -> str | None:
        name = text(identifier)
        if name in self.seen:
            return None
        self.seen.add(name)
        try:
            for use in identifier_uses(self.file, self.function, name):
                if use.start_byte >= self.before:
                    break
                if self._declares_another(use, identifier):
                    continue
                found = self._written_from(use, depth)
                if found:
                    return found
            return None
        finally:
            self.seen.discard(name)

    def _declares_another(self, use, reference) -> bool:
        """Whether `use` declares a variable of its name (`:=`, `var`, a range's `:=`) in a
        scope that does not hold `reference`: another variable, shadowing the one referenced
        there only inside it (tailscale's `b, err := os.ReadFile(f)` in an `if` block of a
        method whose receiver is `b`: `b.pm` was taken for the bytes read)."""
        parent = use.parent
        declaring = parent.parent if parent is not None and parent.type == "expression_list" else parent
        if declaring is None or not (declaring.type == "short_var_declaration" or declaring.type == "var_spec" or
                                     declaring.type == "range_clause" and text(declaring).find(":=") >= 0):
            return False
        scope = next((node for node in ancestors(self.file, declaring) if node.type in _SCOPES), None)
        return scope is not None and not (scope.start_byte <= reference.start_byte and reference.end_byte <= scope.end_byte)

    def _written_from(self, use, depth: int) -> str | None:
        """The input a use of a variable writes into it: the value it is declared or assigned,
        the range it walks, the decoder it is given to, the input-driven loop it grows in."""
        parent = use.parent
        if parent is None:
            return None
        if parent.type == "expression_list" and parent.parent is not None:
            holder = parent.parent
            if holder.type in {"short_var_declaration", "assignment"} and \
                    holder.child_by_field_name("left") == parent and \
                    (holder.type == "short_var_declaration" or text(holder.child_by_field_name("operator")) == "="):
                value = _value_for(holder.child_by_field_name("right"), parent, use)
                found = self.source(value, depth - 1) if value is not None else None
                return found or self._grown_per_input(holder, use, value, depth)
            if holder.type == "range_clause" and holder.child_by_field_name("left") == parent:
                # the element of a range over input is part of it: `for _, doc := range docs`
                elements = values_of(parent)
                if len(elements) == 2 and elements[1] == use:
                    return self.source(holder.child_by_field_name("right"), depth - 1)
            if holder.type == "arguments":
                return self._decoded(holder, use, depth)
            return None
        if parent.type == "var_spec":
            value = _spec_value(parent, use)
            return self.source(value, depth - 1) if value is not None else None
        if parent.type == "arguments":
            return self._decoded(parent, use, depth)
        if parent.type == "unary_expression" and text(parent.child_by_field_name("operator")) == "&" and \
                parent.parent is not None and parent.parent.type == "arguments":
            return self._decoded(parent.parent, parent, depth)
        return None

    def _decoded(self, arguments, argument, depth: int) -> str | None:
        """The decoder filling `argument` (decoder_of), unless what it decodes is a document the
        function encoded itself (`b, _ := json.Marshal(key)` then `json.Unmarshal(b, &m)`, a
        struct turned into a map: onap's key fields, read as no input worth a make) or one the
        source writes out (go-swagger's enum tables, `json.Unmarshal([]byte(`["get","create"]`),
        &res)`: dispatch's inits, three to five names each, were reported as input)."""
        found = decoder_of(self.file, arguments, argument)
        values = values_of(arguments)
        if found is None or len(values) < 2:
            return found
        data = unparen(values[0])
        while data is not None and data.type == "call_expression" and (
                data.child_by_field_name("function").type == "slice_type" or
                text(data.child_by_field_name("function")) == "string"):
            converted = values_of(data.child_by_field_name("arguments"))  # []byte(s), []uint8(s), string(b): s
            data = unparen(converted[0]) if len(converted) == 1 else None
        return None if data is not None and self._written_here(data, depth - 1) else found

    def _written_here(self, node, depth: int) -> bool:
        """Whether `node` is a string literal, or a local that every write before the decoder
        gives one or an encoder's result (library.ENCODE_CALLS) of a value holding no input: a
        document re-encoded from input (`json.Marshal(raw["items"])` of a file decoded) is input
        still."""
        if node.type in STRING_LITERALS:
            return True
        if node.type != "identifier":
            return False
        given = []
        for use in identifier_uses(self.file, self.function, text(node)):
            if use.start_byte >= node.start_byte:
                break
            if self._declares_another(use, node):
                continue
            parent = use.parent
            holder = parent.parent if parent is not None and parent.type == "expression_list" else parent
            if holder is not None and holder.type in ("short_var_declaration", "assignment") and \
                    holder.child_by_field_name("left") == parent:
                operator = holder.child_by_field_name("operator") if holder.type == "assignment" else None
                given.append(_value_for(holder.child_by_field_name("right"), parent, use)
                             if operator is None or text(operator) == "=" else None)
            elif holder is not None and holder.type == "var_spec":
                value = _spec_value(holder, use)
                if value is not None:  # none: the zero value, nothing
                    given.append(value)
        return bool(given) and all(value is not None and unparen(value).type in STRING_LITERALS or
                                   self._encoding_no_input(value, depth) for value in given)

    def _encoding_no_input(self, value, depth: int) -> bool:
        """Whether `value` is an encoder's call (library.ENCODE_CALLS) of values holding no input."""
        if value is None or value.type != "call_expression":
            return False
        callee = self.file.callee(value)
        arguments = values_of(value.child_by_field_name("arguments"))
        if callee is None or callee[1] not in ENCODE_CALLS.get(callee[0], ()):
            return False
        read = self.read  # what this search finds is not what the decoder's caller asked
        try:
            return not any(self.source(argument, depth - 1) for argument in arguments)
        finally:
            self.read = read

    def _grown_per_input(self, assignment, use, value, depth: int) -> str | None:
        """For `x = append(x, ...)` in a loop driven by input (`for sc.Scan()`, `for rows.Next()`,
        a range over input): the loop's input."""
        if value is None or value.type != "call_expression" or text(value.child_by_field_name("function")) != "append":
            return None
        for holder in ancestors(self.file, assignment):
            if holder == self.function:
                break
            if holder.type != "for_statement":
                continue
            condition = unparen(holder.child_by_field_name("condition")) or \
                next((c for c in holder.named_children if c.type == "range_clause"), None)
            if condition is None:
                continue
            if condition.type == "call_expression":
                function = condition.child_by_field_name("function")
                if function is not None and function.type == "selector_expression" and \
                        text(function.child_by_field_name("field")) in INPUT_LOOP_METHODS:
                    return text(function)
            if condition.type == "range_clause":
                found = self.source(condition.child_by_field_name("right"), depth - 1)
                if found:
                    return found
        return None


# Where the platform keeps files small: the kernel's pseudo-files
# (`os.ReadDir("/sys/bus/pci/devices/" + addr + "/net")`) list a machine's devices, mounts or
# processes, a handful of entries; a pod's service account holds its namespace, token and CA
# certificate, a few bytes to a few KB (compliance-operator reads its namespace in an init).
_SMALL_SYSTEM_DIRS = ("/sys/", "/proc/", "/var/run/secrets/kubernetes.io/serviceaccount/",
                      "/run/secrets/kubernetes.io/serviceaccount/")
# The system's own tables of names, a few KB each: ktranslate's init reads /etc/protocols
# (read as not worth a change).
_SMALL_SYSTEM_FILES = frozenset({"/etc/protocols", "/etc/services", "/etc/hosts", "/etc/resolv.conf",
                                 "/etc/passwd", "/etc/group", "/etc/os-release", "/etc/hostname",
                                 "/etc/nsswitch.conf", "/etc/machine-id"})


def reads_small_system_file(file: GoFile, call) -> bool:
    """Whether a read call's first argument is a path whose written-out start names where the
    platform keeps small files (`os.ReadFile("/sys/devices/system/cpu/smt/active")`,
    `filepath.Join(procRoot, "stat")` with `procRoot` given "/proc")."""
    arguments = values_of(call.child_by_field_name("arguments"))
    holders = [h for h in ancestors(file, call) if h.type in FUNCTION_NODES]
    if not arguments or not holders:
        return False
    return names_small_system_files(_Tracer(file, holders[-1], call.start_byte)._leading_text(arguments[0], 4))


def names_small_system_files(path: str | None) -> bool:
    """Whether a path (or its leading text) is where the platform keeps files small, read in
    microseconds (_SMALL_SYSTEM_DIRS, _SMALL_SYSTEM_FILES)."""
    return path is not None and ((path + "/").startswith(_SMALL_SYSTEM_DIRS) or path in _SMALL_SYSTEM_FILES)


_JOINS = frozenset({("path/filepath", "Join"), ("path", "Join"), ("fmt", "Sprintf")})


def _package_value(file: GoFile, name: str):
    """The value of the file's package-level `const` or `var` `name` given one value."""
    for kind, node in file.declarations:
        if kind not in ("const_declaration", "var_declaration"):
            continue
        for spec in node.named_children:
            names = [text(n) for n in spec.children_by_field_name("name")]
            values = values_of(spec.child_by_field_name("value"))
            if names == [name] and len(values) == 1:
                return values[0]
    return None


def _spec_value(spec, use):
    """The value a var spec gives its name `use` (`var a, b = f()`: the call), None when it
    gives none (the zero value) or `use` is not one of its names."""
    names = spec.children_by_field_name("name")
    values = values_of(spec.child_by_field_name("value"))
    if use not in names or not values:
        return None
    return values[names.index(use)] if len(values) == len(names) else values[0]


def _value_for(right, left, use):
    """The value `use`, one of the names in `left`, is given by the values in `right`."""
    names, values = values_of(left), values_of(right)
    if use not in names or not values:
        return None
    if len(values) == len(names):
        return values[names.index(use)]
    return values[0] if names.index(use) == 0 or len(values) == 1 else None
