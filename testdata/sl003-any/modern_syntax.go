package report

import "iter"

// Syntax of Go 1.23-1.27 parses: findings sit in the same functions as the syntax.

type Rows[T any] = []T // a generic type alias (Go 1.24)

func count(rows []string) *int { return new(len(rows)) } // new(expr) (Go 1.26)

func Titles(rows []string) []string {
	first := new(rows[0])
	_ = first
	var titles []string // want "SL003: make\\(\\[\\]string, 0, len\\(rows\\)\\)"
	for _, r := range rows {
		titles = append(titles, r)
	}
	return titles
}

func Squares(n int) []int {
	var out []int // want "SL003: make\\(\\[\\]int, 0, n\\)"
	for i := range n { // range over an integer (Go 1.22)
		out = append(out, i*i)
	}
	return out
}

func Collect(seq iter.Seq[string]) []string {
	var out []string // an iterator's length is unknown: not flagged
	for s := range seq {
		out = append(out, s)
	}
	return out
}

func Pairs(seq iter.Seq2[string, int]) []string {
	var keys []string // a range over a function: not flagged
	for k := range seq {
		keys = append(keys, k)
	}
	return keys
}
