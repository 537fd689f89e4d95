"""SL001's folded findings: what their related locations say."""

from golint_startup.engine.config import build_settings
from golint_startup.engine.runner import run

INIT = """\
package p

import (
	"encoding/json"
	"os"
)

var settings map[string]any

func init() {
	data, _ := os.ReadFile("/etc/app/settings.json")
	_ = json.Unmarshal(data, &settings)
}
"""


def test_the_work_of_one_init_is_one_finding_naming_each_call(tmp_path):
    (tmp_path / "p.go").write_text(INIT)
    settings = build_settings(config_path=None, select=("SL001",), cwd=str(tmp_path))
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert (finding.location.line, finding.message[:20]) == (11, "os.ReadFile in func ")
    assert finding.message.endswith("(1 more in this func init: related locations)")
    # A related location says what its call does, not the advice the finding gives once.
    assert [(r.line, r.message) for r in finding.related] == [(12, "json.Unmarshal in func init decodes data")]


def test_a_file_the_tree_holds_is_read_by_its_size(tmp_path):
    """cnpg-broker's init reads and decodes its 3 KB catalog.yaml (read as not worth a change):
    a file the tree holds beside the package or at its module's root, smaller than
    min-embedded-bytes, is not reported; a larger one is, with its size."""
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "p.go").write_text(INIT.replace("/etc/app/settings.json", "settings.json"))
    settings = build_settings(config_path=None, select=("SL001",), cwd=str(tmp_path))
    (unknown,) = run(["./..."], settings, cwd=str(tmp_path)).findings  # not in the tree: its size is not known
    assert "reads a file while" in unknown.message
    (tmp_path / "settings.json").write_text("{}")
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []
    (tmp_path / "settings.json").write_text("{" + " " * 300_000 + "}")
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert "reads a file (settings.json, 293 KB in the tree) while" in finding.message
    assert finding.message.endswith("(1 more in this func init: related locations)")


_DIRECTORY_INIT = """package p

import (
	"os"
	"path/filepath"
)

var scripts = map[string][]byte{}

func init() {
	dir := "scripts"
	entries, _ := os.ReadDir(dir)
	for _, entry := range entries {
		scripts[entry.Name()], _ = os.ReadFile(filepath.Join(dir, entry.Name()))
	}
}
"""


def test_a_directory_the_tree_holds_is_read_by_its_files_together(tmp_path):
    """PlantD-operator's init lists its load generator scripts and reads each (8 KB, read as
    not worth a change): a directory the tree holds is sized by its files together."""
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "p.go").write_text(_DIRECTORY_INIT)
    settings = build_settings(config_path=None, select=("SL001",), cwd=str(tmp_path))
    (unknown,) = run(["./..."], settings, cwd=str(tmp_path)).findings  # not in the tree
    assert "reads a directory while" in unknown.message
    (tmp_path / "scripts").mkdir()
    for name in ("a.js", "b.js"):
        (tmp_path / "scripts" / name).write_text("x" * 1000)
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []
    for name in ("a.js", "b.js"):
        (tmp_path / "scripts" / name).write_text("x" * 150_000)
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert "reads a directory (scripts, 293 KB in the tree) while" in finding.message


def test_a_package_of_test_data_is_test_code(tmp_path):
    """gossamer keeps its RPC tests' runtime metadata in `dot/rpc/modules/test_data`, a package
    only its tests import, whose init decodes it."""
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    for directory in ("rpc/test_data", "rpc/data"):
        (tmp_path / directory).mkdir(parents=True)
        (tmp_path / directory / "p.go").write_text(INIT)
    settings = build_settings(config_path=None, select=("SL001",), cwd=str(tmp_path))
    assert [f.path for f in run(["./..."], settings, cwd=str(tmp_path)).findings] == ["rpc/data/p.go"]
