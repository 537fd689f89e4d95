"""What a Helm chart's template writes with the chart's defaults, for the simple forms only.

Templates are not rendered (that needs Helm and the release's values); a value written as a
literal, `{{ .Release.Namespace }}`, `{{ .Values.path }}` or `{{ include "name" . }}` of a
named template that picks one of those by `if .Values.x` / `else` can be read from the
values.yaml the chart installs with. Anything else is not known (None).
"""
from __future__ import annotations

import functools
import os
import re
from typing import Any, Callable, Iterator

import yaml

from golint_startup.files import listdir

RELEASE_NAMESPACE = "{release namespace}"  # what `.Release.Namespace` renders to: some namespace

# A template action, `{{- .Values.x | quote }}`: its words (group 1).
ACTION = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.DOTALL)
# A template's comment, `{{/* ... */}}` or `{{- /* ... */ -}}`: it does nothing, whatever it
# names (aboutcontroller's helpers describe "the root context with .Values").
_COMMENT = re.compile(r"\{\{-?\s*/\*.*?\*/\s*-?\}\}", re.DOTALL)
_PIPELINE_QUOTE = re.compile(r"\s*\|\s*(?:quote|squote|toString)\s*$|^(?:quote|squote|toString)\s+")
_VALUES_PATH = re.compile(r"\.Values((?:\.\w+)+)")
_OPERAND = r'(\.Values(?:\.\w+)+|\.Release\.Namespace|"[^"\\]*")'
_DEFAULT_PIPED = re.compile(_OPERAND + r"\s*\|\s*default\s+" + _OPERAND)
_DEFAULT_CALLED = re.compile(r"default\s+" + _OPERAND + r"\s+" + _OPERAND)
_STRING = re.compile(r'"([^"\\]*)"')
_JOIN = re.compile(r'join\s+"([^"]*)"\s+\.Values((?:\.\w+)+)')
_INCLUDE = re.compile(r'(?:include|template)\s+"([^"]+)"\s+(?:\.|\$)')
_INCLUDED = re.compile(r'\b(?:include|template)\s+"([^"]+)"')
DEFINE = re.compile(r'\{\{-?\s*define\s+"([^"]+)"\s*-?\}\}')
_OPENS = re.compile(r"(?:if|with|range|define|block)\b")
# Where a template reads the values: a path of them (`.Values.operator.resources`,
# `$.Values.operator`, group 1; `index .Values "operator"`, group 2), else the values whole
# (`toYaml .Values`).
_VALUES_READ = re.compile(r'\.Values\b((?:\.\w+)+)?(?:\s+"([^"]+)")?')
_INDEX_BEFORE = re.compile(r"\bindex\s+\$?$")
# A variable given the values whole (`{{- $vals := .Values -}}`), then read a field at a time
# (`$vals.image`, `hasKey $vals "operator"`).
_VALUES_ALIAS = re.compile(r"\{\{-?\s*(\$\w+)\s*:=\s*\.Values\s*-?\}\}")


def _values_aliases_expanded(text: str) -> str:
    """A template with each variable given the values whole read as `.Values` itself, so that
    what it reads of them is known (cloudnative-observability-operator's nil-safe template
    reads `$vals.operator.resources`, not the `resources` its values set: its 512Mi was taken
    for the limit, read as wrong). Any other use of the variable reads them whole."""
    for alias in set(_VALUES_ALIAS.findall(text)):
        escaped = re.escape(alias)
        text = re.sub(r"\{\{-?\s*" + escaped + r"\s*:=\s*\.Values\s*-?\}\}", "", text)
        text = re.sub(r'\bhasKey\s+' + escaped + r'\s+"(\w+)"', r".Values.\1", text)
        text = re.sub(escaped + r"(?!\w)", ".Values", text)
    return text


