"""SL005 behavior the `// want` fixtures cannot express: the related location (the module's
first DPanic call), named files, --tests and --generated, and the cache."""

import os
import shutil

import pytest

from fixtures import TESTDATA
from lintrun import ZAP_RULE, lint, write
from golint_startup.engine.config import build_settings
from golint_startup.engine.runner import run

SL005 = os.path.join(TESTDATA, "sl005")


def _findings(directory, patterns=("./...",), **options):
    settings = build_settings(config_path=None, select=("SL005",), cwd=directory, **options)
    return run(list(patterns), settings, cwd=directory, debug=True).findings


def test_related_location_is_the_first_dpanic_call_of_the_module_in_path_order():
    (finding,) = _findings(os.path.join(SL005, "sugared"))
    assert (finding.path, finding.location.line) == ("cmd/api/main.go", 14)
    assert "the module calls DPanic (internal/store/store.go:14), which panics in development mode" in finding.message
    (related,) = finding.related
    assert (related.path, related.line, related.col) == ("internal/store/store.go", 14, 3)
    assert related.message == "the module calls DPanicf here, which panics in development mode"


def test_a_named_file_finds_the_dpanic_in_the_rest_of_its_module():
    """Pre-commit names only main.go: the store's DPanicf is read as module context."""
    (finding,) = _findings(os.path.join(SL005, "sugared"), ["cmd/api/main.go"])
    assert finding.path == "cmd/api/main.go" and finding.related[0].path == "internal/store/store.go"


def test_dpanic_in_tests_and_generated_files_does_not_count_even_when_they_are_linted():
    directory = os.path.join(SL005, "testsonly")
    assert _findings(directory) == []
    assert _findings(directory, tests=True) == []
    assert _findings(directory, generated=True) == []


def test_a_warm_run_sees_the_dpanic_call_go(tmp_path):
    """The DPanic call lies in another file than the logger: removing it ends the finding,
    also when the logger's file is unchanged and its results come from the cache."""
    tree = tmp_path / "sugared"
    shutil.copytree(os.path.join(SL005, "sugared"), tree)
    cold = lint([*ZAP_RULE, "./..."], tree)
    assert cold[0] == 1 and "internal/store/store.go:14" in cold[1]
    assert lint([*ZAP_RULE, "./..."], tree) == cold
    store = tree / "internal" / "store" / "store.go"
    store.write_text(store.read_text().replace("s.log.DPanicf(", "s.log.Errorf("))
    code, out, _ = lint([*ZAP_RULE, "./..."], tree)
    assert code == 1 and "internal/worker/worker.go:8" in out  # the next one in path order
    worker = tree / "internal" / "worker" / "worker.go"
    worker.write_text(worker.read_text().replace("log.DPanicw(", "log.Errorw("))
    code, out, _ = lint([*ZAP_RULE, "./..."], tree)
    assert code == 0 and "SL005" not in out


_ADAPTER = """\
package logadapter

import (
	"fmt"

	"go.uber.org/zap"
)

type Logger struct{ z *zap.Logger }

var _ = fmt.Sprintf

func (l *Logger) %s
"""


