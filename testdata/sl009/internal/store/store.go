// Package store brings the heavy dependency in: the import chain main -> store -> tables.
package store

import "example.com/heavydep/tables"

func Rows() int { return len(tables.Table) }