_MAX_INCLUDE_DEPTH = 4
# A named template's image: a repository printed after a value, a tag after it or not.
_PRINTED_IMAGE = re.compile(r'\bprintf\s+"%s/([\w.-]+(?:/[\w.-]+)*)(?::%s)?"\s+\$?\.Values((?:\.\w+)+)')
_LEADING_SPACE = re.compile(r"\s*")


# An action that only opens or closes a condition, or a comment: it writes nothing.
_CONDITION = re.compile(r"(?:(?:if|else|end)\b|/\*)")
# An action that opens another branch of a condition: what a template writes around its
# actions is then not one object, but alternatives (`kind: ClusterRole` or `kind: Role`).
ALTERNATIVE = re.compile(r"\{\{-?\s*else\b")
# `eq .Values.x "value"`, `ne "value" .Values.x`.
_COMPARISON = re.compile(r'(eq|ne)\s+(?:\.Values((?:\.\w+)+)\s+"([^"]*)"|"([^"]*)"\s+\.Values((?:\.\w+)+))')
_NOT_A_WORD = re.compile(r"\W+")


def as_word(text: str) -> str:
    """`text` with each of its actions made a word of its own, but for conditions and comments,
    which write nothing (set_aside_actions)."""
    return ACTION.sub(lambda action: "" if _CONDITION.match(action.group(1)) else
                      "tpl_" + _NOT_A_WORD.sub("_", action.group(1)).strip("_"), text)


def set_aside_actions(text: str) -> tuple[str, frozenset[int]]:
    """`text` with its actions set aside, to read the YAML a template writes around them: a
    line holding nothing but actions is emptied (`{{- if .Values.rbac.enable }}`, `{{- include
    "chart.labels" . | nindent 4 }}`), an action among other text becomes a word made of its
    own (`{{ include "chart.fullname" . }}-manager` is `tpl_include_chart_fullname_-manager`:
    the same action writes the same word wherever it is), or nothing when it is a condition
    (`- configmaps{{ if .Values.x }}`); and the numbers (from 0) of the lines
    where an action may write something, not a condition. A line where an action opens and
    goes on over the next lines is emptied and counted as writing; what follows it may not
    read as YAML."""
    lines = text.split("\n")
    writing: set[int] = set()
    for number, line in enumerate(lines):
        if "{{" not in line:
            continue
        actions = list(ACTION.finditer(line))
        if not actions or any(not _CONDITION.match(action.group(1)) for action in actions) or \
                "{{" in ACTION.sub("", line):
            writing.add(number)
        rest = ACTION.sub("", line)
        lines[number] = "" if not rest.strip() or "{{" in rest else as_word(line)
    return "\n".join(lines), frozenset(writing)


def values_path_in(text: str) -> tuple[str, ...] | None:
    """The path of the first value `text` reads (`{{ .Values.operator.image }}` is ("operator",
    "image")), None when it reads none."""
    read = _VALUES_PATH.search(text)
    return tuple(read.group(1)[1:].split(".")) if read else None


def defines_saying(chart: str, read: Callable[[str], str], says: Callable[[str], bool]) -> frozenset[str]:
    """The named templates of a chart's `.tpl` files (anywhere below its `templates`, as Helm
    loads them) whose body, its template comments taken out, `says` something, or includes one
    that does."""
    bodies: dict[str, str] = {}
    for directory, _, names in os.walk(os.path.join(chart, "templates")):
        for name in sorted(names):
            if name.endswith(".tpl"):
                bodies.update(_defines(_COMMENT.sub("", read(os.path.join(directory, name)))))
    saying = {name for name, body in bodies.items() if says(body)}
    while True:  # through the defines that include them
        more = {name for name, body in bodies.items() if name not in saying and includes(body) & saying}
        if not more:
            return frozenset(saying)
        saying |= more


def includes(text: str) -> set[str]:
    """The named templates a template includes (`include "name" .`, `template "name"`, with
    any argument), outside its comments."""
    return {found.group(1) for found in _INCLUDED.finditer(_COMMENT.sub("", text))}


