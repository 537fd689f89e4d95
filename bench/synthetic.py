"""Write a synthetic Go tree where most files import runtime/debug and zap, for bench.py.

    python bench/synthetic.py <directory> [--files N] [--packages P] [--filler B]

Such a tree is the startup model's worst case: every file may hold a GC control or a logger
finding, so findings (and the files completed on paths to them) are everywhere. The tree
is deterministic: the same arguments write the same bytes.
"""

from __future__ import annotations

import argparse
import os

_MAIN = """package main

import (
	"os"

{imports}
	"go.uber.org/zap"
)

func main() {{
	logger, _ := zap.NewDevelopment()
	defer logger.Sync()
{calls}
}}
"""

_FILE = """package {package}

import (
	"encoding/json"
	"os"
	"runtime/debug"

	"go.uber.org/zap"
)

var registry{index} = map[string]int{{}}

func init() {{
	for i := 0; i < 1000; i++ {{
		registry{index}[string(rune(i))] = i
	}}
}}

type Config{index} struct {{
	Name  string
	Limit int64
}}

func Load{index}(path string) (*Config{index}, error) {{
	data, err := os.ReadFile(path)
	if err != nil {{
		return nil, err
	}}
	var cfg Config{index}
	if err := json.Unmarshal(data, &cfg); err != nil {{
		return nil, err
	}}
	return &cfg, nil
}}

func Run{index}(args []string) error {{
	logger, _ := zap.NewDevelopment()
	logger.Info("starting", zap.Int("file", {index}))
	if len(args) > 5 {{
		debug.SetGCPercent(50)
	}}
	cfg, err := Load{index}("config.json")
	if err != nil {{
		return err
	}}
	var items []string
	for _, arg := range args {{
		items = append(items, arg+cfg.Name)
	}}
	_ = items
	{call}
	return nil
}}
"""


# Ordinary code that no rule reports, repeated to bring a file to a real one's size: Go files
# of temporal, dex and rclone average 9-12.5 KB (250-350 lines); the template alone is 0.9 KB.
_FILLER = """
type record{index}_{n} struct {{
	ID    int64
	Name  string
	Tags  []string
	Attrs map[string]string
}}

func (r *record{index}_{n}) Validate() error {{
	if r.ID <= 0 {{
		return fmt.Errorf("record %d: bad id", r.ID)
	}}
	switch {{
	case r.Name == "":
		return errors.New("no name")
	case len(r.Tags) > 16:
		return fmt.Errorf("%d tags, at most 16", len(r.Tags))
	}}
	for key, value := range r.Attrs {{
		if key == "" || value == "" {{
			return fmt.Errorf("empty attribute %q", key)
		}}
	}}
	return nil
}}
"""


def write_tree(root: str, files: int, packages: int, filler: int = 0) -> None:
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "go.mod"), "w") as handle:
        handle.write("module example.com/synthetic\n\ngo 1.22\n\nrequire go.uber.org/zap v1.27.0\n")
    per_package = max(1, files // packages)
    for index in range(files):
        package = f"pkg{index // per_package:03d}"
        directory = os.path.join(root, package)
        os.makedirs(directory, exist_ok=True)
        # main calls each package's first file, which calls the package's other files: paths
        # three calls deep, as in a service's wiring (every finding carries its path).
        first = index - index % per_package
        call = "\n\t".join(f"_ = Run{other}(args)" for other in range(first + 1, min(first + per_package, files))) \
            if index == first else ""
        with open(os.path.join(directory, f"file{index:05d}.go"), "w") as handle:
            source = _FILE.format(package=package, index=index, call=call)
            if filler:
                source = source.replace('import (\n', 'import (\n\t"errors"\n\t"fmt"\n', 1) + "".join(
                    _FILLER.format(index=index, n=n) for n in range(filler))
            handle.write(source)
    firsts = range(0, files, per_package)
    os.makedirs(os.path.join(root, "cmd", "server"), exist_ok=True)
    with open(os.path.join(root, "cmd", "server", "main.go"), "w") as handle:
        handle.write(_MAIN.format(
            imports="".join(f'\t"example.com/synthetic/pkg{i // per_package:03d}"\n' for i in firsts),
            calls="".join(f"\t_ = pkg{i // per_package:03d}.Run{i}(os.Args)\n" for i in firsts)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--files", type=int, default=1500)
    parser.add_argument("--packages", type=int, default=60)
    parser.add_argument("--filler", type=int, default=0,
                        help="blocks of ordinary code (0.8 KB each) per file; 12 gives a real file's size")
    args = parser.parse_args()
    write_tree(args.directory, args.files, args.packages, args.filler)


if __name__ == "__main__":
    main()
