"""SL003 unbounded-slice: an empty slice grown one append per iteration of a counted loop."""

from __future__ import annotations

import re

from golint_startup.go.constants import Constants
from golint_startup.go.gofile import GoFile
from golint_startup.go.inputs import decoder_of, input_source
from golint_startup.go.library import COSTLY_CALLS
from golint_startup.go.syntax import FUNCTION_NODES, STATEMENT_LISTS, WRITES, ancestors, binary_parts, \
    enclosing_function, ends_by_leaving, ends_process, identifier_uses, is_variadic, matches, mentions, names_of, \
    previous_statement, root_identifier, text, unparen, values_of, written_roots
from golint_startup.go.scope import declared_names
from golint_startup.go.types import INTEGER_TYPES, SLICE, FileTypes
from golint_startup.rule import SCOPE, SCOPE_HELP, STARTUP_MODEL, Option, Rule

# `s = append(s, ...)`: found in the source text first (anchored on the literal
# "append(", which is much cheaper than a tree query over every file); the tree then
# confirms it is an assignment statement directly in a loop body.
_APPEND_CALL = re.compile(rb"append\(\s*([A-Za-z_]\w*)\s*,")
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
_OPERATOR_BYTES = frozenset(b":!<>=+-*/%&|^")


def _assigned_to_self(source: bytes, call_start: int, name: bytes) -> int | None:
    """The offset of `name` when the text before `append(name,` is `name = `; else None."""
    window_start = max(0, call_start - len(name) - 64)
    before = source[window_start:call_start].rstrip()
    if not before.endswith(b"=") or (len(before) > 1 and before[-2] in _OPERATOR_BYTES):
        return None  # not a plain `=`: `:=`, `==`, `+=`...
    before = before[:-1].rstrip()
    start = len(before) - len(name)
    if not before.endswith(name) or (start > 0 and before[start - 1] in _WORD_BYTES):
        return None
    return window_start + start


_JUMPS = "[(break_statement) (continue_statement) (return_statement) (goto_statement)] @jump"
_BRANCH_TARGETS = {"for_statement", "expression_switch_statement", "type_switch_statement", "select_statement"}

# --- the empty declaration ------------------------------------------------------


def _is_zero(node) -> bool:
    node = unparen(node)
    if node is not None and node.type == "call_expression" and text(node.child_by_field_name("function")) in INTEGER_TYPES:
        arguments = values_of(node.child_by_field_name("arguments"))
        return len(arguments) == 1 and _is_zero(arguments[0])  # uint64(0)
    return node is not None and node.type == "int_literal" and text(node).replace("_", "") in {"0", "0x0", "00"}


def _empty_value(value, types: FileTypes) -> str | None:
    """The slice type to `make` when `value` is an empty slice; None otherwise."""
    value = unparen(value)
    if value is None:
        return None
    if value.type == "composite_literal":
        body = value.child_by_field_name("value")
        if body is not None and not [n for n in body.named_children if n.type != "comment"]:
            return text(value.child_by_field_name("type"))
    if value.type == "call_expression":
        function = value.child_by_field_name("function")
        arguments = values_of(value.child_by_field_name("arguments"))
        if function is not None and text(function) == "make" and len(arguments) in {2, 3} and \
                all(_is_zero(a) for a in arguments[1:]):
            return text(arguments[0])
        if function is None or len(arguments) != 1 or text(arguments[0]) != "nil":
            return None
        # []T(nil), and Users(nil) with `type Users []User` declared in the file.
        converted = function if function.type == "slice_type" else \
            types.underlying(types.named.get(text(function))) if function.type == "identifier" else None
        if converted is not None and not isinstance(converted, str) and converted.type == "slice_type":
            return text(function)
    return None