@pytest.mark.parametrize("method, reported", [
    # zapr's check of its pairs: panics only on a malformed logging call
    ('fields(args []interface{}) {\n\tif len(args)%2 == 1 {\n\t\tl.z.DPanic("odd number of arguments", '
     'zap.Any("ignored key", args[len(args)-1]))\n\t}\n}', False),
    # wrappers: every call panics
    ('Bugf(format string, args ...interface{}) {\n\tif true {\n\t\tl.z.DPanic(fmt.Sprintf(format, args...))\n\t}\n}',
     True),
    ('Broken(msg string, kv ...any) {\n\tif true {\n\t\tl.z.DPanic("broken", toFields(kv)...)\n\t}\n}', True),
    ('Broken(msg string, kv ...any) {\n\tl.z.Sugar().DPanicw(msg, kv...)\n}', True),
    ('check(args []any) {\n\tl.z.DPanic("unchecked", zap.Any("first", args[0]))\n}', True),  # under no if
    # a loop over the pairs, its `if` testing a value taken from them (kubecube's non-string key)
    ('fields(args []any) {\n\tfor i := 0; i < len(args); i += 2 {\n\t\tkey, ok := args[i].(string)\n'
     '\t\tif !ok {\n\t\t\tl.z.DPanic("non-string key", zap.Any("key", key))\n\t\t}\n\t}\n}', False),
    # an `if` testing something else, the pairs handed on converted or sliced
    ('Errorw(msg string, kv ...any) {\n\tif l.z != nil {\n\t\tl.z.DPanic("error logged in strict mode")\n\t}\n}', True),
    ('Broken(msg string, kv ...any) {\n\tfields := toFields(kv)\n\tif len(kv) > 0 {\n'
     '\t\tl.z.DPanic("bug", fields...)\n\t}\n}', True),
    ('Bug(args ...any) {\n\tif err, ok := args[0].(error); ok {\n\t\tl.z.Sugar().DPanicw("bug", '
     'append([]any{"error", err}, args[1:]...)...)\n\t}\n}', True),
    # tests of the pairs: a switch, a variable given their length, an error of their conversion,
    # the pairs given a slice of themselves
    ('fields(args []any) {\n\tswitch len(args) % 2 {\n\tcase 1:\n\t\tif l.z != nil {\n'
     '\t\t\tl.z.DPanic("odd number of arguments", zap.Any("ignored key", args[len(args)-1]))\n\t\t}\n\t}\n}', False),
    ('fields(kv ...any) {\n\tn := len(kv)\n\tif n%2 != 0 {\n\t\tl.z.DPanic("odd number", zap.Int("count", n))\n\t}\n}',
     False),
    ('fields(kv ...any) {\n\tfields, err := toFields(kv)\n\t_ = fields\n\tif err != nil {\n'
     '\t\tl.z.DPanic("malformed pairs", zap.Error(err))\n\t}\n}', False),
    ('fields(args []any) {\n\tfor len(args) > 0 {\n\t\tif len(args) == 1 {\n'
     '\t\t\tl.z.DPanic("odd number", zap.Any("ignored key", args[0]))\n\t\t}\n\t\targs = args[2:]\n\t}\n}', False),
    # an else branch of a test of the pairs tests something else
    ('Errorw(msg string, kv ...any) {\n\tif len(kv) > 64 {\n\t\treturn\n\t} else if l.z != nil {\n'
     '\t\tl.z.DPanic("error logged in strict mode")\n\t}\n}', True),
    # a plain else of a test of the pairs is one
    ('Infow(msg string, kv ...any) {\n\tif len(kv)%2 == 0 {\n\t\tl.z.Sugar().Infow(msg, kv...)\n\t} else {\n'
     '\t\tl.z.DPanic("odd number of arguments")\n\t}\n}', False),
    # an error of a call the pairs are handed to tests that call, not them; a loop is no test
    ('Errorw(msg string, kv ...any) {\n\terr := l.write(msg, kv...)\n\tif err != nil {\n'
     '\t\tl.z.DPanic("audit sink failed", zap.Error(err))\n\t}\n}', True),
    ('Dump(kv ...any) {\n\tfor _, v := range kv {\n\t\tl.z.DPanic("bug", zap.Any("value", v))\n\t}\n}', True),
    # a range's element, a `var` given their length, the error of a conversion they are spread
    # into, a message grown from them after the check: no pairs handed on
    ('fields(kv ...any) {\n\tfor _, v := range kv {\n\t\tif _, ok := v.(zap.Field); ok {\n'
     '\t\t\tl.z.DPanic("strongly-typed field", zap.Any("field", v))\n\t\t}\n\t}\n}', False),
    ('fields(kv ...any) {\n\tvar last = len(kv) - 1\n\tfor i := 0; i < len(kv); i += 2 {\n\t\tif i == last {\n'
     '\t\t\tl.z.DPanic("odd number", zap.Any("ignored key", kv[i]))\n\t\t}\n\t}\n}', False),
    ('fields(kv ...any) {\n\tfields, err := toFields(kv...)\n\t_ = fields\n\tif err != nil {\n'
     '\t\tl.z.DPanic("malformed pairs", zap.Error(err))\n\t}\n}', False),
    ('Infow(msg string, kv ...any) {\n\tif len(kv)%2 != 0 {\n\t\tl.z.DPanic("odd number", zap.String("message", msg))\n'
     '\t\tmsg += fmt.Sprint(kv)\n\t}\n}', False),
])
def test_a_logging_adapters_check_of_its_pairs_is_no_dpanic_of_the_module(tmp_path, method, reported):
    write(tmp_path, "go.mod", "module example.com/app\n\ngo 1.22\n")
    write(tmp_path, "cmd/server/main.go", 'package main\n\nimport (\n\t"net/http"\n\n\t"go.uber.org/zap"\n)\n\n'
                                          'func main() {\n\t_ = zap.New(nil, zap.Development())\n'
                                          '\t_ = http.ListenAndServe(":8080", nil)\n}\n')
    write(tmp_path, "internal/logadapter/adapter.go", _ADAPTER % method)
    assert [f.rule_id for f in _findings(str(tmp_path))] == (["SL005"] if reported else [])
