"""SL005 zap-development-mode: zap's development logger in code that ships."""

from __future__ import annotations

from golint_startup.go.gofile import GoFile
from golint_startup.go.syntax import ancestors, enclosing_function, identifier_uses, matches, text
from golint_startup.rule import SERVING_PROGRAMS, STARTUP_MODEL, Option, Rule

ZAP = "go.uber.org/zap"

_FLAGGED_CALLS = {
    "NewDevelopment": "builds a development logger: debug level, no sampling, a stack trace for "
                      "every warning, and DPanic panics",
    "NewExample": "builds zap's example logger (debug level, for testable examples), not a production logger",
    "NewDevelopmentConfig": "starts from the development config: debug level, no sampling, a stack "
                            "trace for every warning, and DPanic panics",
    "Development": "puts the logger in development mode, where DPanic panics and warnings carry stack traces",
}

_CALLS = """
(call_expression
  function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @name)
  (#any-of? @name "NewDevelopment" "NewExample" "NewDevelopmentConfig" "Development")
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
    return False


def check(file: GoFile, options: dict):
    # Tests may build any logger they like, also when --tests brings them in.
    if file.is_test or not file.imports_path(ZAP):
        return
    if file.constraint is not None and file.constraint.requires_any(set(options["dev-tags"])):
        return
    for found in matches(_CALLS, file.root):
        call = found["call"][0]
        if file.package_of(found["pkg"][0]) != ZAP or under_runtime_choice(file, call):
            continue
        name = text(found["name"][0])
        described = _FLAGGED_CALLS[name]
        if name == "NewDevelopmentConfig":
            # Its encoder settings only change how lines look; its level is the one cost left.
            used, assigned = _config_fields_used(file, call) or (None, set())
            if used is not None and used <= {"EncoderConfig"}:
                continue
            if used is not None and used <= {"EncoderConfig", "Level"} and "Level" not in assigned:
                described = "takes the development config's level: debug, so every debug line is written"
            elif "Level" in assigned:
                described = "starts from the development config: no sampling, a stack trace for every warning, " \
                            "and DPanic panics (its debug level is replaced here)"
        yield RULE.finding(file.path, call, f"zap.{name}() {described}; "
                                            "use the production logger or choose at run time")
    for found in matches(_CONFIG_LITERALS, file.root):
        field = found["field"][0]
        if file.package_of(found["pkg"][0]) != ZAP or under_runtime_choice(file, field):
            continue
        yield RULE.finding(file.path, field, "zap.Config{Development: true} puts the logger in development "
                                             "mode, where DPanic panics and warnings carry stack traces")


def _config_fields_used(file: GoFile, call) -> tuple[set[str], set[str]] | None:
    """(the fields and methods used of the development config `call` makes, the fields assigned
    of them), when only those are (`cfg := zap.NewDevelopmentConfig();
    zapcore.NewConsoleEncoder(cfg.EncoderConfig)`, or `zap.NewDevelopmentConfig().EncoderConfig`);
    None when the config itself goes somewhere."""
    parent = call.parent
    if parent.type == "selector_expression":
        return {text(parent.child_by_field_name("field"))}, set()
    if parent.type != "expression_list" or len(parent.named_children) != 1 or \
            parent.parent.type not in ("short_var_declaration", "assignment", "var_spec"):
        return None
    declared = parent.parent.child_by_field_name("left") or parent.parent.child_by_field_name("name")
    names = declared.named_children if declared.type == "expression_list" else [declared]
    if len(names) != 1 or names[0].type != "identifier":
        return None
    holder = enclosing_function(file, call)
    if holder is None:
        return None
    uses = identifier_uses(file, holder, text(names[0]), after=call.end_byte)
    if not uses or any(use.parent.type != "selector_expression" for use in uses):
        return None
    fields = {text(use.parent.child_by_field_name("field")) for use in uses}
    assigned = {text(use.parent.child_by_field_name("field")) for use in uses
                if use.parent.parent.type == "expression_list" and use.parent.parent.parent.type == "assignment"
                and use.parent.parent == use.parent.parent.parent.child_by_field_name("left")}
    return fields, assigned


RULE = Rule.from_docs(
    __file__,
    options=(Option("dev-tags", ["dev", "debug", "development"],
                    "build tags that mark development-only files"),),
    check=check,
    requires=(STARTUP_MODEL, SERVING_PROGRAMS),
)