def _empty_declaration(statement, name: str, types: FileTypes):
    """(node to report, slice type text) when `statement` declares `name` as an empty slice."""
    if statement.type == "short_var_declaration":
        names = names_of(statement.child_by_field_name("left"))
        values = values_of(statement.child_by_field_name("right"))
        if name in names and len(values) == len(names):
            slice_type = _empty_value(values[names.index(name)], types)
            if slice_type:
                return _declared_name(statement.child_by_field_name("left").named_children, name, statement), \
                    slice_type
        return None
    if statement.type != "var_declaration":
        return None
    specs = statement.named_children
    for spec in specs:
        if spec.type != "var_spec":
            continue
        names = [text(n) for n in spec.children_by_field_name("name")]
        if name not in names:
            continue
        values = values_of(spec.child_by_field_name("value"))
        declared = spec.child_by_field_name("type")
        if not values:
            # Appending to it compiles, so the zero value is a nil slice.
            slice_type = text(declared) if declared is not None else None
        elif len(values) == len(names):
            slice_type = _empty_value(values[names.index(name)], types)
            if slice_type and declared is not None:
                slice_type = text(declared)
        else:
            slice_type = None
        if not slice_type:
            return None
        report = statement if len(specs) == 1 else spec
        return _declared_name(spec.children_by_field_name("name"), name, report), slice_type
    return None


def _declared_name(identifiers, name: str, whole):
    """Report a declaration of several names at the one meant, so each finding has its own place."""
    if len(identifiers) < 2:
        return whole
    return next((node for node in identifiers if text(node) == name), whole)


# --- the loop ---------------------------------------------------------------------


_PURE = frozenset({"len", "cap", "min", "max"}) | INTEGER_TYPES | {"float32", "float64"}


# Builtins that allocate but change no variable the capacity may read.
_ALLOCATING = frozenset({"make", "new", "append"})


def _has_call(file: GoFile, node, also_pure: frozenset = frozenset()) -> bool:
    """Whether `node` calls something other than a pure builtin or a conversion to a numeric
    type (`int(n)`, `uint64(x)`): any other call might not return the same twice."""
    for found in matches("(call_expression function: (_) @fn) @call", node):
        function = found["fn"][0]
        if function.type != "identifier" or (text(function) not in _PURE and text(function) not in also_pure) \
                or file.is_shadowed(function):
            return True
    return False


_PACKAGE_CALL = "(call_expression function: (selector_expression operand: (identifier) @package field: (field_identifier) @name))"


def _calls_costly(file: GoFile, body, types: FileTypes) -> bool:
    """Whether `body` calls a package function that costs far more than an append
    (library.COSTLY_CALLS: `os.ReadFile`, `json.Marshal`, `exec.Command`), or a function or a
    method declared in the file whose body does (hailo-device-plugin's loop over its device
    files calls its own `IsHealthy`, an `os.Stat`; read as not worth a change)."""
    if _calls_costly_itself(file, body):
        return True
    for found in matches(_OWN_CALL, body):
        called = found["fn"][0]
        if called.type == "identifier":
            declared = [] if file.is_shadowed(called) else [types.funcs.get(text(called))]
        elif file.package_of(found["operand"][0]) is None:
            declared = [types.method_of(found["operand"][0], text(called))]
        else:
            continue  # a package's function: _calls_costly_itself
        # Not in a function literal it returns, stores or starts (`return func() { os.ReadFile(p)
        # }`, `go func() {...}()`): the call costs a closure, not the read. One it calls, or
        # hands to a call (`withLock(func() {...})`), runs here.
        if any(function is not None and (own := function.child_by_field_name("body")) is not None and
               _calls_costly_itself(file, own, run_later=False) for function in declared):
            return True
    return False


_OWN_CALL = "(call_expression function: [(identifier) @fn (selector_expression operand: (_) @operand field: (field_identifier) @fn)])"


def _calls_costly_itself(file: GoFile, body, run_later: bool = True) -> bool:
    """Whether `body` calls a package function of library.COSTLY_CALLS (with `run_later`, also
    inside the function literals not known to run in place: _in_literal_run_later)."""
    return any(text(found["name"][0]) in COSTLY_CALLS.get(file.package_of(found["package"][0]) or "", ())
               and (run_later or not _in_literal_run_later(file, found["name"][0], body))
               for found in matches(_PACKAGE_CALL, body))


def _in_literal_run_later(file: GoFile, node, within) -> bool:
    """Whether `node` sits, below `within`, in a function literal not known to run in place:
    only one called at once (`func() {...}()`) or handed to a call (`withLock(func() {...})`),
    as a statement or deferred, runs there; one returned, stored or started with `go` runs
    later, or never."""
    chain = ancestors(file, node)
    for index, holder in enumerate(chain):
        if holder == within:
            return False
        if holder.type == "function_literal" and not _runs_in_place(chain[index + 1:index + 4]):
            return True
    return False


