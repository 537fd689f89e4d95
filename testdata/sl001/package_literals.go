package literals

import "slices"

type column struct{ name, kind string }

// Three tables of a few columns each: 3 × 4 iterations at most.
var tables = map[string][]column{
	"track":  {{"id", "text"}, {"title", "text"}, {"size", "int"}},
	"album":  {{"id", "text"}, {"name", "text"}},
	"artist": {{"id", "text"}, {"name", "text"}, {"mbid", "text"}, {"sort", "text"}},
}

var statements []string

func init() {
	for table, columns := range tables {
		for _, c := range columns {
			if c.kind == "text" {
				statements = append(statements, "CREATE INDEX "+table+"_"+c.name)
			}
		}
	}
	_ = len(tables)
	_ = tables["album"][0].name
}

var codes = []string{"a", "b", "c"}

var upper []string

func init() {
	for _, c := range codes {
		for _, d := range []string{"x", "y"} {
			upper = append(upper, c+d)
		}
	}
}

// A slice handed to a function keeps its length (the callee gets a copy of its header).
var kinds = []int{1, 2, 3}

var kindNames []string

func known(k int) bool { return slices.Contains(kinds, k) }

func init() {
	for _, k := range kinds {
		kindNames = append(kindNames, string(rune('a'+k)))
	}
}

// A literal the file also writes to (here appended to, in another init) may hold more
// entries than it spells when the loop runs.
var extensions = []string{".go", ".mod"}

var patterns []string

func init() {
	extensions = append(extensions, ".sum")
}

func init() {
	for _, e := range extensions {
		patterns = append(patterns, "*"+e) // its length is no longer the literal's: unknown, not reported
	}
}

// A map filled elsewhere, or handed to a function that may fill it, likewise.
var handlers = map[string]int{"get": 1}

var routes = map[string]int{"get": 1}

var names []string

func init() {
	handlers["post"] = 2
	register(routes)
	for name := range handlers {
		names = append(names, name) // unknown, not reported
	}
	for name := range routes {
		names = append(names, name) // unknown, not reported
	}
}

func register(m map[string]int) {}

// A large literal is counted too: two rows of 200 entries, 400 in all, above min-literal-elements.
var wide = [][]int{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199},
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199},
}

var flat []int

func init() {
	for _, row := range wide {
		for _, v := range row {
			flat = append(flat, v) // want `SL001: append inside a loop in func init \(flat, 400 iterations\)`
		}
	}
}
