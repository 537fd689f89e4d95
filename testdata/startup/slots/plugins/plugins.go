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
	// Built by name from main: the plain value, and one converted to the registry's type.
	hooks.RegisterFactory("plain", decodeFactory)
	hooks.RegisterFactory("converted", hooks.Factory(decodeConverted))
}

func decodeRegistered() error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}

func decodeQueued() error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v)
}

func decodeLater() error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v)
}

func decodeKept() error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v)
}

func decodeFactory() error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}

func decodeConverted() error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}
