package client

import (
	"encoding/json"
	"io"
	"net/http"
)

type Reply struct{ Host *string }

func defaults() Reply { return Reply{Host: new("localhost")} } // Go 1.26 new(expr), unparsed by tree-sitter-go 0.25

func fetch(resp *http.Response) (Reply, error) {
	var reply Reply
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return reply, err
	}
	err = json.Unmarshal(data, &reply) // want "SL008"
	return reply, err
}
