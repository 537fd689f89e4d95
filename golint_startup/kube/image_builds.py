"""How the tree builds its images and what they run: Dockerfiles (Go builds, copies, renames, the
last stage's program), the shell scripts they start, Makefiles, GitHub workflows, GoReleaser,
ko and skaffold configs, and the Go version its CI builds with.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import shlex
from collections.abc import Callable, Iterable
from typing import NamedTuple

import yaml

from golint_startup.files import listdir
from golint_startup.kube import objects, yaml_nodes
from golint_startup.kube.objects import image_repository
from golint_startup.kube.yaml_nodes import Document

_GO_DOCKERFILE = re.compile(r"^\s*FROM\s+(?:--platform=\S+\s+)?(?:\S+/)?golang(?:[:@\s]|$)"
                            r"|^\s*RUN\b.*\bgo\s+(?:build|install)\b", re.IGNORECASE | re.MULTILINE)
# The last stage of a Dockerfile: what the image is; its base image's repository name, and the
# first word of what it runs (its last ENTRYPOINT, else its last CMD; exec or shell form).
_LAST_FROM = re.compile(r"^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)", re.IGNORECASE | re.MULTILINE)
_RUNS = re.compile(r"^\s*(ENTRYPOINT|CMD)\s+(?:\[\s*\"([^\"]+)\"|([^\s\[]\S*))", re.IGNORECASE | re.MULTILINE)
# What runs another language's program: an image whose last stage starts one, or keeps the
# command of such a base image, runs that program; a Go stage before it built a tool it calls
# (krkn-operator's data provider builds OpenShift's `oc` and runs `python server.py`: taken
# for a Go program, a reader judged its finding wrong).
_INTERPRETERS = re.compile(r"(?:python[\d.]*|node(?:js)?|ruby|java|php[\d.]*|perl|dotnet|deno|bun|npm|yarn"
                           r"|uvicorn|gunicorn|bundle|openjdk|eclipse-temurin|amazoncorretto)")


def _last_stage(dockerfile: str) -> re.Match | None:
    """The last FROM line of a Dockerfile (_LAST_FROM): the image's own stage starts there."""
    stages = list(_LAST_FROM.finditer(dockerfile))
    return stages[-1] if stages else None


def builds_go_program(dockerfile: str) -> bool:
    """Whether a Dockerfile builds Go (_GO_DOCKERFILE) into an image that runs it: not one
    whose last stage runs another language's interpreter (_INTERPRETERS)."""
    if not _GO_DOCKERFILE.search(dockerfile):
        return False
    last = _last_stage(dockerfile)
    if last is None:
        return True
    runs = {kind.upper(): exec_form or shell_form for kind, exec_form, shell_form in
            (m.groups() for m in _RUNS.finditer(dockerfile, last.end()))}
    program = runs.get("ENTRYPOINT") or runs.get("CMD")
    named = os.path.basename(program) if program else image_repository(last.group(1))
    return not _INTERPRETERS.fullmatch(named)


def program_name(command: str) -> str:
    """The program a script's command line starts, by its file name (`nohup` left out)."""
    words = command.split()
    words = words[1:] if words and words[0] == "nohup" and len(words) > 1 else words
    return words[0].rsplit("/", 1)[-1] if words else ""


def _shell_commands(text: str) -> list[list[str]] | None:
    """The words of each simple command of shell text, line by line (comments, quotes,
    redirections and array values left out, assignment words kept), split where a command ends
    or a keyword starts one (`;`, `&&`, `|`, `(`, `{`, `!`, `then`, a `case` arm's `)`); None
    when a line cannot be read (an unbalanced quote) or holds a here-document, whose lines are
    not commands."""
    commands: list[list[str]] = []
    for line in text.splitlines():
        if len(line) > _MAX_SHELL_LINE:
            return None  # a blob (`echo <base64> | base64 -d`), which shlex reads in quadratic time
        lexer = shlex.shlex(_without_comment(line), posix=True, punctuation_chars=True)
        lexer.whitespace_split, lexer.commenters = True, ""
        try:
            tokens = list(lexer)
        except ValueError:
            return None
        words: list[str] = []
        skip = False
        in_array = False  # the values of an array assigned (`list+=($item)`), no command
        for token in tokens + [";"]:
            if in_array:
                in_array = not token.startswith(")")
                if not in_array and len(token) > 1 and words:  # `);`: the command ends there too
                    commands.append(words)
                    words = []
            elif skip:
                skip = False
            elif token == "(" and words and words[-1].endswith("="):
                in_array = True
            elif token.startswith("<<"):
                return None
            elif _SHELL_REDIRECTION.fullmatch(token):
                skip = True  # its target follows (a file, or a descriptor after `>&`)
                if words and words[-1].isdigit():
                    words.pop()  # the descriptor redirected (`2>`)
            elif token in _SHELL_BREAKS or set(token) <= _SHELL_PUNCTUATION:
                if words:
                    commands.append(words)
                words = []
            else:
                words.append(token)
    return commands


