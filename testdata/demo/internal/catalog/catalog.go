package catalog

import (
	"encoding/json"
	"os"
	"regexp"
	"runtime/debug"
)

type Item struct {
	SKU   string `json:"sku"`
	Price int    `json:"price"`
}

var skuPattern = regexp.MustCompile(`^[A-Z]{3}-\d{6}$`) // one compilation: below min-compiles

// A 1M-entry index allocated before main runs.
var index = make(map[string]int, 1<<20) // want "SL001"

var items []Item

func init() {
	data, err := os.ReadFile("/etc/orders/catalog.json") // want "SL001: os.ReadFile .*1 more in this func init"
	if err != nil {
		return
	}
	_ = json.Unmarshal(data, &items)
}

// Warm builds the lookup index with the collector switched off for speed.
func Warm() {
	debug.SetGCPercent(-1) // want "SL007"
	for i, item := range items {
		if skuPattern.MatchString(item.SKU) {
			index[item.SKU] = i
		}
	}
	_ = SKUs("/etc/orders/prices.json")
}

// SKUs lists the SKUs of a price list read at startup, growing the slice one append at a
// time: the list is as long as the file makes it.
func SKUs(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var listed []Item
	if json.Unmarshal(data, &listed) != nil {
		return nil
	}
	var skus []string // want "SL003"
	for _, item := range listed {
		skus = append(skus, item.SKU)
	}
	return skus
}