def _runs_in_place(outer) -> bool:
    """Whether a function literal, held by `outer` (innermost first), is called at once or
    handed to a call, that call being a statement of its own or deferred."""
    kinds = [holder.type for holder in outer]
    called = kinds[:2] in (["call_expression", "expression_statement"], ["call_expression", "defer_statement"])
    handed = kinds[:3] in (["arguments", "call_expression", "expression_statement"],
                           ["arguments", "call_expression", "defer_statement"])
    return called or handed


def _root_name(node) -> str | None:
    root = root_identifier(unparen(node), through_dereference=True)
    return text(root) if root is not None else None


def _jump_skips(file: GoFile, jump, loop) -> bool:
    """Whether a break/continue/return/goto inside `loop` can skip an append in its body."""
    label = next((text(c) for c in jump.named_children if c.type == "label"), None)
    for node in ancestors(file, jump):
        if node == loop:
            break
        if node.type == "function_literal":
            return False  # it leaves the closure, not the loop
        if label is not None and node.type == "labeled_statement" and \
                text(node.child_by_field_name("label")) == label:
            return False  # targets a statement nested in the loop
        if label is None and jump.type == "break_statement" and node.type in _BRANCH_TARGETS:
            return False
        if label is None and jump.type == "continue_statement" and node.type == "for_statement":
            return False
    return True


def _count_text(expr) -> str:
    """Wrap in parentheses when needed inside a product or difference."""
    return text(expr) if expr.type in {"identifier", "int_literal", "selector_expression", "call_expression",
                                       "index_expression", "parenthesized_expression"} else f"({text(expr)})"


_PLACEHOLDERS = ("items", "list", "all", "src", "elems")
_ITERATOR_METHODS = frozenset({"All", "Keys", "Values", "Backward"})


def _iterator_call(expr) -> bool:
    """Whether `expr` calls a method named as Go's iterators are (`x.All()`)."""
    function = expr.child_by_field_name("function") if expr.type == "call_expression" else None
    return function is not None and function.type == "selector_expression" and \
        text(function.child_by_field_name("field")) in _ITERATOR_METHODS


def _placeholder(file: GoFile, node) -> str:
    """A variable name for the suggested fix that nothing in the enclosing function spells."""
    function = enclosing_function(file, node) or file.root
    for name in _PLACEHOLDERS + tuple(f"items{i}" for i in range(2, 100)):
        if not identifier_uses(file, function, name) and name not in file.imports:
            return name
    return "items"


def _range_capacity(file: GoFile, clause, types: FileTypes, read: bool) -> tuple[str, str] | None:
    """(capacity expression, a hint) for a range clause over something with a known length.
    `read`: the ranged value holds input read at run time (bytes, lines, entries, a decoded
    document), which has a length even where its type is not known here."""
    right = unparen(clause.child_by_field_name("right"))
    if right is None:
        return None
    if right.type == "int_literal":
        return text(right), ""
    if right.type == "composite_literal":
        body = right.child_by_field_name("value")
        count = len([n for n in body.named_children if n.type != "comment"]) if body is not None else 0
        return str(count), ""
    t = types.of(right)
    # Input whose type is not known has a length, but not what its iterator methods return
    # (Go 1.23's `All`, `Keys`, `Values`, `Backward`): `len(shares.All())` would not compile.
    if not types.length_known(t) and not (read and types.underlying(t) is None and not _iterator_call(right)):
        return None
    if types.is_integer(t):
        return _count_text(right), ""
    if _has_call(file, right):
        v = _placeholder(file, clause)
        return f"len({v})", f" after storing {text(right)} in a variable {v}"
    return f"len({text(right)})", ""


