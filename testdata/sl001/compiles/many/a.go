package many

import (
	"regexp"
	"text/template"
)

// Twenty-one compilations over two files: one finding, at the first, with the rest related.
var (
	pattern0 = regexp.MustCompile(`^[a-z]+$`) // want "SL001: package many compiles 18 regular expressions and 3 templates while it initializes.*regexp.MustCompile here.*min-compiles is 20"
	pattern1 = regexp.MustCompile(`^v(\d+)\.(\d+)$`)
	pattern2 = regexp.MustCompile(`\s+`)
	pattern3 = regexp.MustCompile(`[^a-z0-9]+`)
	pattern4 = regexp.MustCompile(`^#+\s+(.*)$`)
	pattern5 = regexp.MustCompile(`<[^>]+>`)
	pattern6 = regexp.MustCompile(`^refs/heads/(.+)$`)
	pattern7 = regexp.MustCompile(`(?i)bearer\s+(\S+)`)
	pattern8 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	pattern9 = regexp.MustCompile(`\$\{(\w+)\}`)
)

var page = template.Must(template.New("page").Parse("<p>{{.}}</p>"))

// Not initialization: compiled when called.
func lazy() *regexp.Regexp { return regexp.MustCompile(`x`) }
