package fetch

import (
	"io"

	"example.com/json"
)

// Not flagged: json here is not encoding/json.
func notEncodingJSON(r io.Reader, c *Catalog) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, c)
}

// Not flagged: the parameter named io hides the io package.
func localIO(io fakeReader, c *Catalog) error {
	b, err := io.ReadAll()
	if err != nil {
		return err
	}
	return json.Unmarshal(b, c)
}

type fakeReader interface{ ReadAll() ([]byte, error) }
