package main

import (
	"bufio"
	"embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"flag"
	"os"
	"net/http"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"example.com/prefs/views"
)

//go:embed testdata
var assets embed.FS

type Config struct {
	Servers []string
	Limits  map[string]int
}

type Document struct {
	Items []Item
	Meta  map[string][]string
}

type Item struct{ Name string }

var defaults = []string{"a", "b", "c"}

func main() {
	flag.Parse()
	fileLines()
	decoded()
	roundTrip(Config{})
	enumValues()
	enumValuesHeld()
	enumValuesRead()
	roundTripThenRead(Config{})
	roundTripDeclared(Config{})
	roundTripAssigned(Config{})
	roundTripAsText(Config{})
	reEncoded()
	encodedOnlyWhenEmpty("x")
	encodedInABlock("x")
	encodedInAClosure("x")
	decodedYAML()
	listing()
	kernelListings("0000:3b:00.0")
	mountsOf("")
	embedded()
	scanned()
	bounded()
	guarded(nil)
	guardedThenWritten(nil)
	guardedAround()
	guardedTwice()
	guardedThenShared(nil)
	guardedField()
	guardedTools()
	csvRows()
	notInput(Config{}, []string{"x"})
	flags()
	sharedNames()
	costlyIterations()
	shadowedPackageName()
	costlyThroughOwnFunctions(probe{})
	methodsOfOtherTypes(nil)
	closuresReturned()
	closuresRunInPlace()
	closuresStarted()
	closuresKeptForLater()
	(&backend{}).start("file:key")
	// Then serves: a long-running program, whose startup SL003 reports.
	_ = http.ListenAndServe(":8080", nil)
}

// Lines of a file: the slice is as long as the file.
func fileLines() []string {
	data, err := os.ReadFile("hosts")
	if err != nil {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	var hosts []string // want "SL003: hosts starts empty .* range over lines \\(input read at run time by os.ReadFile\\).*make\\(\\[\\]string, 0, len\\(lines\\)\\)"
	for _, l := range lines {
		hosts = append(hosts, strings.TrimSpace(l))
	}
	return hosts
}

// A decoded document: its entries, a field of it, an element of a map in it.
func decoded() ([]string, []string) {
	data, _ := os.ReadFile("doc.json")
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, nil
	}
	var names []string // want "SL003: names starts empty .* range over doc.Items \\(input read at run time by json.Unmarshal\\)"
	for _, item := range doc.Items {
		names = append(names, item.Name)
	}
	var tags []string // want "SL003: tags starts empty .* by json.Unmarshal"
	for _, t := range doc.Meta["tags"] {
		tags = append(tags, strings.ToLower(t))
	}
	return names, tags
}

// An iterator a method of decoded input returns (Go 1.23's `All`, `Keys`, `Values`): it has no
// length to preallocate with, and its type is not known here.
func sharedNames() []string {
	data, _ := os.ReadFile("shares.json")
	var shares views.Shares
	_ = json.Unmarshal(data, &shares)
	var names []string
	for _, s := range shares.All() {
		names = append(names, s.Name)
	}
	return names
}

type backend struct{ prefs views.Prefs }

// A variable declared in an inner block is another one: `b` out of the `if` is the receiver,
// not the bytes read.
func (b *backend) start(key string) []string {
	if name, ok := strings.CutPrefix(key, "file:"); ok {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil
		}
		key = string(b)
	}
	var names []string
	for _, s := range b.prefs.Shares {
		names = append(names, s.Name)
	}
	return names
}

// A stream decoder, into a pointer.
func decodedYAML() []string {
	f, _ := os.Open("doc.yaml")
	var doc *Document = new(Document)
	_ = yaml.NewDecoder(f).Decode(doc)
	var out []string // want "SL003: out starts empty .* by yaml.NewDecoder\\(f\\).Decode"
	for _, item := range doc.Items {
		out = append(out, item.Name)
	}
	return out
}

