// Peak heap and total allocation of decoding a body the ways SL008 weighs: ReadAll then
// Unmarshal, a decoder reading from the reader, and for a JSON array, element by element
// with Token/More; JSON (encoding/json) and YAML (gopkg.in/yaml.v3).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"gopkg.in/yaml.v3"
)

type Item struct {
	ID   int               `json:"id" yaml:"id"`
	Name string            `json:"name" yaml:"name"`
	Tags []string          `json:"tags" yaml:"tags"`
	Meta map[string]string `json:"meta" yaml:"meta"`
}

var peak uint64

func sample(stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak {
			peak = m.HeapInuse
		}
		time.Sleep(200 * time.Microsecond)
	}
}

func measure(name, path string, f func(io.Reader) int) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak = before.HeapInuse
	stop := make(chan struct{})
	go sample(stop)
	file, _ := os.Open(path)
	n := f(file)
	file.Close()
	close(stop)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("%-34s items=%d total-alloc=%6.1f MiB peak-heap-over-start=%6.1f MiB\n", name, n,
		float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), float64(peak-before.HeapInuse)/(1<<20))
}

func main() {
	debug.SetGCPercent(100)
	var buf bytes.Buffer
	buf.WriteString("[")
	for i := 0; i < 60000; i++ {
		if i > 0 {
			buf.WriteString(",")
		}
		fmt.Fprintf(&buf, `{"id":%d,"name":"item-%d-%0120d","tags":["a","b","c"],"meta":{"k":"v%d"}}`, i, i, i, i)
	}
	buf.WriteString("]")
	os.WriteFile("/tmp/sl008-array.json", buf.Bytes(), 0o644)
	obj := bytes.Replace(buf.Bytes(), []byte("["), []byte(`{"items":[`), 1)
	obj = append(obj[:len(obj)], '}')
	os.WriteFile("/tmp/sl008-object.json", obj, 0o644)
	fmt.Printf("array %.1f MiB, object %.1f MiB\n", float64(buf.Len())/(1<<20), float64(len(obj))/(1<<20))

	measure("array: ReadAll+Unmarshal", "/tmp/sl008-array.json", func(r io.Reader) int {
		data, _ := io.ReadAll(r)
		var items []Item
		json.Unmarshal(data, &items)
		return len(items)
	})
	measure("array: NewDecoder.Decode", "/tmp/sl008-array.json", func(r io.Reader) int {
		var items []Item
		json.NewDecoder(r).Decode(&items)
		return len(items)
	})
	measure("array: Token/More element-wise", "/tmp/sl008-array.json", func(r io.Reader) int {
		d := json.NewDecoder(r)
		d.Token()
		var items []Item
		for d.More() {
			var it Item
			d.Decode(&it)
			items = append(items, it)
		}
		return len(items)
	})
	measure("object: ReadAll+Unmarshal", "/tmp/sl008-object.json", func(r io.Reader) int {
		data, _ := io.ReadAll(r)
		var v struct{ Items []Item }
		json.Unmarshal(data, &v)
		return len(v.Items)
	})
	measure("object: NewDecoder.Decode", "/tmp/sl008-object.json", func(r io.Reader) int {
		var v struct{ Items []Item }
		json.NewDecoder(r).Decode(&v)
		return len(v.Items)
	})
	var doc bytes.Buffer
	doc.WriteString("items:\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&doc, "- id: %d\n  name: item-%d-%0120d\n  tags: [a, b, c]\n  meta: {k: v%d}\n", i, i, i, i)
	}
	os.WriteFile("/tmp/sl008.yaml", doc.Bytes(), 0o644)
	fmt.Printf("yaml %.1f MiB\n", float64(doc.Len())/(1<<20))
	measure("yaml: ReadAll+Unmarshal", "/tmp/sl008.yaml", func(r io.Reader) int {
		data, _ := io.ReadAll(r)
		var v struct{ Items []Item }
		yaml.Unmarshal(data, &v)
		return len(v.Items)
	})
	measure("yaml: NewDecoder.Decode", "/tmp/sl008.yaml", func(r io.Reader) int {
		var v struct{ Items []Item }
		yaml.NewDecoder(r).Decode(&v)
		return len(v.Items)
	})
}