# A template file included by its path (`include (print $.Template.BasePath "/config.yaml") .`,
# for a checksum of what it renders).
_PATH_INCLUDE = re.compile(r'\b(?:include|template)\s*\(\s*print\s+\$?\.Template\.BasePath\s+"/([^"{}]+)"\s*\)')


def unrendered_include(chart: str, read: Callable[[str], str]) -> tuple[str, str] | None:
    """(the template, the file it includes) when a chart's template includes by path, in an
    action that always renders (_unconditional_path_includes), a file of its `templates` that
    the chart does not hold, so that `helm template` fails:
    provider-gitea's second chart includes `/provider-config.yaml`, which it lacks, and its
    512Mi, reported, was read as not worth a change, as nobody can install it. (A named
    template defined nowhere in the chart is not enough: a build may add the library chart
    defining it, as Bazel's rules do for intel's gaudi-reference-cloud.)"""
    if re.search(r"^type:\s*library\b", read(os.path.join(chart, "Chart.yaml")), re.MULTILINE):
        return None  # its templates are rendered by the charts using it, where the path is theirs
    templates = os.path.join(chart, "templates")
    for directory, _, names in os.walk(templates):
        for name in sorted(names):
            text = read(os.path.join(directory, name))
            if "Template.BasePath" not in text:
                continue
            for included in _unconditional_path_includes(_COMMENT.sub("", text)):
                if not os.path.isfile(os.path.join(templates, included)):
                    return os.path.join(directory, name), "templates/" + included
    return None


def _unconditional_path_includes(text: str) -> Iterator[str]:
    """The files a template includes by path in actions that always render: outside any
    `if`, `with`, `range` (maybe turned off: Helm renders the chart then) and any `define` or
    `block` (maybe never called, or called by another chart)."""
    depth = 0
    for action in ACTION.finditer(text):
        words = action.group(1)
        if _OPENS.match(words):
            depth += 1
        elif words == "end" and depth:
            depth -= 1
        elif not depth:
            yield from _PATH_INCLUDE.findall(words)