// A directory listing.
func listing() []string {
	entries, _ := os.ReadDir("plugins")
	var paths []string // want "SL003: paths starts empty .* by os.ReadDir"
	for _, e := range entries {
		paths = append(paths, filepath.Join("plugins", e.Name()))
	}
	matches, _ := filepath.Glob("conf.d/*.conf")
	var confs []string // want "SL003: confs starts empty .* by filepath.Glob"
	for _, m := range matches {
		confs = append(confs, filepath.Base(m))
	}
	return append(paths, confs...)
}

var pciDevices = "/sys/bus/pci/devices"

// The kernel's pseudo-files list a machine's devices, mounts or processes: a handful of
// entries, not input that grows. Written out, joined, or in a package-level name.
func kernelListings(addr string) []string {
	netDir := filepath.Join(pciDevices, addr, "net")
	entries, _ := os.ReadDir(netDir)
	names := make([]string, 0)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	mounts, _ := os.ReadFile("/proc/self/mountinfo")
	var lines []string
	for _, line := range strings.Split(string(mounts), "\n") {
		lines = append(lines, line)
	}
	return append(names, lines...)
}

// A path that starts under /proc but is then given the caller's: input again.
func mountsOf(custom string) []string {
	p := "/proc/self/mountinfo"
	p = custom
	data, _ := os.ReadFile(p)
	var mounts []string // want "SL003: mounts starts empty .* by os.ReadFile"
	for _, line := range strings.Split(string(data), "\n") {
		mounts = append(mounts, line)
	}
	return mounts
}

// embed.FS's ReadDir and ReadFile, split into words.
func embedded() []string {
	data, _ := assets.ReadFile("testdata/words.txt")
	words := strings.Fields(string(data))
	var upper []string // want "SL003: upper starts empty .* by assets.ReadFile"
	for _, w := range words {
		upper = append(upper, strings.ToUpper(w))
	}
	return upper
}

// Lines collected with a bufio.Scanner, then walked again.
func scanned() []int {
	f, _ := os.Open("numbers")
	sc := bufio.NewScanner(f)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	var lengths []int // want "SL003: lengths starts empty .* by sc.Scan"
	for _, l := range lines {
		lengths = append(lengths, len(l))
	}
	return lengths
}

// A counted loop bounded by the length of input, directly or through a local.
func bounded() ([]string, []string) {
	data, _ := os.ReadFile("pairs")
	lines := strings.Split(string(data), "\n")
	var keys []string // want "SL003: keys starts empty .* the for loop \\(input read at run time by os.ReadFile\\).*make\\(\\[\\]string, 0, len\\(lines\\)\\)"
	for i := 0; i < len(lines); i++ {
		keys = append(keys, lines[i])
	}
	n := len(lines)
	var values []string // want "SL003: values starts empty .* make\\(\\[\\]string, 0, n\\)"
	for i := 0; i < n; i++ {
		values = append(values, strings.ToUpper(lines[i]))
	}
	return keys, values
}

type Question struct {
	Options []string
	Tags    []string
	Notes   []string
	Labels  []string
	Names   []string
}

const maxTags = 8

// A guard that leaves when the input is longer than a constant makes its size known when the
// code is written, as a literal's is: 2 to 4 options, at most 8 tags.
func guarded(data []byte) ([]string, []string, []string, []string, error) {
	var q Question
	if err := json.Unmarshal(data, &q); err != nil {
		return nil, nil, nil, nil, err
	}
	if len(q.Options) > 0 && (len(q.Options) < 2 || len(q.Options) > 4) {
		return nil, nil, nil, nil, errors.New("2 to 4 options")
	}
	var options []string
	for _, o := range q.Options {
		options = append(options, strings.TrimSpace(o))
	}
	if maxTags < len(q.Tags) {
		panic("too many tags")
	}
	if len(q.Tags) != 0 {
		var tags []string
		for _, t := range q.Tags {
			tags = append(tags, strings.ToLower(t))
		}
		_ = tags
	}
	// Not bounds: a guard that does not leave, one that bounds from below, one on another
	// slice, and one the slice is written after.
	if len(q.Notes) > 100 {
		fmt.Println("many notes")
	}
	var lower []string // want "SL003: lower starts empty"
	for _, o := range q.Notes {
		lower = append(lower, strings.ToLower(o))
	}
	if len(q.Labels) < 1 || len(q.Options) > 3 {
		return nil, nil, nil, nil, errors.New("no labels")
	}
	var upper []string // want "SL003: upper starts empty"
	for _, t := range q.Labels {
		upper = append(upper, strings.ToUpper(t))
	}
	if len(q.Names) > 3 {
		return nil, nil, nil, nil, errors.New("too many names")
	}
	q.Names = strings.Fields(string(data))
	var titled []string // want "SL003: titled starts empty"
	for _, t := range q.Names {
		titled = append(titled, strings.ToTitle(t))
	}
	return options, lower, upper, titled, nil
}

