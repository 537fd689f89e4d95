package plugins

import (
	"encoding/json"
	"io"
	"os"

	"example.com/slots/hooks"
)

// Registering keeps each function for later: none runs here.
func init() {
	hooks.Register("decode", decodeRegistered)
	hooks.Queue(decodeQueued)
	hooks.Later(decodeLater)
	hooks.Keep(decodeKept)
}

func decodeRegistered() error {
	data, _ := io.ReadAll(os.Stdin)
	var v map[string]any
	return json.Unmarshal(data, &v) // want "SL008"
}

func decodeQueued() error {
	data, _ := io.ReadAll(os.Stdin)
	var v map[string]any
	return json.Unmarshal(data, &v)
}

func decodeLater() error {
	data, _ := io.ReadAll(os.Stdin)
	var v map[string]any
	return json.Unmarshal(data, &v)
}

func decodeKept() error {
	data, _ := io.ReadAll(os.Stdin)
	var v map[string]any
	return json.Unmarshal(data, &v)
}
