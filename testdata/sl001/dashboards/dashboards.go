// Built-in dashboards decoded in init, from a table this package leaves empty: the loop never
// runs, so nothing is decoded while the package initializes.
package dashboards

import "encoding/json"

type entry struct {
	name string
	body string
}

type Dashboard struct {
	Name string
	Body map[string]any
}

var ByID = map[int32]*Dashboard{}

var builtin = map[int32]entry{}

func init() {
	for id, data := range builtin {
		d := &Dashboard{Name: data.name}
		if err := json.Unmarshal([]byte(data.body), &d.Body); err != nil {
			continue
		}
		ByID[id] = d
	}
}

// An array's literal has its length's entries however few it spells.
var pinned = [2]entry{}

func init() {
	for i, data := range pinned {
		d := &Dashboard{Name: data.name}
		if err := json.Unmarshal([]byte(data.body), &d.Body); err == nil { // want "SL001: json.Unmarshal in func init decodes data"
			ByID[int32(i)] = d
		}
	}
}
