package few

import (
	"html/template"
	"regexp"
)

// Eighteen places that compile (a loop body counts once): below min-compiles, nothing to report.
var (
	semver, word = regexp.MustCompile(`^v(\d+)\.(\d+)\.(\d+)$`), regexp.MustCompile(`\w+`)
	blank        = regexp.MustCompile(`^\s*$`)
	page         = template.Must(template.New("page").Parse(`<h1>{{.Title}}</h1>`))
	tags         = []*regexp.Regexp{regexp.MustCompile(`<[^>]+>`), regexp.MustCompile(`&[a-z]+;`),
		regexp.MustCompile(`(?i)<script`), regexp.MustCompile(`(?s)<!--.*?-->`)}
)

var branch, _ = regexp.Compile(`^refs/heads/(.+)$`)

func init() {
	for _, p := range []string{`^[a-f0-9]{40}$`, `^[a-f0-9]{7}$`} {
		_ = regexp.MustCompile(p)
	}
	_ = regexp.MustCompilePOSIX(`[[:upper:]]+`)
	_, _ = regexp.Compile(`\$\{(\w+)\}`)
	list := template.Must(template.New("list").Parse(`{{range .}}<li>{{.}}</li>{{end}}`))
	_ = list
	_ = []*regexp.Regexp{regexp.MustCompile(`^#`), regexp.MustCompile(`^//`), regexp.MustCompile(`;$`)}
	_ = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	_ = regexp.MustCompile(`(?m)^\s+`)
}
