// Package runner makes the functions a server runs.
package runner

import (
	"encoding/json"
	"io"
	"strings"
)

func From(text string) func(string) error {
	return func(name string) error {
		data, _ := io.ReadAll(strings.NewReader(text + name))
		var v []any
		return json.Unmarshal(data, &v) // want "SL008"
	}
}

func Dropped(name string) error {
	data, _ := io.ReadAll(strings.NewReader(name))
	var v []any
	return json.Unmarshal(data, &v)
}

func DroppedBySilence(name string) error {
	data, _ := io.ReadAll(strings.NewReader(name))
	var v []any
	return json.Unmarshal(data, &v)
}

func DroppedByReceive(name string) error {
	data, _ := io.ReadAll(strings.NewReader(name))
	var v []any
	return json.Unmarshal(data, &v)
}