def _without_comment(line: str) -> str:
    """A shell line without its comment: from a `#` that starts a word outside quotes (not
    `$#`, `${#list[@]}` or a URL's `#fragment`)."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote and (quote == "'" or line[index - 1] != "\\") else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t;|&("):
            return line[:index]
    return line


def may_start_unknown(script: str) -> bool:
    """Whether a script may start a program it does not name: one named by a variable or by a
    command's output (`exec "$BINARY"`, `${APP} serve`, `exec tini -- "$P"`, `[ -n "$D" ] ||
    exec "$P"`, `` `cat /etc/program` ``), by `eval` or a sourced file, a command run by a
    program that runs its arguments (`su-exec nobody "$P"`, `sh -c "$CMD"`, `timeout 60 "$P"`),
    or whatever it is given (`"$@"`); or one it cannot read. Not a variable assigned
    (`list=$(rdma link)`) nor handed to a program as an argument (`lldpd -O $conf`)."""
    if "`" in script or RUNS_ARGUMENTS.search(script):
        return True
    commands = _shell_commands(script)
    if commands is None:
        return True
    for words in commands:
        while words and _ASSIGNMENT_WORD.match(words[0]):
            words = words[1:]
        if words and words[0] == "exec":
            words = words[1:]
            while words and words[0].startswith("-"):
                words = words[2:] if words[0] == "-a" else words[1:]
        if not words:
            continue
        program = words[0]
        name = program.rsplit("/", 1)[-1]
        # Named by a variable, a pattern, or read from elsewhere: another script, a process
        # manager's configuration, a file sourced; or a variable handed to a runner of commands.
        if "$" in program or program not in ("[", "[[") and any(char in program for char in "*?[") or \
                program in _SOURCING or \
                name.endswith(".sh") or name in _PROCESS_MANAGERS or \
                name in _COMMAND_RUNNERS and any("$" in word for word in words[1:]):
            return True
    return False


def names_any(script: str, programs: Iterable[str]) -> bool:
    """Whether a script names one of the programs as a word of its own (`/bin/reloader`)."""
    pattern = _naming_any(frozenset(name for name in programs if name))
    return pattern is not None and pattern.search(script) is not None


@functools.lru_cache(maxsize=64)
def _naming_any(programs: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern for the names of `programs` as words of their own; built once per set."""
    if not programs:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(programs, key=len, reverse=True))) + r")(?![\w-])")


# Shell: what ends a command or starts one, a redirection operator, an assignment word; the
# commands that run a file in the shell itself, and programs that run their arguments as a
# command (`su-exec nobody "$P"`, `timeout 60 "$P"`).
_SHELL_BREAKS = frozenset({"then", "do", "else", "elif", "if", "while", "until", "fi", "done", "esac", "{", "}", "!"})
_SHELL_PUNCTUATION = frozenset(";&|()")
_SHELL_REDIRECTION = re.compile(r"[0-9]*(?:[<>]+&?|&>+)")
_ASSIGNMENT_WORD = re.compile(r"[A-Za-z_]\w*\+?=")
_SOURCING = frozenset({"eval", ".", "source"})
_COMMAND_RUNNERS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "su-exec", "gosu", "setsid", "stdbuf",
                              "timeout", "nice", "ionice", "env", "xargs", "nohup", "tini", "dumb-init", "catatonit",
                              "chroot", "chpst", "runuser", "su", "s6-setuidgid", "setpriv", "taskset", "numactl",
                              "command", "builtin", "watch", "flock", "unbuffer", "strace", "dlv", "sudo", "time",
                              "chrt"})
# Programs that start what their configuration names, not their arguments.
_PROCESS_MANAGERS = frozenset({"supervisord", "runsvdir", "runsv", "runit", "s6-svscan", "s6-rc", "init",
                               "start-stop-daemon", "daemonize", "systemctl", "service", "pm2", "pm2-runtime",
                               "honcho", "foreman", "goreman", "overmind", "cron", "crond", "supercronic",
                               "run-parts"})
_MAX_SHELL_LINE = 10_000  # characters of a shell line read
# A Dockerfile's RUN lines (their flags, `--mount=...`, left out), and the commands that put a
# file in place under a name (`RUN ln -s /usr/bin/app/agent /usr/bin/app/fabricd`).
_RUN_LINE = re.compile(r"^\s*RUN\s+(?:--\S+\s+)*(.*)$", re.MULTILINE | re.IGNORECASE)
_RENAMING_COMMANDS = frozenset({"mv", "cp", "ln", "install"})


class Dockerfile(NamedTuple):
    """A Dockerfile of the tree, read once (its comment lines left out): its directory, its
    COPY and ADD lines of every stage (_copies), the names its `go build -o` commands give what
    they write (_go_build_outputs), (the name of a file, the name it is put in place as) for
    each of its COPY and ADD lines and its RUN lines' mv, cp, ln and install (None when a RUN
    line cannot be read: what it renames is not known), and the names it gives what it copies
    from another stage, a build's output whatever built it (`make`)."""
    directory: str
    copies: list[_Copy]
    built: set[str]
    renames: frozenset[tuple[str, str]] | None
    from_stages: frozenset[str] | None

    @classmethod
    def of(cls, directory: str, text: str) -> Dockerfile:
        copies = _copies(text, stages=True)
        return cls(directory, copies, _go_build_outputs(text), _renames(text, copies), _from_stages(copies))


def _file_name(path: str) -> str:
    """The last part of a path, a directory's too (`agent` of `/usr/bin/agent`, `bin` of `/usr/bin/`)."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def _from_stages(copies: list[_Copy]) -> frozenset[str] | None:
    """Dockerfile.from_stages of a Dockerfile's copies: the last part of each source and of its
    destination (`COPY --from=build /out/agent /usr/local/bin` puts `agent` in `bin`); None when
    a source is a directory or a pattern, or a name is a build argument's (`${NAME}`)."""
    names = set()
    for sources, destination, _ in (copy for copy in copies if copy.from_stage):
        for source in sources:
            if "$" in source + destination or "*" in source or source.endswith(("/", "/.")) or source == ".":
                return None
            names |= {source.rsplit("/", 1)[-1], _file_name(destination)}
    return frozenset(names - {"", "."})


