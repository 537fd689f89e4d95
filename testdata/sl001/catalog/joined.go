package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// A file the project ships, read below a directory found at run time (the executable's):
// conf/app.yml beside this package is a few bytes, read and decoded in microseconds.
var site map[string]string

func init() {
	path := filepath.Join(baseDir(), "conf", "app.yml")
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	_ = json.Unmarshal(data, &site)
}

// Joined in the call itself.
var siteRaw []byte

func init() {
	siteRaw, _ = os.ReadFile(filepath.Join(filepath.Dir(os.Args[0]), "conf", "app.yml"))
}

// One the tree does not hold: its size is not known.
var theme []byte

func init() {
	theme, _ = os.ReadFile(filepath.Join(baseDir(), "conf", "theme.css")) // want "SL001: os.ReadFile in func init reads a file"
}

// Below a directory written out, the environment's or the user's: not the file the project ships.
var etcSite, envSite, homeSite []byte

func init() {
	dir := "/etc/site"
	etcSite, _ = os.ReadFile(filepath.Join(dir, "conf", "app.yml")) // want "SL001: os.ReadFile in func init reads a file"
}

func init() {
	envSite, _ = os.ReadFile(filepath.Join(os.Getenv("SITE_DIR"), "conf", "app.yml")) // want "SL001: os.ReadFile in func init reads a file"
}

func init() {
	home, _ := os.UserHomeDir()
	homeSite, _ = os.ReadFile(filepath.Join(home, "conf", "app.yml")) // want "SL001: os.ReadFile in func init reads a file"
}

// A tail that is not all written out names no file.
var page []byte

func init() {
	page, _ = os.ReadFile(filepath.Join(baseDir(), "conf", os.Getenv("PAGE"))) // want "SL001: os.ReadFile in func init reads a file"
}

// A local given another path after the join is not the joined file.
var layout []byte

func init() {
	name := filepath.Join(baseDir(), "conf", "app.yml")
	name = os.Getenv("LAYOUT")
	layout, _ = os.ReadFile(name) // want "SL001: os.ReadFile in func init reads a file"
}

func baseDir() string {
	dir, _ := os.Executable()
	return filepath.Dir(dir)
}
