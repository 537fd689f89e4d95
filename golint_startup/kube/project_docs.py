"""What a project's docs say of how it is installed: the Helm repository its README or docs add
instead of its kubebuilder scaffold, a README still the scaffold's template, a notice that the
project is retired, and a hand-written install a README names beside a scaffold.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from golint_startup.files import listdir
from golint_startup.go import modules
from golint_startup.kube import go_programs, objects
from golint_startup.kube.objects import Container, image_repository
from golint_startup.words import words


def behind_an_install(container: Container, copies: Iterable[Container]) -> bool:
    """Whether a copy names kubebuilder's placeholder image, which installs nothing until `make
    deploy IMG=...` renames it, beside a copy written by hand that names the project's image:
    what users run (vitastor-operator's README installs `deploy/004-...yaml`). Not beside an
    OLM bundle nor a kustomize build of it (its workload's name given a `namePrefix`: the
    release bundle `operator-controller-manager` of `controller-manager`), which are made from
    the scaffold, where a fix goes. Nor when the project's README deploys the scaffold (`make
    deploy`) and names neither such a copy's file nor its first directory: neon-operator's hand-written
    `yaml/operator/operator.yaml`, which nothing installs, was reported in its place. Nor when
    the kustomization beside the scaffold renames the placeholder to an image of a registry:
    `kustomize build` installs it as it is (TaoNode-Guardian's `config/manager`, which its Argo
    CD application installs, pins `ghcr.io/...:v0.1.0`; a copy of its build at the root led)."""
    written = [other for other in copies
               if not other.bundle and image_repository(other.image) != go_programs.KUBEBUILDER_IMAGE
               and not other.workload_name.endswith("-" + container.workload_name)]
    if image_repository(container.image) != go_programs.KUBEBUILDER_IMAGE or not written or _pinned_image(container):
        return False
    project = go_programs.scaffold_project(container)
    readme = "".join(objects.read(path) for path in _readmes(project)) if project is not None else ""
    return not _MAKE_DEPLOY.search(readme) or any(_names_install(readme, other, project) for other in written)


def _pinned_image(container: Container) -> bool:
    """Whether the kustomization beside a scaffold renames its placeholder to an image of a
    public registry: not to a local name (`controller`, `manager:dev`), a registry on the
    developer's machine (`localhost:5000/api`, `kind-registry:5000/api`: a host with a port),
    a variable (`${REGISTRY}/api`), a `ko://` build, or operator-sdk's `example.com/...`, which
    `make deploy IMG=...` leaves behind."""
    renamed = objects.renamed_beside(container) or ""
    host = renamed.split("/", 1)[0]
    return "/" in renamed and "$" not in renamed and "://" not in renamed and ":" not in host and \
        host not in ("localhost", "example.com")


# kubebuilder's target deploying the scaffold (not `make deploy-kind`).
_MAKE_DEPLOY = re.compile(r"\bmake\s+deploy(?![\w-])")


def _names_install(readme: str, container: Container, project: str) -> bool:
    """Whether a README names the manifest of a container: its file's name, or the first
    directory of its path under the project as a path (`deploy/overlays/prod`, a URL's
    `.../deploy?ref=v1`) or applied (`kubectl apply -k deploy`)."""
    path = os.path.relpath(container.source.abspath, project).replace(os.sep, "/")
    top = re.escape(path.split("/", 1)[0]) if "/" in path else None
    return os.path.basename(path) in readme or top is not None and re.search(
        rf"(?<![\w/.-]){top}/|(?:/|(?:-f|-k|--filename|--kustomize)[= ]+(?:\./)?){top}(?![\w.-])", readme) is not None


# `helm repo add tarantool https://tarantool.github.io/helm-charts/` in a project's docs, or
# a chart installed from an OCI registry (`helm upgrade -i cf-service-operator
# oci://ghcr.io/sap/cf-service-operator-helm/cf-service-operator`).
_HELM_REPO_ADD = re.compile(r"\bhelm\s+(?:repo\s+add\s+[\w.-]+\s+(?:[\"']?)((?:https?|oci)://[^\s\"'`)]+)"
                            r"|(?:install|upgrade)\b[^\n`]*?[\"']?(oci://[^\s\"'`)]+))")
# A link to a Git host's repository whose name says it holds Helm charts (`memgraph-operator-helm`,
# `helm-charts`): group 1 is its owner, group 2 the repository's name.
_CHART_REPOSITORY_LINK = re.compile(r"https?://(?:github\.com|gitlab\.com)/([\w.-]+)/([\w.-]*(?:helm|charts?)[\w.-]*)",
                                    re.IGNORECASE)
# A link to a chart's directory in a Git repository (`github.com/amazeeio/charts/tree/main/charts/aergia`),
# on a line that says to install it: group 1 is the link, group 2 the chart's directory name.
_CHART_DIRECTORY_INSTALLED = re.compile(r"^(?=[^\n]*\binstall)[^\n]*?(https?://(?:github\.com|gitlab\.com)/[\w.-]+/"
                                        r"[\w.-]+/(?:-/)?(?:tree|blob)/[\w.-]+/(?:[\w.-]+/)*?charts?/([\w.-]+))",
                                        re.IGNORECASE | re.MULTILINE)
# Words of a repository's address that say nothing of whose charts it holds.
_ADDRESS_WORDS = frozenset({"https", "http", "oci", "www", "github", "gitlab", "io", "com", "org", "net", "dev",
                            "charts", "chart", "helm", "helm-charts", "operator", "operators", "controller", "k8s",
                            "kubernetes", "kube", "stable", "releases", "pages"})
_MAX_DOC_BYTES = 256 * 1024


def helm_repository_installing(project: str) -> str | None:
    """The Helm repository that a kubebuilder project's docs (its README, or a Markdown file
    in or below its `docs`) add to install it: a repository whose address names the project (a word of
    its directory's or its module's name, not a generic one). tarantool-operator's docs install
    `tarantool/tarantool-operator` from `tarantool.github.io/helm-charts`, kubeslice-controller's
    README from `kubeslice.github.io/charts`: their `config/manager` findings were read as not
    worth a change, for a manifest only `make deploy` uses. A repository of another project (a
    prerequisite: jetstack's cert-manager) does not count. So does a link to a Git repository
    of charts that names the project (memgraph-operator's README sends users to
    `github.com/base-14/memgraph-operator-helm`), a chart named for the project installed from
    a repository the document adds (_chart_installed_from_a_repository), and a link to a chart's directory named for
    the project, in any Git repository, on a line that says to install it (aergia-controller's
    README: "Install via helm (github.com/amazeeio/charts/tree/main/charts/aergia)")."""
    names = project_words(project)
    docs = _readmes(project) + _markdown_below(os.path.join(project, "docs"))
    for path in docs:
        text = objects.read(path)[:_MAX_DOC_BYTES]
        for found in _HELM_REPO_ADD.finditer(text):
            address = found.group(1) or found.group(2)
            if names & set(words(address)):
                return address
        installed = _chart_installed_from_a_repository(text, names)
        if installed is not None:
            return installed
        for found in _CHART_REPOSITORY_LINK.finditer(text):
            owner, repository = found.group(1).lower(), found.group(2)
            # The project's owner's, or named for the whole project: not the charts of what it
            # runs (immich-operator's README links immich-app's immich-charts, Immich's own).
            if names & set(words(repository)) and (owner == _module_owner(project) or frozenset(
                    words(repository)) - _CHART_WORDS in _full_names(project)):
                return found.group(0)
        for found in _CHART_DIRECTORY_INSTALLED.finditer(text):
            named = frozenset(words(found.group(2))) - _ADDRESS_WORDS
            if named and named in {name - _ADDRESS_WORDS for name in _full_names(project)}:
                return found.group(1)
    return None


_MAX_DOC_FILES = 200
# `helm repo add openkruise https://openkruise.github.io/charts/` (the alias, the address), then
# `helm install kruise-rollout openkruise/kruise-rollout` (the alias, the chart).
_HELM_REPO_ALIAS = re.compile(r"\bhelm\s+repo\s+add\s+([\w.-]+)\s+[\"']?((?:https?|oci)://[^\s\"'`)]+)")
_HELM_INSTALL_CHART = re.compile(r"\bhelm\s+(?:install|upgrade)\b[^\n`]*?\s([\w.-]+)/([\w.-]+)(?=[\s`'\"]|$)",
                                 re.MULTILINE)


def _chart_installed_from_a_repository(text: str, names: set[str]) -> str | None:
    """A chart that a document installs from a repository it adds, named for the project
    (rollouts' installation guide adds openkruise's repository, then installs
    `openkruise/kruise-rollout`; its `config/manager` was read as what no user runs). Words
    compare without a plural `s`, and not other charts of the repository (a prerequisite:
    `openkruise/kruise`)."""
    aliases = {m.group(1): m.group(2) for m in _HELM_REPO_ALIAS.finditer(text)}
    if not aliases:
        return None
    singular = lambda found: {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in found}
    project = singular(names)
    for found in _HELM_INSTALL_CHART.finditer(text):
        alias, chart = found.group(1), found.group(2)
        if alias in aliases and project & singular(words(chart)):
            return f"{aliases[alias].rstrip('/')}/{chart}"
    return None


def _readmes(project: str) -> list[str]:
    """The paths of a project's README (`README.md`, however cased)."""
    return [os.path.join(project, n) for n in listdir(project) if n.lower() == "readme.md"]


# The first line kubebuilder's README template asks its author to replace; and its first
# section, with the placeholder image it builds, right under the title when the overview and
# description were only deleted.
_README_TEMPLATE = "// TODO(user): Add simple overview of use/purpose"
_README_TITLE_ONLY = re.compile(r"\s*#[^\n]*\s*")
_README_TEMPLATE_START = re.compile(r"\A\s*#[^\n]*\n\s*## Getting Started\b(?=.*<registry>/<image-name>)", re.DOTALL)


# A README's notice, near its top, that its project is retired ("This project is no longer in
# use", "The repository has been archived", "This repository is deprecated."), the clause
# ending there or pointing elsewhere: not a flag's, an API version's or a platform's notice.
# The state, emphasized or not: navarchos' "this repository is currently **UNMAINTAINED** and
# is looking for new owner(s)" (its finding read as not worth a change).
_RETIRED_STATE = (r"(?:is|has\s+been)\s+(?:now\s+|currently\s+)?(?:\*\*?|__?)?(?:deprecated|archived|unmaintained|"
                  r"no\s+longer\s+(?:actively\s+)?(?:in\s+use|maintained|supported|developed))"
                  # the emphasis closed (possessively: "**unmaintained** on Windows" is no notice)
                  # then its sentence ends, a closing emphasis ends it, or "in favor", "and", "use"... follow,
                  # emphasized or not ("deprecated *for Helm 2* users" is no notice)
                  r"(?:\*\*?|__?)?+(?=\s*(?:[.,;:!)\u26a0]|\*+\s*(?:[.,;:!)]|$)|$|"
                  r"(?:[*_]+\s*|(?<=\s))(?:in\s+favou?r|and|please|use|see)\b|[*_]+\s*\())")
# "not meant for production" and how it may go on, ending its sentence or line ("... not ready
# for production until you set a storage class" is no notice).
_NOT_FOR_PRODUCTION = (r"not\s+(?:yet\s+)?(?:meant|intended|ready|suitable)\s+for\s+production"
                       r"(?:\s+(?:use|environments?|deployments?))?(?:\s+yet)?[*_]*(?:[.!][*_]*(?=\s|$)|[ \t]*$)")
_RETIRED = re.compile(r"(?i)\b(?:this|the)\s+(?:project|repository|repo)\s+(?:\w+\s+)?" + _RETIRED_STATE +
                      # knative's net-http01: "This integration is deprecated and this repo will be
                      # archived the coming months" (its finding read as not worth a change): the
                      # repository's archiving to come, opening a clause and not on a condition
                      # ("Logs uploaded to the repo will be archived", "... archived if no one
                      # steps up" are no notices). Its heading: _DEPRECATION_HEADING.
                      r"|(?:^|[.!?:]\s+|[*_>]\s*)(?:this|the)\s+(?:project|repository|repo)\s+will\s+(?:soon\s+)?"
                      r"be\s+archived\b(?!\s+(?:if|unless|when)\b)"
                      # Intel's notice on the projects it stopped: "## PROJECT NOT UNDER ACTIVE MANAGEMENT"
                      # (trusted-certificate-issuer's, read as not worth a change).
                      r"|^\W*project\s+not\s+under\s+active\s+management\W*$"
                      # nix-remote-build-controller's "This project is incomplete and not currently in
                      # working condition" (its finding read as not worth a change: nobody runs it),
                      # starting a paragraph or following a heading or a `> [!WARNING]` label, and
                      # ending its sentence with its line ("... not functional on Windows nodes" is
                      # no such notice, nor a wrapped sentence's "...\nthis project is not functional.")
                      r"|(?:\A|\n[ \t>]*\n|\n[ \t>]*(?:#+[^\n]*|\[![A-Za-z]+\][ \t]*)\n)"
                      r"[ \t>]*[\W_]*(?:(?:note|warning|important|caution)\W+)?this\s+(?:project|repository|repo)\s+is\s+"
                      r"(?:(?:currently|still)\s+)?(?:incomplete\s+and\s+)?(?:(?:currently|still|yet)\s+)?not\s+"
                      r"(?:(?:yet|currently)\s+)?(?:in\s+(?:a\s+)?working\s+(?:condition|state)|functional)"
                      # (a sentence's end and its line's, or with no stop the paragraph's)
                      r"(?:\s+yet)?(?:[*_]*[.!][*_]*[ \t]*(?:\n|\Z)|[*_]*[ \t]*(?:\n[ \t>]*\n|\n?\Z))"
                      # kode-operator's "THIS PROJECT IS UNDER HEAVY DEVELOPMENT AND NOT MEANT FOR
                      # PRODUCTION USE" (its finding read as not worth a change): no production to
                      # run out of memory in. Opening a clause ("Deploying the project is not meant
                      # for production without TLS" is no notice) and ending its sentence or line.
                      r"|(?:^|[.!?:]\s+|[*_>]\s*)(?:(?:this|the)\s+(?:project|repository|repo)\s+is\s+"
                      r"(?:[\w-]+\s+){0,5}?"
                      # or saying what the project is: flare's "This is a research project and is
                      # not intended for production use." (its findings read as not worth a change)
                      r"|this\s+is\s+an?\s+(?:[\w-]+\s+){0,2}?(?:project|prototype|proof[\s-]+of[\s-]+concept|"
                      r"experiment|demo)\s+and\s+(?:is\s+)?)" + _NOT_FOR_PRODUCTION, re.MULTILINE)
# node-readiness-gate-controller's "Update: This project is now migrated to a kubernetes-sig
# project: https://github.com/kubernetes-sigs/node-readiness-controller" (its finding read as
# not worth a change: the fix belongs where it went): a move opening a clause, pointing in its
# sentence by a link to a repository (see _moved_elsewhere).
_MOVED = re.compile(r"(?im)(?:^|[.!?:]\s+|[*_>]\s*)(?:this|the)\s+(?:project|repository|repo)\s+(?:is|has)\s+"
                    r"(?:now\s+)?(?:been\s+)?(?:migrated|moved)\s+to\b[^\n.,;]{0,60}?(?:\[[^\]\n]+\]\()?"
                    r"https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)/"
                    r"([\w.-]+)/([\w.-]+?)(?:\.git)?(?=[/)\s#?]|$)")
# Or with no subject, in a warning opening a line of the README's lead, alone or after the
# project's status (async-component's ">Warning: Experimental and still under development. Not
# meant for production deployment.", its finding read as not worth a change): not after
# another sentence ("The quick start disables TLS. Not meant for production use."), nor going
# on in the quote's next line ("Not intended for production\n> clusters without ...").
_STATUS = (r"(?:[\w-]+[ \t]+){0,3}?(?:experimental|alpha|beta|a[ \t]+prototype|a[ \t]+proof[ \t]+of[ \t]+concept|"
           r"(?:a[ \t]+)?work[ \t]+in[ \t]+progress|under[ \t]+(?:\w+[ \t]+)?development)")
_WARNED_NOT_FOR_PRODUCTION = re.compile(
    r"(?im)^[ \t>]*[*_]*(?:(?:warning|caution)\b|\[!(?:warning|caution)\])[*_]*[ \t]*:?[*_]*[ \t]*(?:\n[ \t]*>[ \t]*)?"
    r"(?:" + _STATUS + r"(?:[ \t]+and[ \t]+(?:still[ \t]+)?" + _STATUS + r")?[*_]*[.!][*_]*[ \t]+)?" +
    _NOT_FOR_PRODUCTION + r"(?![ \t]*\n[ \t]*>?[ \t]*(?-i:[a-z]))")
# The same notice naming the project where the first says "this" (aad-pod-identity's "AAD Pod
# Identity repo has been archived and is no longer maintained", its finding read as not worth a
# change): the words before "repo" name the module (see _names_project), not another project
# ("the kube-rbac-proxy project has been archived" in a README of a project that used it).
_NAMED_RETIRED = re.compile(r"(?i)((?:[\w.-]+[ \t]+){1,4}?)(?:project|repository|repo)\s+" + _RETIRED_STATE,
                            re.MULTILINE)
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_RETIRED_NOTICE_BYTES = 1500
_RETIRED_README_LEVELS = 2  # the module's root and the directories above it where its README may be


def retired_notice(module_root: str) -> str | None:
    """The README (of a Go module's root, else of the first directory above it that holds one)
    that says in its first lines that its project is retired: splunk-otel-collector-operator's
    "no longer in use", backstage-operator's "has been archived", coco-operator's "deprecated"
    (all three findings were read as not worth a change: no one will act on them)."""
    module = modules.module_of_dir(module_root)
    path = _MAJOR_VERSION.sub("", module.path) if module is not None else ""
    own_names = (os.path.basename(module_root), path.rpartition("/")[2])  # its directory's, its module's
    names = {_NOT_ALPHANUMERIC.sub("", name).lower() for name in own_names} - {""}
    directory = module_root
    for _ in range(_RETIRED_README_LEVELS + 1):
        readmes = _readmes(directory)
        if readmes:
            top = objects.read(readmes[0])[:_RETIRED_NOTICE_BYTES]
            return readmes[0] if _RETIRED.search(top) or _headed_deprecated(top) or \
                _moved_elsewhere(top, own_names, path) or \
                _WARNED_NOT_FOR_PRODUCTION.search(_lead(top)) or any(
                _names_project(top, found, names) for found in _NAMED_RETIRED.finditer(top)) else None
        parent = os.path.dirname(directory)
        if parent == directory or os.path.exists(os.path.join(directory, ".git")):
            break  # not above the repository's root
        directory = parent
    return None


def _moved_elsewhere(top: str, own_names: tuple[str, ...], module_path: str) -> bool:
    """Whether a README's top says the project moved to another repository (_MOVED) named in
    words of its own names (node-readiness-controller for node-readiness-gate-controller; not
    "moved to [Go modules](...)", nor "migrated to use https://github.com/.../controller-runtime"),
    not its module's, `module_path` (the new home's README says where it came from)."""
    own = set().union(*map(words, own_names))
    own_path = "/".join(module_path.lower().split("/")[1:3])
    return any(bool(own & set(words(name)) - _ADDRESS_WORDS) and f"{owner}/{name}".lower() != own_path
               for owner, name in (moved.groups() for moved in _MOVED.finditer(top)))


# A heading of these words alone, emphasis, emoji and `:name:` shortcodes around them: net-http01's
# "### :warning: Deprecation Notice :warning:" (not "## Deprecated flags").
_DEPRECATION_HEADING = re.compile(r"(?i)[ \t]*#+[ \t]*(?:[^\w\n]|_|:[^\W_]\w*:)*deprecat(?:ed|ion[ \t]+notice)"
                                  r"(?:[^\w\n]|_|:[^\W_]\w*:)*")
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")


def _lead_lines(top: str) -> Iterator[str]:
    """The lines of a README's top outside code blocks, up to and with its second heading: its
    title, then what leads (a shell example's `# Deprecated` comment is no heading)."""
    headings, fenced = 0, False
    for line in top.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield line
            if line.lstrip().startswith("#"):
                headings += 1
                if headings == 2:
                    return


def _lead(top: str) -> str:
    """A README's lead: its top up to its second heading, code blocks left out (_lead_lines)."""
    return "\n".join(_lead_lines(top))


def _headed_deprecated(top: str) -> bool:
    """Whether one of the first two headings of a README's top, outside code blocks (a title,
    then a notice), says only that the project is deprecated: not a changelog's `### Deprecated`
    further down, nor a comment in a shell example."""
    return any(line.lstrip().startswith("#") and _DEPRECATION_HEADING.fullmatch(line) for line in _lead_lines(top))


_MAJOR_VERSION = re.compile(r"(?:/v\d+|\.v\d+)$")  # example.com/widget/v2, gopkg.in/widget.v1
# Only markup or spaces since a clause began: the text's start, a stop, a comma or a colon, or
# a line starting a paragraph, a heading, a quote or a list item (not a wrapped sentence's line).
_CLAUSE_START = re.compile(r"(?:\A|[.!?:;,]|\n[ \t]*(?:\n|[#>*+-]|\d+[.)]))[\W_]*\Z")
_CLAUSE_OPENERS = frozenset({"the", "this", "our"})
_LAST_WORD = re.compile(r"([\w.-]+)\s+\Z")


def _names_project(top: str, found: re.Match, names: set[str]) -> bool:
    """Whether the words before "repo" of a notice (_NAMED_RETIRED, found in `top`) name this
    project: the last of them spell one of `names` (lower-case letters and digits only) and open
    their clause, at its start or after "the", "this" or "our". "As of May, AAD Pod Identity
    repo" names aad-pod-identity; "the original foo-exporter project" (a fork's README), "the
    CoreOS etcd operator project", "the kube-rbac-proxy project" (in a README of a project that
    used it) name another."""
    words = found.group(1).split()
    for first in range(len(words)):
        if _NOT_ALPHANUMERIC.sub("", "".join(words[first:])).lower() not in names:
            continue
        # The word before them, in the notice or the text before it ("The AWS Load Balancer
        # Controller repo": four words, then "repo").
        before = words[first - 1] if first else _LAST_WORD.search(top, 0, found.start(1))
        before = before.group(1) if isinstance(before, re.Match) else before
        if before is None and _CLAUSE_START.search(top, 0, found.start(1)) or \
                before is not None and (before.lower() in _CLAUSE_OPENERS or before[-1] in ".!?:;,"):
            return True
    return False


def unwritten_scaffold(project: str) -> bool:
    """Whether a kubebuilder project's README still asks for its overview (_README_TEMPLATE),
    or says nothing of it before the template's first section: a tutorial's copy or a side
    project not released, whose `config/manager` no one deploys (cronjob-operator,
    kubebuilder's CronJob tutorial; ziti-k8s-agent's unreleased operator; llmaz's metrics
    aggregator in `components/router`: their findings were read as not worth a change). Or,
    of a kubebuilder project (its `PROJECT` file) with no README above it to say more, holds
    its title alone (trace-shield-controller's, whose untouched scaffold was read so too)."""
    untold = os.path.isfile(os.path.join(project, "PROJECT")) and not _readmes(os.path.dirname(project))
    return any(_README_TEMPLATE in (text := objects.read(path)[:_MAX_DOC_BYTES]) or _README_TEMPLATE_START.match(text)
               or untold and _README_TITLE_ONLY.fullmatch(text) for path in _readmes(project))


def _markdown_below(directory: str) -> list[str]:
    """The Markdown files of a docs directory and its subdirectories (a documentation site's
    `docs/src/`: cnmsql's quick start adds its chart repository there; read as not worth a
    change when its `config/manager` was reported), the first _MAX_DOC_FILES in path order."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        found += [os.path.join(root, n) for n in sorted(files) if n.endswith(".md")]
        if len(found) >= _MAX_DOC_FILES:
            break
    return found[:_MAX_DOC_FILES]


_CHART_WORDS = frozenset({"helm", "chart", "charts"})


def _module_owner(project: str) -> str:
    """Who publishes a project's module (`rm3l` of `github.com/rm3l/immich-operator`)."""
    module = modules.module_of_dir(project)
    return go_programs.owner(module.path) if module is not None and module.path else ""


def _full_names(project: str) -> set[frozenset[str]]:
    """The words of a project's directory name and of its module's last element, each whole;
    when those are all generic words, of the module's element above too (eidolon's operator
    is the module `github.com/eidolon-ai/eidolon/k8s-operator`, its chart `eidolon-operator-chart`)."""
    module = modules.module_of_dir(project)
    elements = module.path.split("/") if module else []
    names = [os.path.basename(project)] + elements[-1:]
    # Not the owner's name (`github.com/acme/operator`): its charts may be anything of acme's.
    if len(elements) > 2 and not set().union(*map(words, names)) - _ADDRESS_WORDS and \
            elements[-2].lower() != go_programs.owner(module.path):
        names.append(elements[-2])
    return {frozenset(words(name)) for name in names}


def project_words(project: str) -> set[str]:
    """The words of a project's directory and module names that may name it (not generic ones
    such as `operator` or `kubernetes`)."""
    return set().union(*_full_names(project)) - _ADDRESS_WORDS
