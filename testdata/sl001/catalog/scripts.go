package catalog

import (
	"os"
	"path/filepath"
)

// The tree holds scripts/ beside this file, two scripts of a few bytes: listing it and reading
// each one in an init costs microseconds (PlantD-operator's 8 KB of load generator scripts were
// read as not worth a change).
var scripts = map[string]string{}

func init() {
	dir := "./scripts"
	entries, err := os.ReadDir(dir)
	if err != nil {
		panic(err)
	}
	for _, entry := range entries {
		content, err := os.ReadFile(filepath.Join(dir, entry.Name()))
		if err != nil {
			panic(err)
		}
		scripts[entry.Name()] = string(content)
	}
}

const scriptDir = "scripts"

func init() {
	content, _ := os.ReadFile(filepath.Join(scriptDir, "plain.js"))
	scripts["plain"] = string(content)
}

// A directory the tree does not hold: its size is not known.
func init() {
	dir := "templates"
	entries, _ := os.ReadDir(dir) // want "SL001: os.ReadDir in func init reads a directory.*1 more in this func init"
	for _, entry := range entries {
		content, _ := os.ReadFile(filepath.Join(dir, entry.Name()))
		scripts[entry.Name()] = string(content)
	}
}

// Given another directory later: which one it names is not known.
func init() {
	dir := "./scripts"
	if override := os.Getenv("SCRIPTS"); override != "" {
		dir = override
	}
	entries, _ := os.ReadDir(dir) // want "SL001: os.ReadDir in func init reads a directory.*1 more in this func init"
	for _, entry := range entries {
		content, _ := os.ReadFile(filepath.Join(dir, entry.Name()))
		scripts[entry.Name()] = string(content)
	}
}

// A file joined below a directory of the tree is one of its files only one level down.
func init() {
	content, _ := os.ReadFile(filepath.Join(scriptDir, "nested", "deep.js")) // want "SL001: os.ReadFile in func init reads a file"
	scripts["deep"] = string(content)
}

// A name from elsewhere may go below the directory: not known to be one of its files.
func init() {
	for _, name := range []string{"data/catalog.json"} {
		content, _ := os.ReadFile(filepath.Join(scriptDir, name)) // want "SL001: os.ReadFile in func init reads a file"
		scripts[name] = string(content)
	}
}

// Changed after it is given: which directory it names is not known.
func init() {
	dir := "scripts"
	dir += os.Getenv("SCRIPTS_SUFFIX")
	entries, _ := os.ReadDir(dir) // want "SL001: os.ReadDir in func init reads a directory"
	_ = entries
}

// A directory named by more than a literal: not known.
func init() {
	dir := "scripts" + os.Getenv("SCRIPTS_SUFFIX")
	entries, _ := os.ReadDir(dir) // want "SL001: os.ReadDir in func init reads a directory"
	for _, entry := range entries {
		name := entry.Name()
		content, _ := os.ReadFile(filepath.Join("scripts", name))
		scripts[name] = string(content)
	}
}