def _for_capacity(file: GoFile, loop, clause, name: str) -> str | None:
    """`n-a` for `for i := a; i < n; i++` whose bounds the body leaves alone."""
    initializer = clause.child_by_field_name("init_statement")
    condition = binary_parts(clause.child_by_field_name("condition"))
    update = clause.child_by_field_name("post_statement")
    if initializer is None or condition is None or update is None or initializer.type != "short_var_declaration":
        return None
    names = names_of(initializer.child_by_field_name("left"))
    starts = values_of(initializer.child_by_field_name("right"))
    if len(names) != 1 or len(starts) != 1:
        return None
    counter, start = names[0], starts[0]
    operator, left, bound = condition
    if text(left) != counter or operator not in {"<", "<="} or bound is None:
        return None
    if update.type == "inc_dec_statement":
        if text(update.child_by_field_name("operand")) != counter or text(update.child_by_field_name("operator")) != "++":
            return None
    elif update.type == "assignment":
        if text(update.child_by_field_name("left")) != counter or text(update.child_by_field_name("operator")) != "+=" \
                or text(update.child_by_field_name("right")) != "1":
            return None
    else:
        return None
    if _has_call(file, bound) or _has_call(file, start) or mentions(file, bound, name) or mentions(file, start, name):
        return None
    # The bounds must stay put: nothing in the body writes the counter or a variable of the bound.
    watched = {counter} | {text(n) for n in _identifiers(bound)}
    body = loop.child_by_field_name("body")
    for found in matches(WRITES, body):
        for side in found.get("lhs", []) + found.get("decl", []):
            targets = side.named_children if side.type == "expression_list" else [side]
            if any(_root_name(t) in watched for t in targets):
                return None
    extra = 1 if operator == "<=" else 0
    if start.type == "int_literal" and bound.type == "int_literal":
        try:
            return str(max(0, int(text(bound).replace("_", ""), 0) - int(text(start).replace("_", ""), 0) + extra))
        except ValueError:
            return None
    capacity = _count_text(bound)
    if not _is_zero(start):
        start_text = text(start) if start.type in {"identifier", "int_literal", "selector_expression"} \
            else f"({text(start)})"
        capacity = f"{capacity}-{start_text}"
    return f"{capacity}+1" if extra else capacity


def _identifiers(node) -> list:
    return [n for found in matches("(identifier) @id", node) for n in found["id"]] + \
        ([node] if node.type == "identifier" else [])


def _per_iteration(file: GoFile, body_list, name: str) -> int | None:
    """Elements appended on every iteration by direct `name = append(name, ...)` statements;
    None when something else in the body rules the loop out."""
    count = 0
    for statement in body_list.named_children:
        if statement.type != "assignment" or text(statement.child_by_field_name("operator")) != "=":
            continue
        left = values_of(statement.child_by_field_name("left"))
        right = values_of(statement.child_by_field_name("right"))
        if len(left) != 1 or text(left[0]) != name or len(right) != 1:
            continue
        call = right[0]
        if call.type != "call_expression" or text(call.child_by_field_name("function")) != "append":
            return None  # reassigned to something else
        arguments = values_of(call.child_by_field_name("arguments"))
        if not arguments or text(arguments[0]) != name:
            return None
        if is_variadic(call.child_by_field_name("arguments")):
            return None  # a spread: the count per iteration is unknown
        count += len(arguments) - 1
    return count or None


