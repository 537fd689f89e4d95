// A library no root of this tree reaches: reported only with scope = "all".
package lib

import (
	"encoding/json"
	"io"
)

func Decode(r io.Reader) (map[string]any, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var v []any
	err = json.Unmarshal(data, &v)
	return v, err
}

func Grow(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
