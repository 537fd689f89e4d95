package work

import (
	"encoding/json"
	"os"
	"sync"
)

var (
	clientOnce sync.Once
	client     map[string]string
	setupOnce  sync.Once
	settings   map[string]string
	lazyOnce   sync.Once
	lazy       map[string]string
)

func newClient(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m map[string]string
	return m, json.Unmarshal(data, &m)
}

// An exported Init is the package's explicit setup call, made by its callers at their own
// startup: nothing is postponed, but a second Init still loses the first one's error.
func Init(path string) error {
	var err error
	clientOnce.Do(func() { client, err = newClient(path) }) // want "SL002: clientOnce.Do sets package-level client in its function the first time Init is called; it also sets err, a variable of Init, .*a second Init returns err == nil"
	return err
}

// An explicit setup call that loses no error: nothing to say.
func SetupSettings(path string) {
	setupOnce.Do(func() { settings, _ = newClient(path) })
}

// Not an initializer's name (Initials is not Init...): a getter's Do is postponed work.
func Initials() map[string]string {
	lazyOnce.Do(func() { lazy, _ = newClient("initials.json") }) // want "SL002: lazyOnce.Do sets package-level lazy in its function at its first use"
	return lazy
}

// A literal inside an initializer that is stored for later is not the initializer's own call.
func InitLater() func() {
	return func() { lazyOnce.Do(func() { lazy, _ = newClient("later.json") }) } // want "SL002: lazyOnce.Do sets package-level lazy in its function at its first use"
}