def _renames(text: str, copies: list[_Copy]) -> frozenset[tuple[str, str]] | None:
    """Dockerfile.renames of a Dockerfile's text and its copies."""
    moves = [(copy.sources, copy.destination) for copy in copies]
    for run in _RUN_LINE.findall(CONTINUED_LINE.sub(" ", text)):
        commands = _shell_commands(run) if not run.lstrip().startswith("[") else None  # exec form: not read
        if commands is None:
            return None
        moves += [(operands[:-1], operands[-1]) for words in commands if words[0] in _RENAMING_COMMANDS
                  and len(operands := [word for word in words[1:] if not word.startswith("-")]) > 1]
    if any("$" in destination or any("$" in source for source in sources) for sources, destination in moves):
        return None  # a build argument's name (`/usr/bin/${NAME}`)
    return frozenset((_file_name(source), _file_name(source) if destination.endswith("/") else _file_name(destination))
                     for sources, destination in moves for source in sources)


def renamed(programs: set[str], renames: frozenset[tuple[str, str]]) -> set[str]:
    """`programs` and the names renames give them, and those names' renames in turn."""
    found = set(programs)
    while more := {renamed for name, renamed in renames if name in found and renamed not in found}:
        found |= more
    return found


def _go_build_outputs(dockerfile: str) -> set[str]:
    """The names a Dockerfile gives what its `go build -o` commands write (`manager`)."""
    return {name for command in GO_BUILD_COMMAND.findall(CONTINUED_LINE.sub(" ", dockerfile))
            if (name := output_name(command)) is not None}


def output_name(command: str) -> str | None:
    """The file name a `go build` command writes with `-o` (`manager` of `-o ./bin/manager`)."""
    output = OUTPUT_FLAG.search(command)
    return output.group(0).split()[-1].split("=")[-1].rsplit("/", 1)[-1] if output is not None else None


# A Makefile's assignments (`IMG ?= x`, `BASE := y`, `GO_BUILD = CGO_ENABLED=0 go build`), not
# `+=`, a comment after the value left out; and its references to variables.
_MAKE_ASSIGNMENT = re.compile(r"^([A-Za-z_]\w*)[ \t]*[?:]{0,2}=([^\n]*)", re.MULTILINE)
_MAKE_REFERENCE = re.compile(r"\$[({](\w+)[)}]")


# A Makefile recipe's `docker build` (or `docker buildx build`, `podman build`), over
# continued lines, and its tag and Dockerfile options.
_IMAGE_BUILD_WORDS = re.compile(r"\b(?:docker|podman)(?:[ \t]+buildx)?[ \t]+build\b")
_MAKE_IMAGE_BUILD = re.compile(r"^\t[^\n]*" + _IMAGE_BUILD_WORDS.pattern + r"[^\n]*$", re.MULTILINE)
_TAG_OPTION = re.compile(r"(?<!\S)(?:-t|--tag)(?:[ \t]+|=)(\S+)")
_FILE_OPTION = re.compile(r"(?<!\S)(?:-f|--file)(?:[ \t]+|=)(\S+)")
# The options of `docker build` that take a value, written apart from it: what is left of the
# command but for options is its build context.
_VALUED_BUILD_OPTIONS = frozenset({"-t", "--tag", "-f", "--file", "--build-arg", "--platform", "--target", "--label",
                                   "--cache-from", "--cache-to", "-o", "--output", "--secret", "--ssh", "--network",
                                   "--progress", "--iidfile", "--metadata-file", "--builder", "--build-context",
                                   "--annotation", "--attest", "--add-host", "--shm-size", "--ulimit", "-m", "--memory"})
REDIRECTION = re.compile(r"\d*[<>]")


def _build_context(command: str) -> str | None:
    """The build context of a recipe's `docker build` (its last argument that is neither an
    option's nor a redirection, before the shell's next command), None when there is none."""
    words = re.split(r"&&|\|\||;|\|", command[_IMAGE_BUILD_WORDS.search(command).end():], maxsplit=1)[0].split()
    arguments = [word for index, word in enumerate(words) if not word.startswith("-") and not REDIRECTION.match(word)
                 and (index == 0 or words[index - 1] not in _VALUED_BUILD_OPTIONS and
                      not REDIRECTION.fullmatch(words[index - 1]))]
    return arguments[-1].strip("\"'") if arguments else None


def logical_lines(text: str):
    """A Makefile's lines, those continued with a backslash joined, each with its first line's number."""
    joined, first = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        first = first or number
        joined.append(line[:-1] if line.endswith("\\") else line)
        if not line.endswith("\\"):
            yield first, " ".join(joined)
            joined, first = [], 0


def makefile_values(makefile: str) -> dict[str, str]:
    """A Makefile's assignments, the first of each name, a one-word value's quotes taken off,
    the directory make runs in written `.`; a value another command prints is not known."""
    values: dict[str, str] = {}
    for name, value in _MAKE_ASSIGNMENT.findall(_MAKE_WORKING_DIRECTORY.sub(".", makefile)):
        value = value.split("#", 1)[0].strip()
        if "$(shell" not in value and "${shell" not in value:
            values.setdefault(name, value if re.search(r"\s", value) else value.strip("\"'"))
    return values


def make_resolved(text: str, values: dict[str, str]) -> str:
    """`text` with the Makefile variables it names replaced, also those named in their values."""
    for _ in range(3):  # a variable named in a variable's value (`IMG ?= $(IMAGE_TAG_BASE):$(VERSION)`)
        text = _MAKE_REFERENCE.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return text


# A Makefile's macro (`define build_and_tag` ... `endef`) and a recipe line calling one with
# its arguments (`\t$(call build_and_tag,api-gateway,Dockerfile.gateway)`).
_MAKE_DEFINE = re.compile(r"^define[ \t]+(\w+)[ \t]*=?[ \t]*\n(.*?)^endef\b", re.MULTILINE | re.DOTALL)
_MAKE_CALL_LINE = re.compile(r"^\t[ \t]*\$[({]call[ \t]+(\w+)[ \t]*,?([^()\n{}]*)[)}][ \t]*$", re.MULTILINE)
_MAKE_PARAMETER = re.compile(r"\$(?:\((\d)\)|\{(\d)\}|(\d))")


