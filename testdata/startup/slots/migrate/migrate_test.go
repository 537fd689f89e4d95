package migrate_test

import (
	"testing"

	"example.com/slots/migrate"
	"example.com/slots/migrate/migratefake"
)

func TestFake(t *testing.T) {
	var m migrate.Migration = migratefake.Fake{}
	_ = m.Version()
}