class ChartDefaults:
    """A chart's values.yaml and its named templates (`define` in its `.tpl` files), each read
    when first asked for: most charts need neither."""

    def __init__(self, chart: str, values_text: str, read: Callable[[str], str]):
        self._chart, self._values_text, self._read = chart, values_text, read

    @functools.cached_property
    def values(self) -> Any:
        try:
            return yaml.safe_load(self._values_text)
        except (yaml.YAMLError, RecursionError):  # not YAML, or nested past the parser's depth
            return None

    @functools.cached_property
    def _defines(self) -> dict[str, str]:
        templates = os.path.join(self._chart, "templates")
        found: dict[str, str] = {}
        for name in listdir(templates):
            if name.endswith(".tpl"):
                found.update(_defines(self._read(os.path.join(templates, name))))
        return found

    @functools.cached_property
    def _templates(self) -> list[str]:
        """The text of each file of the chart's `templates`, below it too, comments taken out;
        read once."""
        return [_COMMENT.sub("", self._read(os.path.join(directory, name)))
                for directory, _, names in os.walk(os.path.join(self._chart, "templates")) for name in names]

    @functools.cached_property
    def paths_read(self) -> frozenset[tuple[str, ...]] | None:
        """The paths of the values that the chart's templates read (a file of its `templates`,
        named templates included: `.Values.controller.resources` is ("controller",
        "resources"), `index .Values "controller"` ("controller",)) or hand to a subchart (a
        chart it depends on, or one in its `charts`: its name); None when a template reads the
        values whole or none reads any."""
        found: set[tuple[str, ...]] = set()
        for written in self._templates:
            text = _values_aliases_expanded(written) if "$" in written else written
            for read in _VALUES_READ.finditer(text):
                if read.group(1):
                    found.add(tuple(read.group(1)[1:].split(".")))
                elif read.group(2) and _INDEX_BEFORE.search(text, 0, read.start()):
                    found.add((read.group(2),))
                else:
                    return None
        if not found:
            return None  # templates that read no values (generated at release) tell nothing
        found.update((name,) for name in listdir(os.path.join(self._chart, "charts")))
        try:
            chart = yaml.safe_load(self._read(os.path.join(self._chart, "Chart.yaml")))
        except (yaml.YAMLError, RecursionError):
            return None
        dependencies = chart.get("dependencies") if isinstance(chart, dict) else None
        for dependency in dependencies if isinstance(dependencies, list) else ():
            if isinstance(dependency, dict):
                found.update((str(dependency[key]),) for key in ("name", "alias") if dependency.get(key))
        return frozenset(found)

    def reads(self, *path: str) -> bool:
        """Whether the chart's templates may read the value at `path` (("controller",
        "resources")): they read it, a part of it, or what holds it (`toYaml
        .Values.controller`, `with .Values.controller`); True when that is not known
        (paths_read)."""
        paths = self.paths_read
        return paths is None or any(read[:len(path)] == path or path[:len(read)] == read for read in paths)

    def value(self, path: str) -> Any:
        """The value at a dotted path of the values (`watch.namespace`), None when absent."""
        return dig(self.values, *path.strip(".").split("."))

    def render(self, written: str, depth: int = 0) -> str | None:
        """What a scalar written in a template renders to (quotes around it taken off), or
        None when that is not known."""
        written = written.strip()
        if len(written) >= 2 and written[0] == written[-1] and written[0] in "\"'":
            written = written[1:-1]
        actions = list(ACTION.finditer(written))
        if not actions:
            return None if "{{" in written else written  # an action not closed here: not known
        if len(actions) > 1 or actions[0].span() != (0, len(written)):
            return None
        return self._expression(_PIPELINE_QUOTE.sub("", actions[0].group(1)), depth)

    def _expression(self, expression: str, depth: int) -> str | None:
        # `.Values.watchNamespace | default .Release.Namespace` (backup-operator's chart), or
        # `default .Release.Namespace .Values.watchNamespace`: the value, else the default.
        piped = _DEFAULT_PIPED.fullmatch(expression)
        called = _DEFAULT_CALLED.fullmatch(expression) if piped is None else None
        if piped is not None or called is not None:
            value, fallback = piped.group(1, 2) if piped is not None else called.group(2, 1)
            rendered = self._expression(value, depth)
            return self._expression(fallback, depth) if rendered == "" else rendered
        if expression == ".Release.Namespace":
            return RELEASE_NAMESPACE
        if (string := _STRING.fullmatch(expression)) is not None:
            return string.group(1)
        if (path := _VALUES_PATH.fullmatch(expression)) is not None:
            value = self.value(path.group(1))
            return "" if value is None else value if isinstance(value, str) else None
        if (joined := _JOIN.fullmatch(expression)) is not None:
            value = self.value(joined.group(2))
            items = value if isinstance(value, list) else [] if value is None else None
            return None if items is None or not all(isinstance(i, str) for i in items) else joined.group(1).join(items)
        if (included := _INCLUDE.fullmatch(expression)) is not None and depth < _MAX_INCLUDE_DEPTH:
            body = self._defines.get(included.group(1))
            return None if body is None else self._pick(body, depth + 1)
        return None

    def included(self, expression: str) -> str | None:
        """The body of the named template an action includes (`include "x.env" .`), when known."""
        found = _INCLUDE.match(expression)
        return self._defines.get(found.group(1)) if found is not None else None

    def included_image(self, written: str) -> str | None:
        """The image repository, its tag left out, of an `image:` written as the inclusion of a
        named template that `printf`s a repository after a value of the defaults
        (`printf "%s/operator:%s" .Values.image.registry ...`: Gameplane's components, one
        registry for all); None otherwise."""
        action = ACTION.fullmatch(written.strip().strip("\"'"))
        body = self.included(action.group(1)) if action is not None else None
        found = _PRINTED_IMAGE.search(_COMMENT.sub("", body)) if body else None
        registry = self.value(found.group(2)) if found is not None else None
        return f"{registry.rstrip('/')}/{found.group(1)}" if isinstance(registry, str) and registry else None

    def rendered_at(self, text: str, position: int) -> bool:
        """Whether a position of a template is rendered with the chart's defaults: outside
        every block, or in the branches of `if`s and `with`s the defaults take (`if not
        .Values.x`, `with .Values.x` when set). Inside `range` or an `if` on anything else, it
        is not known (False)."""
        return all(state is True for state in self._branch_states(text, position, whole_switches_on=True))

    def matches_not_left_out(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of `pattern` in the chart's templates outside the `if` branches that the
        defaults are known to leave out."""
        for text in self._templates:
            for found in pattern.finditer(text):
                if not self._left_out_at(text, found.start()):
                    yield found

    def value_left_out(self, path: tuple[str, ...]) -> bool:
        """Whether the value at `path` is never rendered with the defaults: no template reads
        it, or they read it only inside `if` branches the defaults leave out (read_only_where_off)."""
        return not self.reads(*path) or self.read_only_where_off(path)

    def _left_out_at(self, text: str, position: int) -> bool:
        """Whether a position of a template is inside an `if` branch that the defaults are
        known to leave out."""
        return any(state is False for state in self._branch_states(text, position, whole_switches_on=False))

    def _branch_states(self, text: str, position: int, whole_switches_on: bool) -> list[bool | None]:
        """For each block open at a position of a template, whether its current branch is
        rendered with the chart's defaults (None: not known); with `whole_switches_on`, an
        `if` around the whole template counts as on."""
        states: list[bool | None] = []
        taken: list[bool | None] = []  # per open block: whether an earlier branch was taken
        for action in ACTION.finditer(text, 0, position):
            words = action.group(1)
            if words.startswith("if ") and whole_switches_on and not states and _wraps_whole(text, action):
                # A template switched on or off as a whole (`if .Values.manager.enabled` to the
                # last `end`): its containers are read from the values as installed, so it is.
                states.append(True)
                taken.append(True)
            elif words.startswith(("if ", "with ")):
                # A `with` renders its body as an `if` on the same value would (service-fabrik's
                # interoperator templates fall back to `interoperator.resources` in the `else` of
                # `with .Values.interoperator.scheduler.resources`, which the defaults set).
                condition = self._truth(words.split(" ", 1)[1].strip())
                states.append(condition)
                taken.append(condition)
            elif words.startswith("else") and states:
                condition = self._else_truth(words)
                if taken[-1] is True:
                    states[-1] = False
                elif taken[-1] is False:
                    states[-1] = taken[-1] = condition
                else:  # an earlier branch may have been taken
                    states[-1] = False if condition is False else None
                    taken[-1] = True if condition is True else None
            elif _OPENS.match(words):
                states.append(None)
                taken.append(None)
            elif words == "end" and states:
                states.pop()
                taken.pop()
        return states

    def without_empty_withs(self, text: str) -> str:
        """The template without its `with` blocks on values the defaults leave empty, and no
        `else`: they render nothing (database-manager's ClusterRole appends `{{- with
        .Values.rbac.rules }}{{ toYaml . }}{{- end }}` over `rules: []`)."""
        spans: list[tuple[int, int, int, int]] = []  # each left out whole (_spliced)
        blocks: list[list] = []  # per open block: [its start, whether it renders nothing]
        for action in ACTION.finditer(text):
            words = action.group(1)
            if words.startswith("with "):
                blocks.append([action.start(), self._truth(words[5:].strip()) is False])
            elif _OPENS.match(words):
                blocks.append([action.start(), False])
            elif words.startswith("else") and blocks:
                blocks[-1][1] = False
            elif words == "end" and blocks:
                start, empty = blocks.pop()
                if empty:
                    spans.append((start, action.end(), action.end(), action.end()))
        return _spliced(text, spans)

    def with_alternatives_picked(self, text: str) -> str:
        """The template with each `if`/`else` chain whose conditions the defaults decide
        replaced by the branch they take (by nothing when they take none), as Helm renders it
        with the chart's defaults: opendepot writes `kind: {{ if .Values.rbac.scopeToNamespace
        }}Role{{ else }}ClusterRole{{ end }}` over `scopeToNamespace: false`. An `if` with no
        `else` is kept as written (what it holds counts as written, see set_aside_actions), as
        are chains with a condition not known, and `with`/`range` blocks."""
        picked: list[tuple[int, int, int, int]] = []  # a chain's start and end, and its taken branch's (_spliced)
        blocks: list[tuple[int, list[list] | None]] = []  # per open block: its start, its `if` branches
        for action in ACTION.finditer(text):
            words = action.group(1)
            if words.startswith("if "):
                blocks.append((action.start(), [[self._truth(words[3:]), action.end(), None]]))
            elif _OPENS.match(words):
                blocks.append((action.start(), None))
            elif words.startswith("else") and blocks and blocks[-1][1] is not None:
                branches = blocks[-1][1]
                branches[-1][2] = action.start()
                branches.append([self._else_truth(words), action.end(), None])
            elif words == "end" and blocks:
                start, branches = blocks.pop()
                if branches is None or len(branches) < 2 or any(truth is None for truth, _, _ in branches):
                    continue
                branches[-1][2] = action.start()
                taken = next(((begin, end) for truth, begin, end in branches if truth), (action.start(),) * 2)
                picked.append((start, action.end(), *taken))
        return _spliced(text, picked)

    def _pick(self, body: str, depth: int) -> str | None:
        """What a named template whose body is an `if`/`else if`/`else` chain of conditions on
        values (`.Values.x`, `not .Values.x`) renders to, each branch one expression."""
        taken: list[bool] = []  # per open `if`: whether a branch was taken
        active: list[bool] = []  # per open `if`: whether the current branch runs
        output: list[str] = []
        position = 0
        for action in ACTION.finditer(body):
            if body[position:action.start()].strip() and all(active):
                return None  # text written out: not one expression
            position = action.end()
            words = action.group(1)
            if words.startswith("if ") or words.startswith("else if "):
                condition = self._truth(words.split("if ", 1)[1])
                if condition is None:
                    return None
                if words.startswith("if "):
                    taken.append(False)
                    active.append(False)
                elif not taken:
                    return None
                active[-1] = condition and not taken[-1]
                taken[-1] = taken[-1] or condition
            elif words == "else":
                if not taken:
                    return None
                active[-1], taken[-1] = not taken[-1], True
            elif words == "end":
                if not taken:
                    return None
                taken.pop()
                active.pop()
            elif all(active):
                rendered = self._expression(_PIPELINE_QUOTE.sub("", words), depth)
                if rendered is None:
                    return None
                output.append(rendered)
        if body[position:].strip() or taken:
            return None
        return "".join(output)

    def read_only_where_off(self, path: tuple[str, ...]) -> bool:
        """Whether the chart's templates read the value at `path` (a component's image), and
        only inside `if` branches that the defaults leave out: openperouter's router writes
        its `grout` container under `if eq .Values.openperouter.datapath "grout"`, and the
        default datapath is `kernel`."""
        reference = re.compile(r"\.Values\." + r"\.".join(map(re.escape, path)) + r"\b")
        seen = False
        for text in self._templates:
            for read in reference.finditer(text):
                if not self._left_out_at(text, read.start()):
                    return False
                seen = True
        return seen

    def _else_truth(self, words: str) -> bool | None:
        """Whether an `else` action's branch is taken once those before it are not: always for
        `else`, by its value for `else if X` and `else with X`."""
        return self._truth(words.split(" ", 2)[2].strip()) if words.startswith(("else if ", "else with ")) else True

    def _truth(self, condition: str) -> bool | None:
        # `eq .Values.x "value"` (or `ne`), a value compared with a string.
        compared = _COMPARISON.fullmatch(condition)
        if compared is not None:
            operator, path, literal = compared.group(1), compared.group(2) or compared.group(5), \
                compared.group(3) if compared.group(3) is not None else compared.group(4)
            value = self.value(path)
            return None if value is None else (str(value) == literal) == (operator == "eq")
        # `or` is true when one of its operands is, false when all are false; `and` the other
        # way: k8s-glb-operator's `if or .Values.manager.env (...)`; zfs-csi's TLS signer, `if
        # and .Values.network.tls.enabled ... (or .Values.node.enabled .Values.storage.enabled)`,
        # both off by default.
        for operator, decides in (("or ", True), ("and ", False)):
            if condition.startswith(operator):
                truths = [self._truth(operand) for operand in _operands(condition[len(operator):])]
                if decides in truths:
                    return decides
                return None if None in truths or not truths else not decides
        if condition in ("true", "false"):
            return condition == "true"
        negated = condition.startswith("not ")
        path = _VALUES_PATH.fullmatch(condition[4:] if negated else condition)
        if path is None:
            return None
        return bool(self.value(path.group(1))) != negated


