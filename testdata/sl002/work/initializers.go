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
	loadOnce   sync.Once
	defaults   map[string]string
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
	clientOnce.Do(func() { client, err = newClient(path) }) // want "SL002: clientOnce.Do sets package-level client in its function the first time Init is called; it also sets err, a variable of Init, .*a second Init returns err == nil .*; keep the error in a package-level variable that the function sets, and return it \\(Init's path reaches the function, which sync.OnceValues cannot pass\\)$"
	return err
}

// An initializer whose function takes nothing from its parameters: sync.OnceValues fits.
func InitDefaults(verbose bool) error {
	var err error
	loadOnce.Do(func() { defaults, err = newClient("defaults.json") }) // want "SL002: loadOnce.Do sets package-level defaults .*a second InitDefaults returns err == nil .*; sync.OnceValues returns the value and the error to every caller$"
	_ = verbose
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