def _make_calls_expanded(makefile: str) -> str:
    """A Makefile with each recipe line that only calls a macro of its own replaced by the
    macro's lines, its parameters (`$(1)`) given the call's arguments: arks' Makefile tags each
    image through `$(call build_and_tag,arks-gateway-plugins,Dockerfile.gateway)`."""
    macros = {m.group(1): m.group(2) for m in _MAKE_DEFINE.finditer(makefile)}
    if not macros:
        return makefile

    def expanded(call: re.Match) -> str:
        body = macros.get(call.group(1))
        if body is None:
            return call.group(0)
        arguments = [a.strip() for a in call.group(2).split(",")]
        return _MAKE_PARAMETER.sub(lambda p: (arguments + [""] * 9)[int(next(filter(None, p.groups()))) - 1],
                                   body.rstrip("\n"))
    return _MAKE_CALL_LINE.sub(expanded, makefile)


def makefile_image_builds(makefile: str) -> list[tuple[str, str | None]]:
    """(the image repository's name, the Dockerfile as written, else its build context's, or
    None when neither is written) of each image a Makefile's recipes build and tag, variables
    the Makefile sets resolved, also the container tool's (`$(CONTAINER_TOOL) build`), and
    macros it calls expanded: porch's `build/Makefile` tags `$(IMAGE_REPO)/$(IMAGE_NAME)`
    (`porch-server`) built with `-f ./Dockerfile`."""
    values = makefile_values(makefile)
    found = []
    lines = make_resolved(_make_calls_expanded(CONTINUED_LINE.sub(" ", makefile)), values)
    for command in _MAKE_IMAGE_BUILD.findall(lines):
        option = _FILE_OPTION.search(command)
        # Without `-f`, the context's Dockerfile: roks-vpc-network-operator's Makefile builds its
        # console plugin's image from `../console-plugin/`, nginx serving a web bundle, not from
        # the Dockerfile beside it (a finding charged the plugin its operator's cache).
        context = _build_context(command) if option is None else None
        dockerfile = option.group(1).strip("\"'") if option else \
            os.path.join(context, "Dockerfile") if context is not None and "$" not in context else None
        for tag in _TAG_OPTION.findall(command):
            name = image_repository(tag.strip("\"'"))
            if name and "$" not in name and (dockerfile is None or "$" not in dockerfile):
                found.append((name, dockerfile))
    return found


def makefile_image(makefile: str) -> str | None:
    """The image a kubebuilder Makefile's `IMG` names, with the variables it uses that the
    Makefile sets resolved; None when it names none with a registry path (`controller:latest`
    is the scaffold's placeholder) or leaves something unresolved."""
    values = makefile_values(makefile)
    image = make_resolved(values.get("IMG", ""), values)
    return image if "/" in image and "$" not in image else None


# A `go build` or `go install` in a Dockerfile's RUN, up to the end of its shell command.
GO_BUILD_COMMAND = re.compile(r"\bgo\s+(?:build|install)\b([^\n&;|]*)")
CONTINUED_LINE = re.compile(r"\\\r?\n")
# A package by its path from the module's root (`./cmd/api`, `.`), a main file by its path,
# with or without `./` (Meridio-2's `cmd/stateless-load-balancer/main.go`), or a directory's
# files by a shell glob (whizard's `cmd/monitoring-gateway/*`, `cmd/api/*.go`): the directory.
GO_BUILD_TARGET = re.compile(r"(?<!\S)(?:\./([^\s*]*)(?:/\*(?:\.go)?)?(?!\S)|(\.)(?!\S)"
                             r"|([\w.-]+(?:/[\w.-]+)*\.go)(?!\S)|([\w.-]+(?:/[\w.-]+)*)/\*(?:\.go)?(?!\S))")
OUTPUT_FLAG = re.compile(r"(?<!\S)-o(?:\s+|=)\S+")  # `-o ./bin/manager`: what it writes

# What `make` is told of the platform to build for (`GOOS=${TARGETOS}`): not which program.
_BUILD_PLATFORM_VARIABLES = frozenset({"GOOS", "GOARCH", "GOARM", "GOAMD64", "CGO_ENABLED", "TARGETOS",
                                       "TARGETARCH", "TARGETPLATFORM", "VERSION", "LDFLAGS", "GOFLAGS"})
# What names the directory make runs in, the module's root where a Dockerfile runs it.
_MAKE_WORKING_DIRECTORY = re.compile(r"\$[({](?:shell[ \t]+pwd|CURDIR|PWD)[)}]")


def make_recipes(makefile: str, arguments: str) -> str:
    """The recipe lines of the targets make is run with (its `arguments`) in a Makefile,
    continued lines joined and its variables resolved (those the arguments set first), the
    directory make runs in written `.`; empty when it has none, or when the arguments name
    another Makefile or directory (`-f`, `-C`), which this does not follow."""
    words = arguments.split()
    if any(word.startswith(("-C", "-f", "--directory", "--file", "--makefile")) for word in words):
        return ""
    # A variable set on the command line wins over the Makefile's (`make build COMPONENT=relay`);
    # one set from the Dockerfile's (`COMPONENT=${APP}`) is not known.
    values = dict(word.split("=", 1) for word in words if "=" in word and not word.startswith("-"))
    if any("$" in value for name, value in values.items() if name not in _BUILD_PLATFORM_VARIABLES):
        return ""
    targets = " ".join(word for word in words if not word.startswith("-") and "=" not in word)
    makefile = _MAKE_WORKING_DIRECTORY.sub(".", makefile)
    values = makefile_values(makefile) | values
    lines = list(logical_lines(makefile))
    recipes = []
    for target in targets.split():
        rule = re.compile(r"^(?:[\w.-]+[ \t]+)*" + re.escape(target) + r"(?:[ \t]+[\w.-]+)*[ \t]*:(?!=)")
        for index, (_, line) in enumerate(lines):
            if rule.match(line):
                for _, recipe in lines[index + 1:]:
                    if not recipe.startswith("\t"):
                        break
                    recipes.append(make_resolved(recipe, values))
                break
    return "\n".join(recipes)