def _spliced(text: str, blocks: list[tuple[int, int, int, int]]) -> str:
    """`text` with each block (its start and end, then the start and end of what of it stays:
    an empty stretch for none) replaced by what stays of it, blocks inside it spliced in turn;
    a block inside one whose part that stays leaves it out goes with it."""
    blocks = sorted(blocks)

    def written(low: int, high: int) -> str:
        kept, position = [], low
        for start, end, begin, finish in blocks:
            if start >= position and end <= high:  # outermost in this stretch: nested ones come with it
                kept += [text[position:start], written(begin, finish)]
                position = end
        return "".join(kept) + text[position:high]
    return written(0, len(text)) if blocks else text


def _operands(arguments: str) -> list[str]:
    """A template function's arguments, each a word or what a pair of parentheses holds
    (`.Values.a (or .Values.b .Values.c)` is `.Values.a` and `or .Values.b .Values.c`)."""
    operands, depth, start = [], 0, None
    for at, character in enumerate(arguments + " "):
        if character == "(":
            depth += 1
            if depth == 1:
                start = at + 1
        elif character == ")":
            depth -= 1
            if depth == 0 and start is not None:
                operands.append(arguments[start:at].strip())
                start = None
        elif depth == 0 and character.isspace():
            if start is not None:
                operands.append(arguments[start:at])
                start = None
        elif depth == 0 and start is None:
            start = at
    return operands


