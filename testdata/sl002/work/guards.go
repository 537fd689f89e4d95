package work

import (
	"os"
	"sync"
)

var (
	keyOnce sync.Once
	key     []byte
)

// One lazy global guarded before each of its uses: one finding, at the first guard, with
// the others as related locations.
func Sign(data string) string {
	keyOnce.Do(loadKey) // want "SL002: keyOnce.Do sets package-level key in the function loadKey"
	return data + string(key)
}

func Verify(data string) bool {
	keyOnce.Do(loadKey)
	return len(key) > 0 && data != ""
}

func Rotate() {
	keyOnce.Do(loadKey)
}

func loadKey() {
	key, _ = os.ReadFile("/etc/app/key")
}

var weightsOnce sync.Once

var groupWeights = map[string]int{"system": 10, "dedicated": 8, "shared": 5, "reclaimed": 2, "unknown": 1}