func refill(q *Question, data []byte) { _ = json.Unmarshal(data, q) }

// A guard no longer bounds what is written after it, nor bounds by more than a thousand.
func guardedThenWritten(data []byte) {
	raw, _ := os.ReadFile("lines")
	lines := strings.Split(string(raw), "\n")
	if len(lines) > 4 {
		return
	}
	lines, err := strings.Split(string(raw), ";"), error(nil)
	var trimmed []string // want "SL003: trimmed starts empty"
	for _, l := range lines {
		trimmed = append(trimmed, strings.TrimSpace(l))
	}
	var q Question
	_ = json.Unmarshal(data, &q)
	if len(q.Options) > 4 {
		return
	}
	refill(&q, data)
	var options []string // want "SL003: options starts empty"
	for _, o := range q.Options {
		options = append(options, strings.TrimSpace(o))
	}
	if len(q.Tags) > 1<<20 {
		return
	}
	var tags []string // want "SL003: tags starts empty"
	for _, t := range q.Tags {
		tags = append(tags, strings.ToLower(t))
	}
	if names := strings.Fields("a b"); len(names) > 4 {
		return
	}
	names := strings.Fields(string(raw))
	var upper []string // want "SL003: upper starts empty"
	for _, n := range names {
		upper = append(upper, strings.ToUpper(n))
	}
	_, _, _, _, _ = trimmed, options, tags, upper, err
}

// Nor what a closure or an `if` around the loop writes or declares under the guarded name.
func guardedAround() {
	raw, _ := os.ReadFile("lines")
	lines := strings.Split(string(raw), "\n")
	reload := func() { lines = strings.Split(os.Getenv("LINES"), ",") }
	if len(lines) > 4 {
		return
	}
	reload()
	var trimmed []string // want "SL003: trimmed starts empty"
	for _, l := range lines {
		trimmed = append(trimmed, strings.TrimSpace(l))
	}
	fields := strings.Fields(string(raw))
	if len(fields) > 4 {
		return
	}
	if fields := strings.Split(string(raw), ","); len(fields) > 1 {
		var joined []string // want "SL003: joined starts empty"
		for _, f := range fields {
			joined = append(joined, strings.TrimSpace(f))
		}
		_ = joined
	}
	_ = trimmed
}

// Of two guards, the tighter one bounds the loop, whichever comes first.
func guardedTwice() []string {
	raw, _ := os.ReadFile("names")
	names := strings.Fields(string(raw))
	if len(names) > 4 {
		return nil
	}
	if len(names) > 1<<20 {
		return nil
	}
	var upper []string
	for _, n := range names {
		upper = append(upper, strings.ToUpper(n))
	}
	return upper
}

// Nor what is decoded into it by a closure, or written through an address handed on.
func guardedThenShared(ch chan *[]string) {
	raw, _ := os.ReadFile("lines")
	lines := strings.Split(string(raw), "\n")
	reload := func() { _ = json.Unmarshal(raw, &lines) }
	if len(lines) > 4 {
		return
	}
	reload()
	var trimmed []string // want "SL003: trimmed starts empty"
	for _, l := range lines {
		trimmed = append(trimmed, strings.TrimSpace(l))
	}
	fields := strings.Fields(string(raw))
	ch <- &fields
	if len(fields) > 4 {
		return
	}
	var upper []string // want "SL003: upper starts empty"
	for _, f := range fields {
		upper = append(upper, strings.ToUpper(f))
	}
	// A name declared in one select case is another variable in the next.
	names := []string{"a", "b"}
	select {
	case <-ch:
		names := strings.Fields(string(raw))
		_ = names
	default:
		var lower []string
		for _, n := range names {
			lower = append(lower, strings.ToLower(n))
		}
		_ = lower
	}
	_, _ = trimmed, upper
}

