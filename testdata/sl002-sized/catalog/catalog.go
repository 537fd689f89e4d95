package catalog

import (
	"embed"
	"encoding/json"
	"io/fs"
	"os"
	"sync"
)

// The threshold here is 8 KB (.startup-lint.toml): data/prices.json (10 KB), rates.json
// (11 KB) and docs (two files, 14 KB) are large enough; data/regions.json (2 KB) is not.

//go:embed data
var data embed.FS

//go:embed docs
var docs embed.FS

//go:embed data/prices.json
var pricesJSON []byte

//go:embed data/regions.json
var regionsJSON string

//go:embed data/prices.json
var pricesText string

type Price struct {
	SKU   string
	Price int
}

var (
	pricesOnce, regionsOnce, decodedOnce, smallDecodedOnce, pageOnce, listOnce sync.Once
	ratesOnce, fileOnce, headersOnce, twiceOnce, lostOnce, convertedOnce       sync.Once

	prices, regions, decoded, smallDecoded, rates, twice, converted []Price
	page, file                                                      []byte
	listed, headers                                                 []string
	lost                                                            map[string]int
)

// Configured values, written by people: short.
var Headers []string

func Prices() []Price {
	pricesOnce.Do(func() { // want "SL002: pricesOnce.Do sets package-level prices .*reads input and decodes data then \\(data.ReadFile, json.Unmarshal; 10 KB: data/prices.json in data\\)"
		raw, _ := data.ReadFile("data/prices.json")
		_ = json.Unmarshal(raw, &prices)
	})
	return prices
}

// 2 KB decoded at first use: microseconds, not reported.
func Regions() []Price {
	regionsOnce.Do(func() {
		raw, _ := fs.ReadFile(data, "data/regions.json")
		_ = json.Unmarshal(raw, &regions)
	})
	return regions
}

// The same file through fs.ReadFile, read twice: counted once.
func Twice() []Price {
	twiceOnce.Do(func() { // want "SL002: twiceOnce.Do .*; 10 KB: data/prices.json in data\\)"
		raw, _ := fs.ReadFile(data, "data/prices.json")
		again, _ := fs.ReadFile(data, "data/prices.json")
		_ = json.Unmarshal(append(raw, again...), &twice)
	})
	return twice
}

// An embedded []byte decoded: as large as its file.
func Decoded() []Price {
	decodedOnce.Do(func() { // want "SL002: decodedOnce.Do .*decodes data then \\(json.Unmarshal; 10 KB: data/prices.json in pricesJSON\\)"
		_ = json.Unmarshal(pricesJSON, &decoded)
	})
	return decoded
}

// Converted to bytes first: the same data.
func Converted() []Price {
	convertedOnce.Do(func() { // want "SL002: convertedOnce.Do .*; 10 KB: data/prices.json in pricesText\\)"
		_ = json.Unmarshal([]byte(pricesText), &converted)
	})
	return converted
}

func SmallDecoded() []Price {
	smallDecodedOnce.Do(func() {
		_ = json.Unmarshal([]byte(regionsJSON), &smallDecoded)
	})
	return smallDecoded
}

// A page named at run time: any of the embedded docs, all of them counted.
func Page(name string) []byte {
	pageOnce.Do(func() { // want "SL002: pageOnce.Do .*reads input then \\(docs.ReadFile; 14 KB: 2 files embedded in docs\\)"
		page, _ = docs.ReadFile(name)
	})
	return page
}

// Listing the embedded docs reads no file's data.
func List() []string {
	listOnce.Do(func() {
		_ = fs.WalkDir(docs, ".", func(path string, _ fs.DirEntry, _ error) error {
			listed = append(listed, path)
			return nil
		})
	})
	return listed
}

// A file of the tree, by its relative path.
func Rates() []Price {
	ratesOnce.Do(func() { // want "SL002: ratesOnce.Do .*\\(os.ReadFile, json.Unmarshal; 11 KB: rates.json\\)"
		raw, _ := os.ReadFile("rates.json")
		_ = json.Unmarshal(raw, &rates)
	})
	return rates
}

// A file named at run time: its size is unknown, and left out.
func File(path string) []byte {
	fileOnce.Do(func() { file, _ = os.ReadFile(path) })
	return file
}

// A loop over configured values (flagr's header sets): short, not reported.
func HeaderSet() []string {
	headersOnce.Do(func() {
		headers = make([]string, 0, len(Headers))
		for _, h := range Headers {
			headers = append(headers, h)
		}
	})
	return headers
}

// Losing the caller's error is reported whatever the data weighs.
func Lost() (map[string]int, error) {
	var err error
	lostOnce.Do(func() { // want "SL002: lostOnce.Do sets package-level lost .*only the first call sees the error"
		raw, readErr := data.ReadFile("data/regions.json")
		if readErr != nil {
			err = readErr
			return
		}
		err = json.Unmarshal(raw, &lost)
	})
	return lost, err
}
