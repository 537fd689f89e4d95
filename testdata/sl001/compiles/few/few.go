package few

import "regexp"

// Nineteen compilations: below min-compiles, nothing to report.
var (
	p0 = regexp.MustCompile(`^[a-z]+$0`)
	p1 = regexp.MustCompile(`^v(\d+)\.(\d+)$1`)
	p2 = regexp.MustCompile(`\s+2`)
	p3 = regexp.MustCompile(`[^a-z0-9]+3`)
	p4 = regexp.MustCompile(`^#+\s+(.*)$4`)
	p5 = regexp.MustCompile(`<[^>]+>5`)
	p6 = regexp.MustCompile(`^refs/heads/(.+)$6`)
	p7 = regexp.MustCompile(`(?i)bearer\s+(\S+)7`)
	p8 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$8`)
	p9 = regexp.MustCompile(`\$\{(\w+)\}9`)
	p10 = regexp.MustCompile(`^[a-z]+$10`)
	p11 = regexp.MustCompile(`^v(\d+)\.(\d+)$11`)
	p12 = regexp.MustCompile(`\s+12`)
	p13 = regexp.MustCompile(`[^a-z0-9]+13`)
	p14 = regexp.MustCompile(`^#+\s+(.*)$14`)
	p15 = regexp.MustCompile(`<[^>]+>15`)
	p16 = regexp.MustCompile(`^refs/heads/(.+)$16`)
	p17 = regexp.MustCompile(`(?i)bearer\s+(\S+)17`)
	p18 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$18`)
)