def _loop_finding(file: GoFile, loop, name: str, types: FileTypes, options: dict):
    statement = loop.parent if loop.parent is not None and loop.parent.type == "labeled_statement" else loop
    if statement.parent is None or statement.parent.type not in STATEMENT_LISTS:
        return None
    # The first earlier statement that mentions the slice must be its empty declaration.
    # The first earlier statement that mentions the slice, other than appends to it, must be
    # its empty declaration; the appends between count towards the capacity.
    extra: list = []
    previous = previous_statement(statement)
    while previous is not None and (previous.type == "comment" or not mentions(file, previous, name)
                                    or _self_append(file, previous, name) is not None):
        if previous.type != "comment" and mentions(file, previous, name):
            extra.append(_self_append(file, previous, name))
        previous = previous_statement(previous)
    if previous is None:
        return None
    following = statement.next_named_sibling
    while following is not None and (following.type == "comment" or not mentions(file, following, name)):
        following = following.next_named_sibling
    while following is not None and _self_append(file, following, name) is not None:
        extra.append(_self_append(file, following, name))
        following = following.next_named_sibling
        while following is not None and following.type == "comment":
            following = following.next_named_sibling
    declaration = _empty_declaration(previous, name, types)
    if declaration is None or _on_the_way_out(file, statement):
        return None
    report_node, slice_type = declaration

    body = loop.child_by_field_name("body")
    per_iteration = _per_iteration(file, body, name)
    if per_iteration is None:
        return None
    for found in matches(WRITES, body):
        for side in found.get("decl", []):
            if name in names_of(side):
                return None  # a shadowing declaration in the loop
        for side in found.get("lhs", []):
            if side.type != "expression_list":
                continue  # `x++` / `x--`: never a slice
            for target in side.named_children:
                if text(target) == name and side.parent.parent != body:
                    # a write to the slice nested in the body: only appends keep the
                    # capacity a lower bound
                    right = values_of(side.parent.child_by_field_name("right"))
                    if len(right) != 1 or right[0].type != "call_expression" or \
                            text(right[0].child_by_field_name("function")) != "append":
                        return None
    for found in matches(_JUMPS, body):
        if _jump_skips(file, found["jump"][0], loop):
            return None
    if _calls_costly(file, body, types):
        return None  # each iteration's own work dwarfs the regrowth

    hint = ""
    clause = next((c for c in loop.named_children if c.type in {"range_clause", "for_clause"}), None)
    if clause is None:
        return None
    read_by = None
    if options["sources"] == "input":
        # Only a loop over input read at run time grows the slice to a size worth a make.
        counted = clause.child_by_field_name("right") if clause.type == "range_clause" else \
            unparen(clause.child_by_field_name("condition"))
        compared = binary_parts(counted)
        if compared is not None:
            counted = compared[2]
        read_by = input_source(file, counted, loop.start_byte) if counted is not None else None
        if read_by is None or _bounded_by_guard(file, statement, clause):
            return None
    if clause.type == "range_clause":
        if mentions(file, clause, name):
            return None
        capacity = _range_capacity(file, clause, types, read_by is not None)
        if capacity is None:
            return None
        capacity, hint = capacity
        over = f"range over {text(clause.child_by_field_name('right'))}"
    else:
        if not options["for-loops"]:
            return None
        capacity = _for_capacity(file, loop, clause, name)
        if capacity is None:
            return None
        over = "for loop"
    if per_iteration > 1:
        if capacity.isdigit():
            capacity = str(per_iteration * int(capacity))
        else:
            capacity = f"{per_iteration}*({capacity})" if "-" in capacity or "+" in capacity \
                else f"{per_iteration}*{capacity}"
    capacity, uncounted = _plus_extra(capacity, extra)
    if uncounted:
        hint += f" (plus what the appends of {', '.join(uncounted)} outside the loop add)"
    elif extra:
        hint += " (the appends before and after the loop included)"
    if len(over) > 60:
        over = over[:57] + "..."
    # The capacity must be computable where the slice is declared; otherwise the make moves.
    # So must its value: a call in between (a lock taken, a map filled) may change it.
    between, written, calls, appended_before = set(), set(), False, False
    sibling = previous.next_named_sibling
    while sibling is not None and sibling != statement:
        if _self_append(file, sibling, name) is not None:
            appended_before = True  # counted above; its arguments read, they do not resize
        elif sibling.type != "comment":
            between.update(declared_names(sibling))
            written.update(written_roots(sibling))
            calls = calls or _has_call(file, sibling, _ALLOCATING)
        sibling = sibling.next_named_sibling
    capacity_names = set(re.findall(r"[A-Za-z_]\w*", capacity))
    late = sorted(between & capacity_names)
    changed = sorted(written & capacity_names)
    if calls and _fixed_by_value(file, clause, capacity, written, previous, statement, types):
        calls = False  # a call given a slice, array or string by value cannot change its length
    if late or changed or (calls and not capacity.isdigit()):
        if appended_before:
            return None  # the make cannot move below the appends that precede the loop

        if late:
            why = f"{', '.join(late)} {'is' if len(late) == 1 else 'are'} declared after {name}"
        elif changed:
            why = f"{', '.join(changed)} {'is' if len(changed) == 1 else 'are'} written between the declaration " \
                  f"and the loop"
        else:
            why = f"the calls between the declaration and the loop may change {capacity}"
        fix = f"declare it just before the loop as {name} := make({slice_type}, 0, {capacity}){hint}, since {why}"
    else:
        fix = f"preallocate it with make({slice_type}, 0, {capacity}){hint}"
    read = f" (input read at run time by {read_by})" if read_by else ""
    return RULE.finding(
        file.path, report_node,
        f"{name} starts empty and is appended to on every iteration of the {over}{read}, regrowing and copying "
        f"its backing array; {fix}")


