package loader

// Another package named debug is not runtime/debug.
import "example.com/acme/debug"

func notRuntime() {
	debug.SetGCPercent(-1)
}
