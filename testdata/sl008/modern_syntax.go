package client

import (
	"encoding/json"
	"io"
	"net/http"
)

// Syntax of Go 1.23-1.27 parses: findings sit in the same functions as the syntax.

type Reply struct{ Host *string }

type Replies[T any] = map[string]T // a generic type alias (Go 1.24)

func defaults() Reply { return Reply{Host: new("localhost")} } // new(expr) (Go 1.26)

func fetch(resp *http.Response) ([]Reply, error) {
	limit := new(int64(1 << 20))
	var replies []Reply
	data, err := io.ReadAll(io.LimitReader(resp.Body, *limit))
	if err != nil {
		return replies, err
	}
	err = json.Unmarshal(data, &replies) // want "SL008"
	return replies, err
}