# The largest count an earlier guard may leave a loop and still make it short: growing a slice
# of 1,000 pointers from nil costs 4.4 µs and 17.5 KB more than preallocating it (see the help).
_GUARDED_COUNT_MOST = 1000


def _bounded_by_guard(file: GoFile, statement, clause) -> bool:
    """Whether an earlier statement of the function bounds the loop's count by a constant of at
    most _GUARDED_COUNT_MOST: an `if` that leaves the function (return, panic) when `len(xs)`
    exceeds it (`if len(opts) < 2 || len(opts) > 4 { return errTooMany }`), with no statement
    between that names `xs` (which might write it: `xs, err := ...`, `fill(&xs)`), no header
    around the loop that declares it, and nothing else that may write it (_written_elsewhere).
    Its size is then known when the code is written, as a literal's is."""
    if clause.type != "range_clause":
        return False
    counted = unparen(clause.child_by_field_name("right"))
    root = _root_name(counted)
    if root is None:
        return False
    length = f"len({text(counted)})"
    constants = Constants(file)
    chain = [statement, *ancestors(file, statement)]
    function = next((node for node in chain if node.type in FUNCTION_NODES), None)
    if function is None or _written_elsewhere(file, text(counted), root, statement):
        return False
    # The loop, then each statement around it, out of `if`, `switch` and `select` bodies; not
    # out of an enclosing loop, whose earlier iterations may write the slice, nor the function.
    for index, node in enumerate(chain[:chain.index(function)]):
        if index and node.type == "for_statement":
            return False
        # `if xs, err := load(); ... {`, `switch xs := v.(type) {`, `case xs := <-c:`
        header = [node.child_by_field_name(field) for field in ("init_statement", "name", "communication")]
        if any(part is not None and mentions(file, part, root) for part in header):
            return False
        if chain[index + 1].type not in STATEMENT_LISTS:
            continue
        earlier = previous_statement(node)
        while earlier is not None:
            if earlier.type != "comment":
                bound = _guard_bound(file, earlier, length, constants)
                if bound is not None and bound <= _GUARDED_COUNT_MOST:
                    return True
                if bound is None and mentions(file, earlier, root):
                    return False
            earlier = previous_statement(earlier)
    return False


# What a use of a variable may be part of when its address is taken: `&q.Options`, `&xs[0]`, `&(xs)`.
_PARTS = frozenset({"selector_expression", "index_expression", "parenthesized_expression"})


def _written_elsewhere(file: GoFile, counted: str, root: str, loop) -> bool:
    """Whether the function that declares `root` (else the outermost: closures share its
    locals) may write what the loop counts (`counted`, `q.Options`) other than by a statement
    between a guard and the loop, where that may run before the loop does (before its end in
    the text, or anywhere when a loop or a closure holds it): a function literal that does not
    hold the loop assigns it, takes its address or calls a method of it (`reload := func() { xs
    = ... }`), or the address of it or of what holds it is taken but to decode into it (`p :=
    &xs`, `ch <- &q.Options`, not `&q.Name`; not `json.Unmarshal(data, &xs)`, the read that
    makes it input)."""
    holders = ancestors(file, loop)
    functions = [node for node in holders if node.type in FUNCTION_NODES]
    if not functions:
        return True
    function = next((f for f in functions if _declares(file, f, root)), functions[-1])
    later_first = any(node.type in {"for_statement", "function_literal"} and function.start_byte < node.start_byte
                      for node in holders)
    for use in identifier_uses(file, function, root):
        if use.start_byte > loop.end_byte and not later_first:
            continue  # after the loop: it cannot change what the loop counts
        outer = ancestors(file, use)
        index = 0
        while index < len(outer) and outer[index].type in _PARTS:
            index += 1
        address = outer[index] if index < len(outer) else None
        part = text(unparen(outer[index - 1])) if index else root  # `&(xs)`: xs
        literals = [node for node in outer if node.type == "function_literal" and node not in holders]
        if address is not None and address.type == "unary_expression" and \
                text(address.child_by_field_name("operator")) == "&":
            holds_counted = counted == part or counted.startswith(part + ".") or counted.startswith(part + "[")
            if holds_counted and (literals or not (address.parent is not None and address.parent.type == "arguments"
                                                   and decoder_of(file, address.parent, address))):
                return True
        method = use.parent is not None and use.parent.type == "selector_expression" and \
            use.parent.parent is not None and use.parent.parent.type == "call_expression" and \
            use.parent.parent.child_by_field_name("function") == use.parent
        if literals and (method or any(root in written_roots(literal) for literal in literals)):
            return True
    return False


