package catalog

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

type Page struct{ Lines []string }

func load() []string { return nil }

// The length is only known after the declaration: the make moves down to the loop.
func declaredLater(raw string) []string {
	var fields []string // want `SL003: declare it just before the loop as fields := make\(\[\]string, 0, len\(parts\)\), since parts is declared after fields`
	parts := strings.Split(raw, ",")
	for _, p := range parts {
		fields = append(fields, strings.TrimSpace(p))
	}
	return fields
}

// Declared before: the make stays where it is.
func declaredBefore(raw string) []string {
	parts := strings.Split(raw, ",")
	var fields []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(parts\)\)$`
	for _, p := range parts {
		fields = append(fields, p)
	}
	return fields
}

// A conversion is as pure as its operand: the bound stays put.
func converted(n int32) []int {
	var out []int // want `SL003: make\(\[\]int, 0, int\(n\)-1\)`
	for i := 1; i < int(n); i++ {
		out = append(out, i)
	}
	return out
}

func convertedWide(x uint32) []uint64 {
	var out []uint64 // want `SL003: make\(\[\]uint64, 0, uint64\(x\)\)`
	for i := uint64(0); i < uint64(x); i++ {
		out = append(out, i)
	}
	return out
}

// A call that is not a conversion may change between iterations.
func notConversion(p *Page) []string {
	var out []string
	for i := 0; i < count(p); i++ {
		out = append(out, "x")
	}
	return out
}

func count(p *Page) int { return len(p.Lines) }

// Appends after the loop at the same level add to the capacity.
func withTrailer(lines []string, extra []string) []string {
	var out []string // want `SL003: make\(\[\]string, 0, len\(lines\)\+len\(extra\)\+2\) \(the appends before and after the loop included\)`
	out = append(out, "header")
	for _, l := range lines {
		out = append(out, l)
	}
	out = append(out, "footer")
	out = append(out, extra...)
	return out
}

func withUnknownTrailer(lines []string) []string {
	var out []string // want `SL003: make\(\[\]string, 0, len\(lines\)\) \(plus what the appends of load\(\) outside the loop add\)`
	for _, l := range lines {
		out = append(out, l)
	}
	out = append(out, load()...)
	return out
}

// The placeholder for a ranged call's result is a name the function does not use.
func placeholder(items []string, list []string) []string {
	var out []string // want `SL003: make\(\[\]string, 0, len\(all\)\) after storing load\(\) in a variable all`
	for _, s := range load() {
		out = append(out, s)
	}
	_ = items
	_ = list
	return out
}

type registry struct {
	mu    sync.Mutex
	names map[string]bool
}

// The length read at the declaration would be read before the lock is taken.
func (r *registry) sorted() []string {
	var out []string // want `SL003: declare it just before the loop as out := make\(\[\]string, 0, len\(r.names\)\), since the calls between the declaration and the loop may change len\(r.names\)`
	r.mu.Lock()
	defer r.mu.Unlock()
	for name := range r.names {
		out = append(out, name)
	}
	return out
}

// Making another value in between changes nothing the capacity reads.
func makeBetween(keys []string) []string {
	var out []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(keys\)\)$`
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		seen[k] = true
		out = append(out, k)
	}
	return out
}

func header() string { return "h" }

// A call inside an append before the loop does not move the make below that append.
func headerFirst(rows []string) []string {
	var out []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(rows\)\+1\) \(the appends before and after the loop included\)$`
	out = append(out, header())
	for _, r := range rows {
		out = append(out, r)
	}
	return out
}

// The make would have to follow the lock but precede the first append: no fix to paste, no finding.
func (r *registry) withHeader() []string {
	var out []string
	out = append(out, "names:")
	r.mu.Lock()
	defer r.mu.Unlock()
	for name := range r.names {
		out = append(out, name)
	}
	return out
}

// The set is filled between the declaration and the loop: the message names the write.
func filledBetween(groups [][]string) []string {
	seen := make(map[string]struct{})
	var keys []string // want `SL003: declare it just before the loop as keys := make\(\[\]string, 0, len\(seen\)\), since seen is written between the declaration and the loop$`
	for _, g := range groups {
		for _, k := range g {
			seen[k] = struct{}{}
		}
	}
	for k := range seen {
		keys = append(keys, k)
	}
	return keys
}

// A write to another variable keeps the general reason.
func otherWritten(groups [][]string, seen map[string]bool) []string {
	var keys []string // want `SL003: declare it just before the loop as keys := make\(\[\]string, 0, len\(seen\)\), since the calls between the declaration and the loop may change len\(seen\)$`
	count := 0
	for range groups {
		count++
	}
	load()
	for k := range seen {
		keys = append(keys, k)
	}
	return keys
}

type level int

// Sorting and copying take the slice by value: its length is the same at the declaration.
func sortedByValue(all []level) []string {
	var (
		levels = make([]level, len(all))
		names  []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(levels\)\)$`
	)
	copy(levels, all)
	sort.Slice(levels, func(i, j int) bool { return levels[i] > levels[j] })
	for _, l := range levels {
		names = append(names, strconv.Itoa(int(l)))
	}
	return names
}

type levels []level

func (l *levels) add(v level) { *l = append(*l, v) }

// Through its address, or a pointer method, a call may grow it.
func grownThroughAddress(all []level) []string {
	var more levels = all
	var names []string // want `SL003: declare it just before the loop as names := make\(\[\]string, 0, len\(more\)\), since the calls`
	more.add(1)
	for _, l := range more {
		names = append(names, strconv.Itoa(int(l)))
	}
	return names
}

func extend(p *[]level) { *p = append(*p, 0) }

func grownThroughPointer(all []level) []string {
	pending := all
	var names []string // want `SL003: declare it just before the loop as names := make\(\[\]string, 0, len\(pending\)\), since the calls`
	extend(&pending)
	for _, l := range pending {
		names = append(names, strconv.Itoa(int(l)))
	}
	return names
}