def go_build_targets(dockerfile: str) -> list[str]:
    r"""The packages and main files a Dockerfile names to `go build` (or install), as written
    from the build's directory (`./...` is "", the directory itself "."); a RUN continued over
    lines (`go build \` then `-ldflags=...` then the package: Meridio-2's router) is one
    command. Not its output (`-o ./bin/manager`)."""
    return [(relative or here or main_file or globbed).replace("...", "").rstrip("/")
            for command in GO_BUILD_COMMAND.findall(CONTINUED_LINE.sub(" ", dockerfile))
            for relative, here, main_file, globbed in GO_BUILD_TARGET.findall(OUTPUT_FLAG.sub(" ", command))]


# A Dockerfile's ENTRYPOINT, its first word (exec form or shell form); its COPY and ADD lines;
# a script's line that runs its arguments.
ENTRYPOINT = re.compile(r"^\s*ENTRYPOINT\s+(?:\[\s*\"([^\"]+)\"|([^\s\[]\S*))", re.MULTILINE | re.IGNORECASE)
_COPY_LINE = re.compile(r"^\s*(?:COPY|ADD)\s+(.+)$", re.MULTILINE | re.IGNORECASE)
RUNS_ARGUMENTS = re.compile(r"\$\{?@|\$\{?\*")
# How far above a Dockerfile its build context may be (`image/agent/Dockerfile` built from the root).
BUILD_CONTEXT_DEPTH = 3


def copied_module(directory: str, source: str) -> str | None:
    """The root of the module a COPY source of a Dockerfile in `directory` takes in whole (a
    directory holding a go.mod) or the Go files of (`server/*.go`), in its build context
    (in_build_context): openclaw-swarm's console Dockerfiles, built from the repository's
    root, copy in `web/admin-console/server/*.go`."""
    if os.path.basename(source) == "*.go":
        source = os.path.dirname(source)
    copied = in_build_context(directory, source, os.path.exists)
    return copied if copied is not None and os.path.isfile(os.path.join(copied, "go.mod")) else None


def in_build_context(directory: str, source: str, holds: Callable[[str], bool]) -> str | None:
    """Where a COPY source of a Dockerfile in `directory` is: in the Dockerfile's directory as
    the build context, else in the first of the few above it where `holds` finds it (that one
    is the build's context); None when none does."""
    return next((path for context in directory_and_parents(directory, BUILD_CONTEXT_DEPTH + 1)
                 if holds(path := os.path.normpath(os.path.join(context, source)))), None)


def copied_sources(dockerfile: str, stages: bool = False) -> list[str]:
    """What a Dockerfile's COPY and ADD lines take from the build context (not from another
    stage, `--from`, unless `stages`), in shell or JSON form (`COPY ["backend/", "./"]`), as
    written."""
    return [source for copy in _copies(dockerfile, stages) for source in copy.sources]


class _Copy(NamedTuple):
    """A COPY or ADD line of a Dockerfile: what it takes (see copied_sources), where it puts
    it, as written, and whether it takes it from another stage (`--from`)."""
    sources: list[str]
    destination: str
    from_stage: bool


def _copies(dockerfile: str, stages: bool = False) -> list[_Copy]:
    """Each COPY and ADD line of a Dockerfile (_Copy); those from another stage with `stages`."""
    found = []
    for line in _COPY_LINE.findall(CONTINUED_LINE.sub(" ", dockerfile)):
        from_stage = "--from" in line
        if from_stage and not stages:
            continue
        words = [word for word in line.split() if not word.startswith("--")]
        if words and words[0].startswith("["):
            try:
                words = json.loads(" ".join(words))
            except ValueError:
                continue
        if len(words) > 1 and isinstance(words[-1], str):
            found.append(_Copy([word for word in words[:-1] if isinstance(word, str) and (stages or not word.startswith("/"))],
                               words[-1], from_stage))
    return found


# A Dockerfile's comment lines: kubebuilder's say "Build the manager binary" whatever the binary.
COMMENT_LINES = re.compile(r"^\s*#.*$", re.MULTILINE)


def directory_and_parents(directory: str, levels: int) -> list[str]:
    """`directory` and the `levels - 1` directories above it, nearest first."""
    found = [directory]
    while len(found) < levels and os.path.dirname(found[-1]) != found[-1]:
        found.append(os.path.dirname(found[-1]))
    return found


def names_program(dockerfile: str, program: str) -> bool:
    """Whether a Dockerfile names a program outside its comments (`COPY manager /manager`), or
    its last stage copies in whichever one a build argument names: a source of a COPY or ADD
    that is one (`COPY --from=builder /workspace/${APP} .`). funccloud/fcp's one Dockerfile
    builds its manager or its UI so, and its `config/manager` running `/manager` was taken for
    a leftover the image does not hold. (An exec-form ENTRYPOINT `["/${APP}"]` substitutes
    nothing, so only what is copied tells.)"""
    text = COMMENT_LINES.sub("", dockerfile)
    if re.search(rf"(?<![\w.-]){re.escape(program)}(?![\w.-])", text) is not None:
        return True
    last = _last_stage(text)
    last_stage = text[last.end():] if last is not None else text
    # Not a variable the Dockerfile gives a value with ENV: numaserve's Python image copies its
    # `${VIRTUAL_ENV}` so, and its scaffold's `/manager` was taken for a program it might be.
    fixed = {name for line in _ENV_LINE.findall(CONTINUED_LINE.sub(" ", text)) for name in _ENV_NAME.findall(line)}
    return any(found is not None and found.group(1) not in fixed
               for copied in _copies(last_stage, stages=True)
               for found in map(_ARGUMENT_NAMED_FILE.search, copied.sources))