def _declares(file: GoFile, function, root: str) -> bool:
    """Whether `function` declares `root` itself: a parameter or receiver, or a `:=`, `var` or
    range of its own body (not of a closure in it; a type switch's alias aside)."""
    for use in identifier_uses(file, function, root):
        holders = ancestors(file, use)
        # the declaring node is at most three up: expression_list, short_var_declaration;
        # var_spec, var_declaration; parameter_declaration, parameters
        if any(node.type != "type_switch_statement" and root in declared_names(node) for node in holders[:3]) and \
                next((node for node in holders if node.type in FUNCTION_NODES), None) == function:
            return True
    return False


def _guard_bound(file: GoFile, statement, length: str, constants: Constants) -> int | None:
    """For `if <condition> { ...; return }` (no `else`, no initializer): the most `length` can
    be after it, when the condition tells; None otherwise."""
    if statement.type != "if_statement" or statement.child_by_field_name("else") is not None or \
            statement.child_by_field_name("init_statement") is not None or \
            not ends_by_leaving(file, statement.child_by_field_name("body")):
        return None
    return _length_bound_when_false(statement.child_by_field_name("condition"), length, constants)


def _length_bound_when_false(condition, length: str, constants: Constants) -> int | None:
    """The largest value `length` (`len(xs)`) can have when `condition` is false, or None."""
    parts = binary_parts(condition)
    if parts is None:
        return None
    operator, left, right = parts[0], unparen(parts[1]), unparen(parts[2])
    if operator in {"||", "&&"}:
        bounds = [_length_bound_when_false(side, length, constants) for side in (left, right)]
        known = [b for b in bounds if b is not None]
        if operator == "||":  # both sides are false
            return min(known) if known else None
        return max(bounds) if len(known) == 2 else None  # at least one side is false
    if text(left) == length:
        limit, strict = constants.value(right), {">": 0, ">=": 1, "!=": 0}.get(operator)
    elif text(right) == length:
        limit, strict = constants.value(left), {"<": 0, "<=": 1, "!=": 0}.get(operator)
    else:
        return None
    return None if limit is None or strict is None else limit - strict


def _fixed_by_value(file: GoFile, clause, capacity: str, written: set, previous, statement, types: FileTypes) -> bool:
    """Whether the capacity reads only `len(v)` of the range's own variable `v`, a slice,
    array or string (not a map), which no statement between the declaration and the loop
    assigns or takes the address of."""
    right = unparen(clause.child_by_field_name("right")) if clause.type == "range_clause" else None
    if right is None or right.type != "identifier" or text(right) in written or \
            set(re.findall(r"[A-Za-z_]\w*", capacity)) != {"len", text(right)}:
        return False
    t = types.underlying(types.of(right))
    if not (t == SLICE or t == "string" or (t is not None and not isinstance(t, str) and
                                            t.type in {"slice_type", "array_type", "implicit_length_array_type"})):
        return False
    sibling = previous.next_named_sibling
    while sibling is not None and sibling != statement:
        # `&v`, or `v.M()` whose pointer receiver takes the address implicitly
        for found in matches('[(unary_expression operator: "&" operand: (identifier) @v) '
                             '(call_expression function: (selector_expression operand: (identifier) @v))]', sibling):
            if text(found["v"][0]) == text(right):
                return False
        sibling = sibling.next_named_sibling
    return True


def _on_the_way_out(file: GoFile, statement) -> bool:
    """Whether the statements after `statement` reach a call that ends the process, or a
    return of a new error (`return nil, fmt.Errorf("unknown keys %s", ...)`), with no jump
    before it: the slice is then built once, for the message of a failure, and its growth
    costs nothing worth a change."""
    following = statement.next_named_sibling
    while following is not None:
        if ends_process(file, following) or _returns_new_error(file, following):
            return True
        if following.type != "comment" and matches(_JUMPS, following):
            return False
        following = following.next_named_sibling
    return False