def dig(mapping: Any, *keys: str) -> Any:
    """The value under `keys` in nested mappings loaded from YAML, None when absent."""
    for key in keys:
        mapping = mapping.get(key) if isinstance(mapping, dict) else None
    return mapping


def _wraps_whole(text: str, action: re.Match) -> bool:
    """Whether `action`, an `if`, opens the template and its `end` closes it."""
    if _LEADING_SPACE.match(text).end() < action.start():
        return False
    depth = 0
    for later in ACTION.finditer(text, action.start()):
        words = later.group(1)
        if _OPENS.match(words):
            depth += 1
        elif words == "end":
            depth -= 1
            if depth == 0:
                return not text[later.end():].strip()
    return False


def _defines(text: str) -> dict[str, str]:
    """The bodies of the named templates a `.tpl` file defines (one pass over its actions)."""
    found = {}
    opened: list[tuple[str | None, int]] = []  # per open block: its define's name (None for others), body start
    for action in ACTION.finditer(text):
        words = action.group(1)
        define = DEFINE.fullmatch(action.group(0))
        if define is not None:
            opened.append((define.group(1), action.end()))
        elif _OPENS.match(words):
            opened.append((None, action.end()))
        elif words == "end" and opened:
            name, start = opened.pop()
            if name is not None:
                found[name] = text[start:action.start()]
    return found
