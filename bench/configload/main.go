// What a viper config load costs on the heap, by file size and format: the bytes it
// allocates (garbage the collector must catch up with at startup) and what stays live
// in viper afterwards. SL004's size threshold comes from these numbers.
//
//	go run . [sizes in KiB...]
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"

	"github.com/spf13/viper"
)

// config builds a nested document of about kib KiB: services, each with a few scalar
// settings, a list and a map, the shape of a real service's config.
func config(kib int) map[string]any {
	services := map[string]any{}
	for i := 0; len(services)*250 < kib*1024; i++ {
		services["service"+strconv.Itoa(i)] = map[string]any{
			"host":    "backend-" + strconv.Itoa(i) + ".example.internal",
			"port":    8000 + i%1000,
			"timeout": "30s",
			"retries": 3,
			"tags":    []any{"alpha", "beta", "gamma"},
			"labels":  map[string]any{"team": "core", "tier": "backend"},
		}
	}
	return map[string]any{"server": map[string]any{"addr": ":8080"}, "services": services}
}

func write(dir, format string, doc map[string]any) string {
	// viper writes each format the way it reads it back.
	v := viper.New()
	for key, value := range doc {
		v.Set(key, value)
	}
	path := filepath.Join(dir, "config."+format)
	if err := v.WriteConfigAs(path); err != nil {
		panic(err)
	}
	return path
}

func load(path string) (allocated, live uint64) {
	runtime.GC()
	var before, after, settled runtime.MemStats
	runtime.ReadMemStats(&before)
	v := viper.New()
	v.SetConfigFile(path)
	if err := v.ReadInConfig(); err != nil {
		panic(err)
	}
	runtime.ReadMemStats(&after)
	runtime.GC()
	runtime.ReadMemStats(&settled)
	runtime.KeepAlive(v)
	return after.TotalAlloc - before.TotalAlloc, settled.HeapAlloc - before.HeapAlloc
}

func main() {
	debug.SetGCPercent(-1) // count every allocation of the load, none freed mid-way
	sizes := []int{1, 10, 100, 1024, 10240}
	if len(os.Args) > 1 {
		sizes = nil
		for _, a := range os.Args[1:] {
			n, _ := strconv.Atoi(a)
			sizes = append(sizes, n)
		}
	}
	dir, _ := os.MkdirTemp("", "configload")
	defer os.RemoveAll(dir)
	fmt.Printf("%-6s %10s %14s %10s %8s\n", "format", "file", "allocated", "live", "ratio")
	for _, format := range []string{"yaml", "json", "toml"} {
		for _, kib := range sizes {
			path := write(dir, format, config(kib))
			info, _ := os.Stat(path)
			allocated, live := load(path)
			fmt.Printf("%-6s %8.1fKiB %12.1fKiB %8.1fKiB %7.1fx\n", format,
				float64(info.Size())/1024, float64(allocated)/1024, float64(live)/1024,
				float64(allocated)/float64(info.Size()))
		}
	}
}
