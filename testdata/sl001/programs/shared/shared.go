// Imported by the tool and the server: it initializes in the server too.
package shared

import "os"

var Version = func() string {
	b, _ := os.ReadFile("/etc/programs/version") // want "SL001: os.ReadFile"
	return string(b)
}()
