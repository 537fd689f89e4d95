package many

import (
	"regexp"
	"text/template"
)

var more []*regexp.Regexp

func init() {
	more = append(more, regexp.MustCompile(`^[a-z]+$x`))
	more = append(more, regexp.MustCompile(`^v(\d+)\.(\d+)$x`))
	more = append(more, regexp.MustCompile(`\s+x`))
	more = append(more, regexp.MustCompile(`[^a-z0-9]+x`))
	more = append(more, regexp.MustCompile(`^#+\s+(.*)$x`))
	more = append(more, regexp.MustCompile(`<[^>]+>x`))
	more = append(more, regexp.MustCompile(`^refs/heads/(.+)$x`))
	more = append(more, regexp.MustCompile(`(?i)bearer\s+(\S+)x`))
	_ = template.Must(template.New("a").Parse("{{.A}}"))
	_, _ = template.New("b").Parse("{{.B}}")
}
