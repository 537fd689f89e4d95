// Imported by the command-line tool only.
package themes

import (
	"os"
	"path/filepath"
)

var Names []string

func init() {
	entries, _ := os.ReadDir(filepath.Join(os.Getenv("HOME"), ".themes"))
	for _, entry := range entries {
		Names = append(Names, entry.Name())
	}
	if custom, err := os.ReadFile("themes.txt"); err == nil {
		Names = append(Names, string(custom))
	}
}
