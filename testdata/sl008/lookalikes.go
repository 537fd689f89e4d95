package fetch

import (
	"encoding/json"

	io "example.com/fakeio"
)

// Not flagged: this io is another package.
func fake(r io.Source, c *Catalog) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, c)
}
