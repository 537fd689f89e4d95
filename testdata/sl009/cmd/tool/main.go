package main

import (
	"fmt"

	"example.com/heavydep/tables"
)

// A second program linking the same heavy dependency: still one finding at its require line.
func main() { fmt.Println(len(tables.Table)) }
