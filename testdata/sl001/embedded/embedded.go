package embedded

import (
	"embed"
	"io"
	"io/fs"
	"os"
	"strings"

	"example.com/webroot"
)

//go:embed assets/*.json assets/small.txt
var assets embed.FS

var (
	//go:embed static
	static embed.FS

	//go:embed assets/small.txt
	banner string // a string variable holds the data itself: nothing is copied

	plain embed.FS // no directive: empty
)

//go:embed assets/small.txt
var notes embed.FS

//go:embed generated/*.pb
var missing embed.FS // the pattern names nothing in this tree: the build makes the files first

//go:embed assets/small.txt assets/version*
var versions embed.FS // version.txt: written by a go generate step (`git describe`), not in the tree

var catalog []byte

func init() {
	catalog, _ = fs.ReadFile(assets, "assets/big.json") // want `SL001: fs.ReadFile in func init copies 'assets/big.json' \(8 KB\) from assets onto the heap`
	note, _ := assets.ReadFile("assets/small.txt")       // below min-embedded-bytes
	_ = note
}

func init() {
	entries, _ := static.ReadDir("static/css") // a listing copies no file data
	for _, e := range entries {
		data, _ := static.ReadFile("static/css/" + e.Name()) // want `SL001: \(embed.FS\).ReadFile in func init copies files of static onto the heap \(they total 6 KB\)`
		_ = data
	}
	_, _ = plain.ReadFile("x")
}

var names, conf []string

// The names of the files built in, one append each: as many as the pattern matched.
func init() {
	entries, _ := static.ReadDir("static")
	for _, e := range entries {
		names = append(names, e.Name())
	}
	found, _ := os.ReadDir("/etc/app/conf.d") // want "SL001: os.ReadDir in func init reads a directory"
	for _, e := range found {
		conf = append(conf, e.Name()) // want "SL001: append inside a loop"
	}
}

var lines []string

// The lines of embedded files, one append each: as many as 12 bytes hold.
func init() {
	text, _ := fs.ReadFile(notes, "assets/small.txt")
	for _, line := range strings.Split(string(text), "\n") {
		lines = append(lines, line)
	}
}

// As many as 8 KB hold: a loop over the files' text is sized like the files.
func init() {
	text, _ := assets.ReadFile("assets/big.json") // want `SL001: \(embed.FS\).ReadFile in func init copies 'assets/big.json' \(8 KB\)`
	for line := range strings.SplitSeq(string(text), "\n") {
		lines = append(lines, line) // want "SL001: append inside a loop"
	}
}

// Over a small embedded file's lines, or a file the environment names instead.
func init() {
	text, _ := notes.ReadFile("assets/small.txt")
	if path := os.Getenv("LINES_FILE"); path != "" {
		text, _ = os.ReadFile(path) // want "SL001: os.ReadFile in func init reads a file"
	}
	for _, line := range strings.Split(string(text), "\n") {
		lines = append(lines, line) // want "SL001: append inside a loop"
	}
}

// Over a small embedded file's lines for each entry of a directory read at run time.
func init() {
	found, _ := os.ReadDir("/etc/app/lines.d") // want "SL001: os.ReadDir in func init reads a directory"
	for range found {
		text, _ := notes.ReadFile("assets/small.txt")
		for line := range strings.Lines(string(text)) {
			lines = append(lines, line) // want "SL001: append inside a loop"
		}
	}
}

func init() {
	_, _ = missing.ReadFile("generated/a.pb") // not in the tree: its size is unknown, so it is not reported
}

var Version, Banner string

// An embedded file opened and read whole is copied as a ReadFile copies it, and sized the same.
func init() {
	f, err := assets.Open("assets/big.json")
	if err != nil {
		return
	}
	catalog, _ = io.ReadAll(f) // want `SL001: io.ReadAll in func init copies 'assets/big.json' \(8 KB\) from assets onto the heap`
}

func init() {
	f, _ := versions.Open("assets/version.txt")
	b, _ := io.ReadAll(f) // not in the tree: the build writes it
	Version = string(b)
	small, _ := versions.Open("assets/small.txt")
	b, _ = io.ReadAll(small) // 12 bytes
	Banner = string(b)
}

// A stream read whole that is not an embedded file.
func init() {
	b, _ := io.ReadAll(os.Stdin) // want "SL001: io.ReadAll in func init reads a whole stream into memory"
	Banner = string(b)
}

// Streams of the same name that no longer hold the embedded file: opened in an if's header,
// given another stream, declared again in an inner block.
func init() {
	if f, err := notes.Open("assets/small.txt"); err == nil {
		_ = f.Close()
	}
	f := os.Stdin
	b, _ := io.ReadAll(f) // want "SL001: io.ReadAll in func init reads a whole stream into memory"
	Banner = string(b)
}

func init() {
	f, _ := notes.Open("assets/small.txt")
	f = os.Stdin
	b, _ := io.ReadAll(f) // want "SL001: io.ReadAll in func init reads a whole stream into memory"
	Banner = string(b)
}

func init() {
	f, _ := notes.Open("assets/small.txt")
	_ = f
	{
		f, _ := os.Open("/etc/app/banner") // want "SL001: os.Open in func init opens a file"
		b, _ := io.ReadAll(f)
		Banner = string(b)
	}
}

// Another package's file system, whatever it is: not an embedded file.
func init() {
	f, _ := webroot.Files.Open("/index.html")
	b, _ := io.ReadAll(f) // want "SL001: io.ReadAll in func init reads a whole stream into memory"
	Banner = string(b)
}

func init() {
	_, _ = os.ReadDir("/etc/app/conf.d") // want "SL001: os.ReadDir in func init reads a directory"
	_ = banner
}

// Not initialization: read when called.
func page() []byte {
	data, _ := assets.ReadFile("assets/big.json")
	return data
}
