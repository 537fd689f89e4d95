// A fake migration for tests: only migrate_test.go imports this package, so no program
// runs its Migrate through the Migration interface.
package migratefake

import (
	"context"
	"os"

	"example.com/slots/migrate"
)

type Fake struct{}

func (Fake) Version() string { return "fake" }

func (Fake) Migrate(ctx context.Context, x *migrate.DB) error {
	var seen []string
	for _, arg := range os.Args {
		seen = append(seen, arg)
	}
	_ = seen
	return nil
}