# A path whose last element a build argument names (the argument's name).
_ARGUMENT_NAMED_FILE = re.compile(r"(?:^|/)\$\{?(\w+)\}?$")
_ENV_LINE = re.compile(r"^[ \t]*ENV[ \t]+(.*)$", re.IGNORECASE | re.MULTILINE)
_ENV_NAME = re.compile(r"(?:^|\s)(\w+)(?==|\s)")


# Go 1.19 brought the memory limit (GOMEMLIMIT, debug.SetMemoryLimit).
_FIRST_MEMORY_LIMIT_MINOR = 19
_FROM = re.compile(r"^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)", re.IGNORECASE | re.MULTILINE)
_ARG = re.compile(r"^\s*ARG\s+(\w+)=[\"']?([^\s\"']+)", re.IGNORECASE | re.MULTILINE)
# `golang:1.18`, and the Go builders of Red Hat's images: OpenShift CI's
# `ocp/builder:rhel-8-golang-1.18-openshift-4.11` (special-resource-operator's manager is so
# built, and a finding asking for a GOMEMLIMIT its Go ignores was read as wrong) and
# `openshift/release:golang-1.18`, OSBS' `openshift-golang-builder:v1.18` (or `rhel_8_1.18`,
# `rhel_8_golang_1.18`) and UBI's `go-toolset:1.18`.
_GOLANG_IMAGE = re.compile(r"^(?:\S+/)?(?:golang:|(?:builder|release):[\w.-]*?\bgolang-|go-toolset:"
                           r"|openshift-golang-builder:(?:v|rhel_\d+_(?:golang_)?))1\.(\d+)")
_TOOLCHAIN = re.compile(r"^toolchain\s+go1\.(\d+)", re.MULTILINE)


def golang_builders(dockerfile: str) -> list[str]:
    """The minor versions of the `golang` images a Dockerfile builds from, `ARG` defaults
    (`FROM $BUILDERIMAGE`) resolved."""
    defaults = dict(_ARG.findall(dockerfile))
    images = [re.sub(r"\$\{?(\w+)\}?", lambda m: defaults.get(m.group(1), m.group(0)), image)
              for image in _FROM.findall(dockerfile)]
    return [found.group(1) for found in map(_GOLANG_IMAGE.match, images) if found]


# `go-version: 1.17.x`, `go-version: ['1.21', '1.22']` of actions/setup-go.
_SETUP_GO = re.compile(r"^\s*go-version:[ \t]*(.+)$", re.MULTILINE)
# `go-version-file: go.mod`: the Go that file names (its `toolchain` line, else its `go` line,
# as setup-go reads it; optimize-controller's CI builds with its go.mod's 1.18).
_SETUP_GO_FILE = re.compile(r"^\s*go-version-file:[ \t]*[\"']?([^\s\"'#]+)", re.MULTILINE)
_GO_LINE = re.compile(r"^go[ \t]+1\.(\d+)", re.MULTILINE)
_GO_MINOR = re.compile(r"(?<![\w.])1\.(\d+)")
# How far above a module's root its repository's `.github` may sit.
_MAX_WORKFLOW_DEPTH = 3


# Go named by CI other than GitHub's and by asdf: `image: golang:1.17` in `.drone.yml` (heimdall
# copies in a binary its Drone pipeline builds with 1.17, and a finding asking for a
# GOMEMLIMIT it ignores was read as wrong), `golang 1.17.13` in `.tool-versions`.
_OTHER_CI_FILES = (".drone.yml", ".gitlab-ci.yml", ".circleci/config.yml", "cloudbuild.yaml", ".tool-versions")
_CI_GO = re.compile(r"^\s*-?\s*image:\s*[\"']?(?:\S+/)?golang:1\.(\d+)|^golang\s+1\.(\d+)", re.MULTILINE)
# A Makefile's `docker run ... golang:1.13 ... go build` over continued lines (td-redis-operator
# builds its binary so, and its Dockerfile only copies it in).
_MAKEFILE_GO = re.compile(r"\bdocker\s+run\b(?:[^\n]|\\\n)*?\bgolang:1\.(\d+)(?:[^\n]|\\\n)*?\bgo\s+(?:build|install)\b")


def predates(versions: list[int]) -> bool:
    """Whether the newest of the Go minor versions a module is built with (some) has no memory limit."""
    return bool(versions) and max(versions) < _FIRST_MEMORY_LIMIT_MINOR


def toolchain_or_ci_go_versions(module_root: str) -> list[int]:
    """The Go a module is built with when no Dockerfile says: its go.mod's `toolchain` line,
    else its CI's (_ci_go_versions)."""
    found = _TOOLCHAIN.search(objects.read(os.path.join(module_root, "go.mod")))
    return [int(found.group(1))] if found else _ci_go_versions(module_root)