// A field's address counts as the variable's; so does a closure of the outer function.
func guardedField() {
	raw, _ := os.ReadFile("question.yaml")
	var q Question
	_ = yaml.Unmarshal(raw, &q)
	keep := &(q.Options)
	if len(q.Options) > 4 {
		return
	}
	*keep = strings.Fields(string(raw))
	var options []string // want "SL003: options starts empty"
	for _, o := range q.Options {
		options = append(options, strings.TrimSpace(o))
	}
	names := strings.Fields(string(raw))
	reload := func() { names = strings.Fields(os.Getenv("NAMES")) }
	run := func() {
		if len(names) > 4 {
			return
		}
		reload()
		var upper []string // want "SL003: upper starts empty"
		for _, n := range names {
			upper = append(upper, strings.ToUpper(n))
		}
		_ = upper
	}
	run()
	_ = options
}

// Tools registered as closures, each decoding its own arguments: a sibling's `args` is
// another variable; a closure written after the one it runs before still runs first.
func guardedTools() {
	tag := func(raw []byte) []string {
		var args struct{ Options []string }
		_ = json.Unmarshal(raw, &args)
		return args.Options
	}
	ask := func(raw []byte) []string {
		var args struct {
			Options []string
			Name    string
		}
		_ = json.Unmarshal(raw, &args)
		sort.Slice(args.Options, func(i, j int) bool { return args.Options[i] < args.Options[j] })
		name := &args.Name
		if len(args.Options) > 4 {
			return nil
		}
		*name = "ask"
		var opts []string
		for _, o := range args.Options {
			opts = append(opts, strings.TrimSpace(o))
		}
		return opts
	}
	data, _ := os.ReadFile("hosts")
	hosts := strings.Fields(string(data))
	show := func() []string {
		if len(hosts) > 4 {
			return nil
		}
		var shown []string // want "SL003: shown starts empty"
		for _, h := range hosts {
			shown = append(shown, strings.ToUpper(h))
		}
		return shown
	}
	reload := func() { hosts = strings.Fields(os.Getenv("HOSTS")) }
	reload()
	_, _, _ = show(), tag(data), ask(data)
}

// Rows of a CSV file.
func csvRows() []string {
	f, _ := os.Open("table.csv")
	var rows [][]string
	rows, _ = csv.NewReader(f).ReadAll()
	var firsts []string // want "SL003: firsts starts empty .* by csv.NewReader\\(f\\).ReadAll"
	for _, row := range rows {
		firsts = append(firsts, row[0])
	}
	return firsts
}

// Not input: a parameter (its size is decided by the caller), a config's fields, a
// literal, a package-level variable, a field of a value decoded elsewhere.
func notInput(cfg Config, params []string) ([]string, []string, []string, []string, []string) {
	var fromParam []string
	for _, p := range params {
		fromParam = append(fromParam, strings.ToUpper(p))
	}
	var servers []string
	for _, s := range cfg.Servers {
		servers = append(servers, s+":443")
	}
	var literal []string
	for _, s := range []string{"x", "y", "z"} {
		literal = append(literal, s)
	}
	var fromPackage []string
	for _, s := range defaults {
		fromPackage = append(fromPackage, s)
	}
	var limits []string
	for k := range cfg.Limits {
		limits = append(limits, k)
	}
	return fromParam, servers, literal, fromPackage, limits
}

// Not input: command-line words, flags, the environment.
func flags() ([]string, []string, []string) {
	var args []string
	for _, a := range os.Args[1:] {
		args = append(args, a)
	}
	var rest []string
	for _, a := range flag.Args() {
		rest = append(rest, a)
	}
	var env []string
	for _, kv := range strings.Split(os.Getenv("PEERS"), ",") {
		env = append(env, kv)
	}
	return args, rest, env
}

