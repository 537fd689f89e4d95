package work

import (
	"embed"
	"encoding/json"
	"html/template"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"google.golang.org/protobuf/proto"
	"gopkg.in/yaml.v3"
)

// Each kind of measurable work, in the function given to Do or in a same-package function
// it calls, is reported, and the message names the call.

var (
	once     sync.Once
	data     []byte
	names    []string
	config   map[string]any
	page     *template.Template
	version  string
	index    map[string]int
	lines    []string
	message  proto.Message
	buffer   []byte
	sizeHint int

	//go:embed assets
	assets embed.FS
)

func Reads() {
	once.Do(func() { data, _ = os.ReadFile("data.bin") })         // want "SL002: once.Do sets package-level data .*reads input then \\(os.ReadFile\\)"
	once.Do(func() { names, _ = filepath.Glob("plugins/*.so") })  // want "SL002: .*reads input then \\(filepath.Glob\\)"
	once.Do(func() { data, _ = io.ReadAll(os.Stdin) })            // want "SL002: .*reads input then \\(io.ReadAll\\)"
	once.Do(func() { data, _ = assets.ReadFile("assets/a.txt") }) // want "SL002: .*reads input then \\(assets.ReadFile\\)"
}

func Decodes() {
	once.Do(func() { _ = yaml.Unmarshal(data, &config) })                          // want "SL002: .*decodes data then \\(yaml.Unmarshal\\)"
	once.Do(func() { _ = json.NewDecoder(os.Stdin).Decode(&config) })              // want "SL002: .*decodes data then \\(json.NewDecoder\\(...\\).Decode\\)"
	once.Do(func() { message = newMessage(); _ = proto.Unmarshal(data, message) }) // want "SL002: .*decodes data then \\(proto.Unmarshal\\)"
}

func Compiles() {
	once.Do(func() { page = template.Must(template.New("p").Parse("<p>{{.}}</p>")) })   // want "SL002: .*compiles a pattern or template then \\(template.New\\(...\\).Parse\\)"
	once.Do(func() { page = template.Must(template.ParseFS(assets, "assets/*.html")) }) // want "SL002: .*\\(template.ParseFS\\)"
}

func Runs() {
	once.Do(func() { // want "SL002: once.Do sets package-level version .*runs a process then \\(exec.Command\\(...\\).Output\\)"
		out, _ := exec.Command("git", "describe").Output()
		version = string(out)
	})
	once.Do(func() { // want "SL002: .*runs a process then \\(cmd.Run\\)"
		cmd := exec.Command("uname", "-r")
		_ = cmd.Run()
		version = cmd.String()
	})
}

func Loops() {
	once.Do(func() { // want "SL002: once.Do sets package-level index .*loops over data then \\(range lines\\)"
		index = map[string]int{}
		for i, line := range lines {
			index[line] = i
		}
	})
	once.Do(func() { buffer = make([]byte, sizeHint) }) // want "SL002: .*allocates a sized buffer then \\(make\\(..., sizeHint\\)\\)"
}

// Through same-package helpers, two calls deep: the message says which function works.
func Helper() {
	once.Do(func() { config = loadConfig() }) // want "SL002: once.Do sets package-level config .*reads input and decodes data then \\(json.Unmarshal in loadConfig, os.ReadFile in readAll\\)"
}

func loadConfig() map[string]any {
	var c map[string]any
	_ = json.Unmarshal(readAll(), &c)
	return c
}

func readAll() []byte { b, _ := os.ReadFile("config.json"); return b }

func newMessage() proto.Message { return nil }
