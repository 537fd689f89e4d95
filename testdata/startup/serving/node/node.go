// A node of the module that serves, and uses the archive: its Start is a namesake of
// Segment.Start, but a Node has no Count, so it is never a Segment; it is an archive.Task,
// in the programs that import this package.
package node

import (
	"net"
	"net/http"

	"example.com/serving/archive"
)

// Port is the node's default port.
const Port = 30303

type Node struct{ history archive.Segment }

func (n *Node) Start() error {
	listener, err := net.Listen("tcp", ":30303")
	if err != nil {
		return err
	}
	return http.Serve(listener, nil)
}
