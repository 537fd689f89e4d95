"""Which file a viper config load reads, found in the tree as viper looks for it, and what
loading it allocates (the bytes viper allocates per byte of each format, measured by
bench/configload)."""

from __future__ import annotations

import os
from typing import NamedTuple

from golint_startup.go.constants import Constants
from golint_startup.go.embed import embedded_data_variables, embedded_files, human_size
from golint_startup.go.gofile import GoFile
from golint_startup.go.library import VIPER
from golint_startup.go.syntax import ancestors, enclosing_function, matches, text, unparen, values_of
from golint_startup.go.treefiles import file_size, in_the_tree, run_directories

# viper's calls that say which file ReadInConfig reads.
_SETTERS = ("SetConfigFile", "SetConfigName", "AddConfigPath", "SetConfigType")
# Calls that make a reader of bytes, for ReadConfig and MergeConfig.
_READERS = {("bytes", "NewReader"), ("strings", "NewReader"), ("bytes", "NewBuffer"), ("bytes", "NewBufferString")}
# viper's SupportedExts, in the order ReadInConfig tries them in each config path.
_VIPER_EXTENSIONS = ("json", "toml", "yaml", "yml", "properties", "props", "prop", "hcl", "tfvars", "dotenv", "env", "ini")
# Bytes allocated per byte of the file while viper v1.21 loads it with ReadInConfig, measured
# by bench/configload (a nested document of services, 1 KiB to 10 MiB): YAML 29-38, JSON
# 8-9, TOML 23-28. Formats not measured count as YAML.
_ALLOCATED_PER_BYTE = {"yaml": 30, "json": 8, "toml": 24}
_UNMEASURED_PER_BYTE = 30
_SELECTOR_CALLS = """(call_expression
  function: (selector_expression operand: (_) @receiver field: (field_identifier) @method)
  arguments: (arguments) @args) @call"""


class ConfigSource(NamedTuple):
    """What a load is told to read, as literals of its file: a file (`SetConfigFile`), names
    looked for in config paths (`SetConfigName`, `AddConfigPath`, in call order), a format
    (`SetConfigType`), or the `//go:embed` patterns of the data a reader wraps (`ReadConfig`)."""

    files: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    embedded: tuple[str, ...] = ()


def config_source(file: GoFile, span: tuple[int, int, int, int]) -> ConfigSource | None:
    """What the viper load whose call spans `span` (line, col, end line, end col) reads: the
    setters called on its receiver in its function, or, for the package-level viper,
    anywhere in its file when its function calls none. None when the call is not a method
    call there."""
    start, end = (span[0] - 1, span[1] - 1), (span[2] - 1, span[3] - 1)
    innermost = file.root.descendant_for_point_range(start, end)
    node = next((n for n in [innermost, *ancestors(file, innermost)] if n is not None and n.type == "call_expression"
                 and (n.start_point, n.end_point) == (start, end)), None) if innermost is not None else None
    selector = unparen(node.child_by_field_name("function")) if node is not None else None
    if selector is None or selector.type != "selector_expression":
        return None
    receiver = text(selector.child_by_field_name("operand"))
    constants = Constants(file)
    arguments = values_of(node.child_by_field_name("arguments"))
    if arguments:  # ReadConfig(bytes.NewReader(data)): the //go:embed data's patterns
        wrapped = unparen(arguments[0])
        inner = values_of(wrapped.child_by_field_name("arguments")) if wrapped.type == "call_expression" else ()
        callee = file.callee(wrapped) if inner else None
        if callee is not None and (callee[0], callee[1]) in _READERS and inner[0].type == "identifier":
            patterns = embedded_data_variables(file).get(text(inner[0]), ())
            return ConfigSource(embedded=patterns)
        return ConfigSource()

    def setters_in(scope) -> tuple[dict[str, list[str]], bool]:
        """The setters' constant arguments, and whether one naming the file is called at all
        (`SetConfigFile(*flagPath)` names one the tree cannot tell)."""
        found: dict[str, list[str]] = {name: [] for name in _SETTERS}
        names_a_file = False
        for captured in matches(_SELECTOR_CALLS, scope):
            method = text(captured["method"][0])
            if method in found and text(captured["receiver"][0]) == receiver:
                values = [constants.string(argument) for argument in values_of(captured["args"][0])]
                found[method] += [value for value in values if value]
                names_a_file = names_a_file or method in ("SetConfigFile", "SetConfigName")
        return found, names_a_file

    function = enclosing_function(file, node)
    found, names_a_file = setters_in(function if function is not None else file.root)
    operand = selector.child_by_field_name("operand")
    if not names_a_file and operand.type == "identifier" and file.package_of(operand) == VIPER:
        found, _ = setters_in(file.root)
    return ConfigSource(tuple(found["SetConfigFile"]), tuple(found["SetConfigName"]), tuple(found["AddConfigPath"]),
                        tuple(found["SetConfigType"]))


class ConfigFile(NamedTuple):
    name: str  # as a reader finds it: relative to where the run started
    size: int
    format: str

    @property
    def allocated(self) -> int:
        """What loading it allocates, estimated from the measured bytes per byte of its format."""
        return self.size * _ALLOCATED_PER_BYTE.get(self.format, _UNMEASURED_PER_BYTE)

    def describe(self) -> str:
        return f"{self.name}: {human_size(self.size)} of {self.format.upper() or 'config'}, about " \
               f"{human_size(self.allocated)} allocated while loading"


def config_file(source: ConfigSource, go_dir: str, entry_dir: str, cwd: str) -> ConfigFile | None:
    """The file of the tree a load reads, found as viper looks for it, from the directory of
    the Go file or of its entry point's package, or their modules' roots; None when none is there."""
    def shown(path: str) -> str:
        return os.path.relpath(path, cwd).replace(os.sep, "/")

    def format_of(path: str) -> str:
        written = (source.formats[-1] if source.formats else os.path.splitext(path)[1].lstrip(".")).lower()
        return "yaml" if written == "yml" else written

    if source.embedded:
        files = embedded_files(go_dir, source.embedded)
        if not files:
            return None
        first = sorted(files)[0]
        return ConfigFile(shown(os.path.join(go_dir, first)) + (f" and {len(files) - 1} more" if len(files) > 1 else ""),
                          sum(files.values()), format_of(first))
    # As viper's searchInPath: each path, every supported extension, then the bare name when a
    # format is set.
    candidates = list(source.files)
    for name in source.names[-1:]:
        for path in source.paths:
            candidates += [os.path.join(path, f"{name}.{extension}") for extension in _VIPER_EXTENSIONS]
            candidates += [os.path.join(path, name)] if source.formats else []
    candidates = [candidate for candidate in candidates if in_the_tree(candidate)]
    # The working directory is one place: viper tries every candidate there.
    for base in run_directories(go_dir, entry_dir):
        for candidate in candidates:
            if (size := file_size(found := os.path.join(base, candidate))) is not None:
                return ConfigFile(shown(found), size, format_of(found))
    return None


# Records the result cache stores (see engine.cache_format).
RECORDS = (ConfigSource,)
