"""What an import brings into a file: the name it is used by, and whether it marks test code."""

from __future__ import annotations

import re
from functools import cache

# Default package names that differ from the last import-path element. Only the
# packages the rules look for matter; others fall back to the usual heuristic.
_KNOWN_PACKAGE_NAMES = {
    "gopkg.in/yaml.v2": "yaml",
    "gopkg.in/yaml.v3": "yaml",
    "github.com/pelletier/go-toml": "toml",
    "github.com/pelletier/go-toml/v2": "toml",
    "github.com/goccy/go-yaml": "yaml",
    "github.com/goccy/go-json": "json",
}
_MAJOR_SUFFIX = re.compile(r"^v\d+$")

# Importing any of these (or a package below them) marks a file as test support, linted
# only with --tests, like a _test.go file.
TEST_SUPPORT_IMPORTS = (
    "testing",
    "net/http/httptest",
    "go.uber.org/zap/zaptest",
    "go.uber.org/goleak",
    "go.uber.org/mock/gomock",
    "github.com/golang/mock/gomock",
    "github.com/stretchr/testify",
    "github.com/onsi/ginkgo",
    "github.com/onsi/ginkgo/v2",
    "github.com/onsi/gomega",
    "gotest.tools/v3",
    # Containers started for tests (pg-aurora-client's test database helper, whose
    # development logger only its tests build: read as not worth a change).
    "github.com/testcontainers/testcontainers-go",
)
TEST_SUPPORT_PREFIXES = tuple(path + "/" for path in TEST_SUPPORT_IMPORTS)


@cache
def default_package_name(import_path: str) -> str:
    """The name a Go file uses for an import without an alias."""
    if import_path in _KNOWN_PACKAGE_NAMES:
        return _KNOWN_PACKAGE_NAMES[import_path]
    parts = import_path.split("/")
    name = parts[-1]
    if _MAJOR_SUFFIX.match(name) and len(parts) > 1:
        name = parts[-2]
    name = re.sub(r"\.v\d+$", "", name)
    if name.startswith("go-"):
        name = name[3:]
    if name.endswith("-go"):
        name = name[:-3]
    return name.replace("-", "_").replace(".", "_")
