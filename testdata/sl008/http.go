package fetch

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/ioutil"
	"log"
	"net/http"
	"os"
)

// A JSON array: decoding it element by element holds one element, not the whole body.
type Catalog []string

func loadCatalog(resp *http.Response) (*Catalog, error) {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var c Catalog
	if err := json.Unmarshal(body, &c); err != nil { // want "SL008: body holds the whole body read by io.ReadAll .*one element at a time: dec := json.NewDecoder\\(resp.Body\\)"
		return nil, err
	}
	return &c, nil
}

func legacy(r io.Reader) (Catalog, error) {
	var c Catalog
	data, err := ioutil.ReadAll(r)
	if err != nil {
		return c, fmt.Errorf("read catalog: %w", err)
	}
	err = json.Unmarshal(data, &c) // want "SL008: ioutil.ReadAll"
	return c, err
}

func ignoredError(r io.Reader, c *Catalog) {
	b, _ := io.ReadAll(r)
	_ = json.Unmarshal(b, c) // want "SL008"
}

func varForm(r io.Reader, c *Catalog) error {
	var b, err = io.ReadAll(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, c) // want "SL008"
}

func declaredFirst(r io.Reader, c *Catalog) error {
	var b []byte
	var err error
	b, err = io.ReadAll(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, c) // want "SL008"
}

func inClosure(r io.Reader) func(*Catalog) error {
	return func(c *Catalog) error {
		raw, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		return json.Unmarshal(raw, c) // want "SL008"
	}
}

func literalSlice(r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	entries := make([]Entry, 0, 16)
	err = json.Unmarshal(data, &entries) // want "SL008"
	return entries, err
}

func pointerToSlice(r io.Reader) *[]Entry {
	data, _ := io.ReadAll(r)
	entries := &[]Entry{}
	_ = json.Unmarshal(data, entries) // want "SL008"
	return entries
}

type Entry struct{ Name string }

// Not flagged: one JSON object. json.NewDecoder(r).Decode buffers the whole value before
// decoding it, growing its buffer as ReadAll does (measured: more allocated, a higher peak),
// so reading from the reader saves nothing.
func object(r io.Reader) (*Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var e Entry
	err = json.Unmarshal(data, &e)
	return &e, err
}

func objectPointer(r io.Reader, e *Entry, m *map[string]Entry) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, e)
}

// Not flagged: the bytes have another use.
func hashed(r io.Reader, c *Catalog) ([32]byte, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return [32]byte{}, err
	}
	if err := json.Unmarshal(b, c); err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(b), nil
}

func logged(r io.Reader, c *Catalog) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, c); err != nil {
		log.Printf("bad catalog %q: %v", b, err)
		return err
	}
	return nil
}

func decodedTwice(r io.Reader, c *Catalog, raw *map[string]any) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, c); err != nil {
		return err
	}
	return json.Unmarshal(b, raw)
}

func returned(r io.Reader, c *Catalog) ([]byte, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return b, json.Unmarshal(b, c)
}

type cache struct{ last []byte }

func stored(r io.Reader, c *Catalog, k *cache) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	k.last = b
	return json.Unmarshal(b, c)
}

func intoField(r io.Reader, c *Catalog, k *cache) error {
	var err error
	k.last, err = io.ReadAll(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(k.last, c)
}

func namedResult(r io.Reader, c *Catalog) (b []byte, err error) {
	b, err = io.ReadAll(r)
	if err != nil {
		return
	}
	err = json.Unmarshal(b, c)
	return
}

func lengthChecked(r io.Reader, c *Catalog) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if len(b) == 0 {
		return nil
	}
	return json.Unmarshal(b, c)
}

// Not flagged: os.ReadFile sizes its buffer from the file and allocates once.
func fromFile(path string, c *Catalog) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, c)
}

// Not flagged: the bytes are not decoded by a json or yaml Unmarshal.
func otherUse(r io.Reader) (int, error) {
	b, err := io.ReadAll(r)
	return len(b), err
}

func nothingKept(r io.Reader) error {
	_, err := io.ReadAll(r)
	return err
}

// Not flagged: in a loop, the earlier use runs after the read of the previous iteration.
func inLoop(readers []io.Reader, c *Catalog) error {
	var b []byte
	var err error
	for _, r := range readers {
		if len(b) > 0 {
			log.Printf("previous: %s", b)
		}
		b, err = io.ReadAll(r)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, c); err != nil {
			return err
		}
	}
	return nil
}