def _ci_go_versions(module_root: str) -> list[int]:
    """The minor versions of Go that the CI of the module's repository (the nearest
    `.github/workflows` or other CI file at or a few levels above its root) builds with: the
    workflows' `setup-go`, the golang images of other CI files and of a Makefile's `docker run`
    that builds, asdf's `.tool-versions`."""
    directory = module_root
    for _ in range(_MAX_WORKFLOW_DEPTH + 1):
        workflows = os.path.join(directory, ".github", "workflows")
        others = [objects.read(os.path.join(directory, name)) for name in _OTHER_CI_FILES]
        found = [int(minor) for text in others for match in _CI_GO.finditer(text) for minor in match.groups() if minor]
        found += [int(match.group(1))
                  for match in _MAKEFILE_GO.finditer(objects.read(os.path.join(directory, "Makefile")))]
        if os.path.isdir(workflows):
            texts = [objects.read(os.path.join(workflows, name)) for name in listdir(workflows)
                     if name.endswith((".yml", ".yaml"))]
            return found + [int(minor) for text in texts for line in _SETUP_GO.findall(text)
                            for minor in _GO_MINOR.findall(line)] + \
                [minor for text in texts for file in _SETUP_GO_FILE.findall(text)
                 for minor in _version_file_minor(os.path.join(directory, file))]
        if found:
            return found
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return []


def repository_root(module_root: str) -> str | None:
    """The directory at or a few levels above a module's root that holds `.github/workflows`."""
    directory = module_root
    for _ in range(_MAX_WORKFLOW_DEPTH + 1):
        if os.path.isdir(os.path.join(directory, ".github", "workflows")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return None


_BUILD_PUSH_ACTION = "docker/build-push-action@"


_WORKFLOW_ENV = re.compile(r"\$\{\{\s*env\.(\w+)\s*\}\}")
_METADATA_ACTION = "docker/metadata-action@"


def _images_named(lines: str, pushed: bool = False) -> list[str]:
    """The images a workflow input names, one entry a line: an image alone, or Buildx's CSV
    attributes (`type=image,"name=ghcr.io/o/x,docker.io/o/x",push-by-digest=true`: its `name`,
    a list; with `pushed`, only for a `type` that pushes, `image` or `registry`; metadata-action's
    `name=ghcr.io/o/x,enable=true`), not one turned off (`enable=false`)."""
    found = []
    for line in filter(None, map(str.strip, lines.split("\n"))):
        if "=" not in line:
            found.append(line)
            continue
        try:
            fields = dict(field.split("=", 1) for field in next(csv.reader([line], skipinitialspace=True)) if "=" in field)
        except (csv.Error, StopIteration):
            continue
        if pushed and fields.get("type") not in ("image", "registry") or fields.get("enable", "true").strip() == "false":
            continue
        found += [name.strip() for name in fields.get("name", "").split(",") if name.strip()]
    return found


def _lines(value) -> str:
    """A workflow input given as a list or a (multi-line) string, one item a line."""
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value or "")


def workflow_image_builds(root: str) -> list[tuple[str, str]]:
    """(image repository name, Dockerfile path) of each tag a `docker/build-push-action` step
    of the workflows under `root` pushes (its `tags`, the image its `outputs` names, or the
    `images` of the metadata-action step its tags come from), written out (not an expression)
    in its last path segment, or given by the workflow's, job's or step's `env` (`${{
    env.IMAGE_NAME }}`: doltdb-operator's); its Dockerfile is its `file`, else its `context`'s,
    relative to `root`."""
    workflows = os.path.join(root, ".github", "workflows")
    found = []
    for name in sorted(listdir(workflows)):
        if not name.endswith((".yml", ".yaml")) or \
                _BUILD_PUSH_ACTION not in (text := objects.read(os.path.join(workflows, name))):
            continue
        try:
            workflow = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        jobs = workflow.get("jobs") if isinstance(workflow, dict) else None
        for job in jobs.values() if isinstance(jobs, dict) else ():
            for step in job.get("steps") or () if isinstance(job, dict) else ():
                if not isinstance(step, dict) or not str(step.get("uses", "")).startswith(_BUILD_PUSH_ACTION):
                    continue
                env = {str(k): str(v) for holder in (workflow, job, step)
                       if isinstance(given_env := holder.get("env"), dict) for k, v in given_env.items()}
                given = step.get("with") if isinstance(step.get("with"), dict) else {}
                context, file = str(given.get("context") or "."), given.get("file")
                if "${{" in context or (file is not None and "${{" in str(file)):
                    continue
                dockerfile = os.path.normpath(os.path.join(root, str(file) if file else os.path.join(context, "Dockerfile")))
                def written(value) -> str:
                    return _WORKFLOW_ENV.sub(lambda m: env.get(m.group(1), m.group(0)), _lines(value))
                tags = written(given.get("tags"))
                # Pushed by digest, the image named in `outputs` (`type=image,name=...`); tagged
                # by a metadata-action step (`${{ steps.meta.outputs.tags }}`), its `images`:
                # aks-operator's release workflow does both.
                named = _images_named(written(given.get("outputs")), pushed=True)
                named += [image for other in job.get("steps") or ()
                          if isinstance(other, dict) and str(other.get("uses", "")).startswith(_METADATA_ACTION) and
                          isinstance(other.get("with"), dict) and other.get("id") and
                          f"steps.{other['id']}.outputs.tags" in tags.replace(" ", "")
                          for image in _images_named(written(other["with"].get("images")))]
                tags = "\n".join([tags, *named])
                for tag in re.split(r"[\s,]+", tags):
                    repository = image_repository(str(tag).strip())
                    if repository and "$" not in repository and "}" not in repository:
                        found.append((repository, dockerfile))
    return found


def _version_file_minor(path: str) -> list[int]:
    """The minor version of Go a `go-version-file` names: a go.mod's `toolchain`, else its
    `go` line; a `.go-version`'s number ([] when none is found)."""
    text = objects.read(path)
    found = _TOOLCHAIN.search(text) or _GO_LINE.search(text) or \
        (re.match(r"\s*(?:go)?1\.(\d+)", text) if not path.endswith(".mod") else None)
    return [int(found.group(1))] if found else []