// A struct turned into a map through JSON: the map holds the struct's fields, no input.
func roundTrip(c Config) []string {
	encoded, _ := json.Marshal(c)
	var fields map[string]any
	_ = json.Unmarshal([]byte(encoded), &fields)
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// A document the source writes out (go-swagger's enum tables): its entries are spelled there,
// no input; nor when a local holds it first.
func enumValues() []string {
	var res []string
	_ = json.Unmarshal([]byte(`["get","create","update","delete"]`), &res)
	var values []string
	for _, v := range res {
		values = append(values, v)
	}
	return values
}

func enumValuesHeld() []string {
	doc := `["ready","failed"]`
	var res []string
	_ = json.Unmarshal([]byte(doc), &res)
	var values []string
	for _, v := range res {
		values = append(values, v)
	}
	return values
}

// The literal replaced by what a file holds before it is decoded: input.
func enumValuesRead() []string {
	doc := `["ready","failed"]`
	read, _ := os.ReadFile("states.json")
	doc = string(read)
	var res []string
	_ = json.Unmarshal([]byte(doc), &res)
	var values []string // want "SL003: values starts empty .* by json.Unmarshal"
	for _, v := range res {
		values = append(values, v)
	}
	return values
}

// Encoded, then replaced by what a file holds before it is decoded: input.
func roundTripThenRead(c Config) []string {
	encoded, _ := json.Marshal(c)
	encoded, _ = os.ReadFile("fields.json")
	var fields map[string]any
	_ = json.Unmarshal(encoded, &fields)
	var keys []string // want "SL003: keys starts empty .* by json.Unmarshal"
	for k := range fields {
		keys = append(keys, k)
	}
	return keys
}

func roundTripDeclared(c Config) []string {
	var encoded, _ = json.Marshal(c)
	var fields map[string]any
	_ = json.Unmarshal(encoded, &fields)
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// A part of a document read, encoded again to be decoded typed: input still.
func reEncoded() []string {
	data, _ := os.ReadFile("doc.json")
	var raw map[string]any
	_ = json.Unmarshal(data, &raw)
	part, _ := json.Marshal(raw["items"])
	var items []Item
	_ = json.Unmarshal(part, &items)
	var names []string // want "SL003: names starts empty .* by json.Unmarshal"
	for _, item := range items {
		names = append(names, item.Name)
	}
	return names
}

// Encoded defaults only when the file is empty; an encoding in an inner block or a closure
// is another variable: the bytes decoded are the file's.
func encodedOnlyWhenEmpty(path string) []string {
	data, _ := os.ReadFile(path)
	if len(data) == 0 {
		data, _ = json.Marshal([]Item{})
	}
	var items []Item
	_ = json.Unmarshal(data, &items)
	var names []string // want "SL003: names starts empty .* by json.Unmarshal"
	for _, item := range items {
		names = append(names, item.Name)
	}
	return names
}

func encodedInABlock(path string) []string {
	data, _ := os.ReadFile(path)
	if len(data) > 1<<20 {
		data, _ := json.Marshal(len(data))
		fmt.Println(string(data))
	}
	var items []Item
	_ = json.Unmarshal(data, &items)
	var names []string // want "SL003: names starts empty .* by json.Unmarshal"
	for _, item := range items {
		names = append(names, item.Name)
	}
	return names
}

func encodedInAClosure(path string) []string {
	data, _ := os.ReadFile(path)
	show := func(v any) { data, _ := json.Marshal(v); fmt.Println(string(data)) }
	show(1)
	var items []Item
	_ = json.Unmarshal(data, &items)
	var names []string // want "SL003: names starts empty .* by json.Unmarshal"
	for _, item := range items {
		names = append(names, item.Name)
	}
	return names
}

func roundTripAssigned(c Config) ([]string, error) {
	var encoded []byte
	var err error
	encoded, err = json.Marshal(c)
	if err != nil {
		return nil, err
	}
	var fields map[string]any
	_ = json.Unmarshal(encoded, &fields)
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	return keys, nil
}

// Decoded from the text of what it encoded: no input.
func roundTripAsText(c Config) []string {
	encoded, _ := yaml.Marshal(c)
	var fields map[string]any
	_ = yaml.Unmarshal([]byte(string(encoded)), &fields)
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	return keys
}
