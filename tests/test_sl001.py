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
