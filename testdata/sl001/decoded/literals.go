package decoded

import (
	"encoding/json"
	"strings"
)

var (
	legacy  map[string]any
	inline  []string
	grown   map[string]any
	refill  []int
	renamed map[string]any
	ranged  map[string]any
	passed  map[string]any
	counted int
)

// JSON written out in the initializer is decoded in microseconds (kubevela keeps a 3 KB
// capability so): not worth moving below min-embedded-bytes.
func init() {
	legacyJSON := `{"name":"container-image","type":"trait","parameters":[{"name":"image"}]}`
	_ = json.Unmarshal([]byte(legacyJSON), &legacy)
	_ = json.Unmarshal([]byte(`["a","b"]`), &inline)
	var alias = "{\"a\": 1}"
	_ = json.Unmarshal([]byte(alias), &renamed)
	// Converted where it is declared (bk-bcs' 3.5 KB default log-cleaning strategy).
	strategy := []byte(`{"fields":[{"field_name":"hostip","field_index":1}]}`)
	_ = json.Unmarshal(strategy, &legacy)
}

// A local written again, or whose address is taken, holds what the code made of it: its
// size is unknown.
func init() {
	doc := `{"a":1}`
	doc = strings.Repeat(doc, 100000)
	_ = json.Unmarshal([]byte(doc), &grown) // want `SL001: json.Unmarshal in func init decodes data while`
}

func init() {
	numbers := "[1]"
	fill(&numbers)
	_ = json.Unmarshal([]byte(numbers), &refill) // want `SL001: json.Unmarshal in func init decodes data while`
}

// The same name declared again (a range variable, a parameter) is another variable, whatever
// the first one holds.
func init() {
	raw := `{"small":1}`
	_ = json.Unmarshal([]byte(raw), &counted)
	for _, raw := range documents() {
		_ = json.Unmarshal([]byte(raw), &ranged) // want `SL001: json.Unmarshal in func init decodes data while`
	}
}

func init() {
	raw := `{"small":1}`
	_ = json.Unmarshal([]byte(raw), &counted)
	func(raw string) {
		_ = json.Unmarshal([]byte(raw), &passed) // want `SL001: json.Unmarshal in func init decodes data while`
	}(strings.Repeat("x", 1<<20))
}

func documents() []string { return []string{strings.Repeat("1", 1<<20)} }

func fill(s *string) { *s = strings.Repeat("9", 1<<20) }
