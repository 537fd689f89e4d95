// Verifies one block and exits: the archive's `s.Start()` runs a Segment's Start, not the
// serving node's Start of the same name (the node, imported for its port, has no Count).
package main

import (
	"os"

	"example.com/serving/archive"
	"example.com/serving/node"
)

func main() {
	blocks := configured(os.Args)
	if !archive.Covers(archive.Open(node.Port), uint64(len(blocks))) {
		os.Exit(1)
	}
}

func configured(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
