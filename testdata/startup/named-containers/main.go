// Methods of the elements of named containers: an element taken out of a named map or slice
// (`ds, ok := m[k]`, a range value) has the element type's methods, not the container's.
package main

type Devices map[string]int

func (d Devices) IDs() []string {
	var ids []string // want "SL003"
	for k := range d {
		ids = append(ids, k)
	}
	return ids
}

// Count of one element: reached only through Size, never at startup.
func (d Devices) Count() []string {
	var counted []string
	for k := range d {
		counted = append(counted, k)
	}
	return counted
}

type DeviceMap map[string]Devices

// Count of the container itself: its own method, not its elements'.
func (m DeviceMap) Count() int { return len(m) }

func (m DeviceMap) ids(name string) []string {
	ds, ok := m[name]
	if !ok {
		return nil
	}
	return ds.IDs()
}

type Resources []Devices

func (r Resources) Size() int { return len(r) }

func (r Resources) labels() {
	for _, ds := range r {
		_ = ds.IDs()
	}
}

func main() {
	m := DeviceMap{}
	m.ids("gpu")
	_ = m.Count()
	r := Resources{}
	r.labels()
	_ = r.Size()
}
