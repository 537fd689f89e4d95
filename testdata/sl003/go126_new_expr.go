package report

func count(rows []string) *int { return new(len(rows)) } // Go 1.26 new(expr), which tree-sitter-go 0.25 cannot parse

func Titles(rows []string) []string {
	var titles []string // want "SL003: make\\(\\[\\]string, 0, len\\(rows\\)\\)"
	for _, r := range rows {
		titles = append(titles, r)
	}
	return titles
}