_NEW_ERRORS = {("fmt", "Errorf"), ("errors", "New"), ("github.com/pkg/errors", "New"),
               ("github.com/pkg/errors", "Errorf"), ("github.com/pkg/errors", "Wrapf")}


def _returns_new_error(file: GoFile, statement) -> bool:
    if statement.type != "return_statement":
        return False
    values = [v for v in statement.named_children if v.type != "comment"]
    results = values_of(values[0]) if values and values[0].type == "expression_list" else values
    last = results[-1] if results else None
    return last is not None and last.type == "call_expression" and file.callee(last) in _NEW_ERRORS


def _self_append(file: GoFile, statement, name: str):
    """For `name = append(name, a, b)`: 2; for `name = append(name, xs...)`: the text `len(xs)`
    (or a node when xs calls something: the count cannot be written). None otherwise."""
    if statement.type != "assignment" or text(statement.child_by_field_name("operator")) != "=":
        return None
    left = values_of(statement.child_by_field_name("left"))
    right = values_of(statement.child_by_field_name("right"))
    if len(left) != 1 or text(left[0]) != name or len(right) != 1 or right[0].type != "call_expression" \
            or text(right[0].child_by_field_name("function")) != "append":
        return None
    arguments_node = right[0].child_by_field_name("arguments")
    arguments = values_of(arguments_node)
    if not arguments or text(arguments[0]) != name:
        return None
    if is_variadic(arguments_node):
        spread = arguments[-1]
        return spread if _has_call(file, spread) or mentions_name(spread, name) else f"len({text(spread)})"
    return len(arguments) - 1


def mentions_name(node, name: str) -> bool:
    return any(text(n) == name for n in _identifiers(node))


def _plus_extra(capacity: str, extra: list) -> tuple[str, list[str]]:
    """The capacity with the elements appended outside the loop added; the spreads whose
    length cannot be written, by their text."""
    constant = sum(e for e in extra if isinstance(e, int))
    lengths = [e for e in extra if isinstance(e, str)]
    uncounted = [text(e) for e in extra if not isinstance(e, (int, str))]
    if capacity.isdigit():
        capacity, constant = str(int(capacity) + constant), 0
    parts = [capacity] + lengths + ([str(constant)] if constant else [])
    return "+".join(parts), uncounted


def _loop_appends(file: GoFile):
    """(loop, slice name) for each `name = append(name, ...)` statement directly in a for body."""
    for found in _APPEND_CALL.finditer(file.source):
        name = found.group(1)
        offset = _assigned_to_self(file.source, found.start(), name)
        if offset is None:
            continue
        target = file.root.descendant_for_byte_range(offset, offset + len(name))
        left = target.parent if target is not None and target.type == "identifier" else None
        statement = left.parent if left is not None and left.type == "expression_list" else None
        if statement is None or statement.type != "assignment" or \
                statement.child_by_field_name("left") != left or len(left.named_children) != 1:
            continue
        block = statement.parent
        loop = block.parent if block is not None and block.type == "block" else None
        if loop is not None and loop.type == "for_statement" and loop.child_by_field_name("body") == block:
            yield loop, text(target)


def check(file: GoFile, options: dict):
    if b"append(" not in file.source:
        return
    types = None
    seen = set()
    for loop, name in _loop_appends(file):
        if (loop.id, name) in seen:
            continue
        seen.add((loop.id, name))
        if types is None:
            types = FileTypes(file)
        finding = _loop_finding(file, loop, name, types, options)
        if finding is not None:
            yield finding


RULE = Rule.from_docs(
    __file__, options=(Option("for-loops", True, "also check three-clause loops `for i := a; i < n; i++`"),
                       Option("sources", "input", 'which loops to report: "input" (over input read at run time in '
                              'the same function: file lines, a decoded document, a directory listing) or "any" '
                              '(every loop whose count is known)', choices=("input", "any")),
                       SCOPE),
    check=check, requires=(STARTUP_MODEL,), snippets={"SCOPE_HELP": SCOPE_HELP},
)
