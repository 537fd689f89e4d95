// A closure a function returns runs where the result is called, not where it is made: a
// table of filters built while the package initializes runs none of them.
package main

import (
	"encoding/json"
	"io"
	"strings"
	"sync"
)

type filter func(value string) map[string]any

func fullText(table string) filter {
	return func(value string) map[string]any { return search(table, value) }
}

func exact(table string) filter {
	return func(value string) map[string]any { return lookup(table, value) }
}

func prefixed(table string) filter {
	return func(value string) map[string]any { return scan(table, value) }
}

var filters = map[string]filter{"name": fullText("album")}

var lazyFilters = sync.OnceValue(func() map[string]filter {
	return map[string]filter{"title": fullText("track")}
})

func main() {
	_ = exact("artist")("x")   // called in place: runs now
	byPrefix := prefixed("genre") // held by a local, then called: runs now
	_ = byPrefix("rock")
}

func search(table, value string) map[string]any {
	data, _ := io.ReadAll(strings.NewReader(table + value))
	var v []any
	_ = json.Unmarshal(data, &v)
	return v
}

func lookup(table, value string) map[string]any {
	data, _ := io.ReadAll(strings.NewReader(table + value))
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
	return v
}

func scan(table, value string) map[string]any {
	data, _ := io.ReadAll(strings.NewReader(table + value))
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
	return v
}
