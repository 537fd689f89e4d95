package migrate

import (
	"context"
	"encoding/json"
	"io"
	"os"
)

type DB struct{}

type Migration interface {
	Version() string
	Migrate(ctx context.Context, x *DB) error
}

type migration struct {
	version string
	migrate func(context.Context, *DB) error
}

// The constructor keeps its function in the positional field `migrate`.
func NewMigration(v string, f func(context.Context, *DB) error) Migration { return &migration{v, f} }

func (m *migration) Version() string { return m.version }

func (m *migration) Migrate(ctx context.Context, x *DB) error { return m.migrate(ctx, x) }

var migrations = []Migration{
	NewMigration("v1", updateCount),
}

// A keyed field of elided type.
type step struct {
	Name  string
	Apply func(context.Context, *DB) error
}

var steps = []*step{{Name: "index", Apply: addIndex}}

// Built but never run: a job list no startup code ranges over.
type job struct{ run func() error }

func newJob(f func() error) *job { return &job{run: f} }

var jobs = []*job{newJob(neverRun)}

func (j *job) Do() error { return j.run() }

func Run(ctx context.Context, x *DB) {
	for _, m := range migrations {
		_ = m.Migrate(ctx, x)
	}
	for _, s := range steps {
		_ = s.Apply(ctx, x)
	}
}

func updateCount(ctx context.Context, x *DB) error {
	fns := []func(context.Context, *DB) error{updateTagCount}
	for _, fn := range fns {
		_ = fn(ctx, x)
	}
	return nil
}

func updateTagCount(ctx context.Context, x *DB) error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}

func addIndex(ctx context.Context, x *DB) error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}

func neverRun() error {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	return json.Unmarshal(data, &v)
}