class _BuiltImages(NamedTuple):
    directories: dict[str, str | None]  # image repository -> the directory of its program, when known
    # image repository -> the programs a GoReleaser config puts in it (its builds' `binary`,
    # when all are named) and the Dockerfile that may rename them
    programs: dict[str, tuple[frozenset[str], str]]


def build_config_images(documents: list[Document], builds_go: Callable[[str], bool],
                         dockerfiles: frozenset[str]) -> _BuiltImages:
    """Image repository names that skaffold or GoReleaser configs build from Go (`dockerfiles`:
    those of the linted tree)."""
    images: dict[str, str | None] = {}
    programs: dict[str, tuple[frozenset[str], str]] = {}
    for doc in documents:
        base = os.path.dirname(doc.source.abspath)
        kind = yaml_nodes.text(yaml_nodes.value(doc.root, "kind"))
        if kind == "Config" and \
                (yaml_nodes.text(yaml_nodes.value(doc.root, "apiVersion")) or "").startswith("skaffold/"):
            for artifact in _find_lists(doc.root, "artifacts"):
                image = yaml_nodes.text(yaml_nodes.value(artifact, "image"))
                if not image:
                    continue
                context = os.path.abspath(os.path.join(
                    base, yaml_nodes.text(yaml_nodes.value(artifact, "context")) or "."))
                if yaml_nodes.value(artifact, "ko") is not None or builds_go(context):
                    images[image_repository(image)] = context
        elif yaml_nodes.value(doc.root, "builds") is not None and (
                yaml_nodes.value(doc.root, "dockers") is not None or yaml_nodes.value(doc.root, "kos") is not None):
            # GoReleaser: its builds are Go unless a builder says otherwise.
            builds = yaml_nodes.items(yaml_nodes.value(doc.root, "builds"))
            if all((yaml_nodes.text(yaml_nodes.value(b, "builder")) or "go") == "go" for b in builds):
                for section, key in (("dockers", "image_templates"), ("kos", "repository")):
                    for entry in yaml_nodes.items(yaml_nodes.value(doc.root, section)):
                        # The builds an image holds: those its `ids` name, else all of them
                        # (controller-mesh's manager image holds its `ctrlmesh-manager` build).
                        ids = {yaml_nodes.text(i) for i in yaml_nodes.items(yaml_nodes.value(entry, "ids"))}
                        held = [b for b in builds if yaml_nodes.text(yaml_nodes.value(b, "id")) in ids] or builds
                        dockerfile = _goreleaser_path(
                            base, yaml_nodes.text(yaml_nodes.value(entry, "dockerfile")) or "Dockerfile",
                            dockerfiles.__contains__)
                        if section == "dockers" and _holds_no_build(objects.read(dockerfile)):
                            continue  # kube-av's ClamAV updater: alpine's freshclam, none of its Go builds
                        program = _goreleaser_program(base, held, builds_go)
                        binaries = {yaml_nodes.text(yaml_nodes.value(b, "binary")) for b in held}
                        known = section == "dockers" and all(binaries)  # every program named
                        templates = yaml_nodes.items(yaml_nodes.value(entry, key)) or [yaml_nodes.value(entry, key)]
                        for template in templates:
                            text = template.value if isinstance(template, yaml.ScalarNode) else ""
                            name = image_repository(text.split("{{", 1)[0].rstrip(":"))
                            if name:
                                images.setdefault(name, program)
                                if known:
                                    programs.setdefault(name, (frozenset(binaries), dockerfile))
    return _BuiltImages(images, programs)


def _goreleaser_path(base: str, path: str, found: Callable[[str], bool]) -> str:
    """Where a path a GoReleaser config at `base` names is: GoReleaser runs at the repository's
    root, which may be above the config (kube-av's `build/ci/.goreleaser.yml` names
    `build/package/docker/*.Dockerfile` and `./main.go`), so the nearest directory at or above
    `base` where the linted tree holds it (`found`); else relative to `base`."""
    directory = base
    while True:
        candidate = os.path.normpath(os.path.join(directory, path))
        if found(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return os.path.normpath(os.path.join(base, path))
        directory = parent


def _holds_no_build(dockerfile: str) -> bool:
    """Whether a GoReleaser image's Dockerfile (its text; "" when unread) copies nothing into
    the image and builds no Go: it holds none of the config's builds."""
    return bool(dockerfile) and not _COPY_LINE.search(dockerfile) and not _GO_DOCKERFILE.search(dockerfile)


def _goreleaser_program(base: str, builds: list[yaml.Node], builds_go: Callable[[str], bool]) -> str | None:
    """The directory of the main package a GoReleaser config builds, when its builds name one
    (`main: ./cmd/exoscale-csi-driver`, or a file in it; `.` by default), found as GoReleaser
    runs, from the repository's root (_goreleaser_path)."""
    mains = {_package_dir(_goreleaser_path(base, yaml_nodes.text(yaml_nodes.value(build, "main")) or ".",
                                           lambda main: builds_go(_package_dir(main))))
             for build in builds}
    directory = mains.pop() if len(mains) == 1 else None
    return directory if directory is not None and builds_go(directory) else None


def _package_dir(main: str) -> str:
    """The directory of a GoReleaser build's `main`: itself, or the one holding a `.go` file."""
    return os.path.dirname(main) if main.endswith(".go") else main


def _find_lists(root: yaml.Node, key: str) -> list[yaml.Node]:
    """Every item of every `key:` list anywhere below root (skaffold profiles repeat them).

    Each node is visited once: YAML aliases share nodes, and a few lines of them (the
    "billion laughs") would otherwise make the walk exponential.
    """
    found, seen, pending = [], set(), [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                    found += yaml_nodes.items(value)
                else:
                    pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return found
