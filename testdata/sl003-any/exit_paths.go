package catalog

import (
	"fmt"
	"log"
	"os"
)

type migration struct{ version string }

// The names are gathered only for the message of a start that is about to fail.
func refuseWithPending(pending []migration) {
	if len(pending) == 0 {
		return
	}
	var names []string
	for _, m := range pending {
		names = append(names, m.version)
	}
	log.Fatalf("%d pending migrations: %v", len(pending), names)
}

func exitWithPending(pending []migration) {
	var names []string
	for _, m := range pending {
		names = append(names, m.version)
	}
	fmt.Fprintln(os.Stderr, names)
	os.Exit(2)
}

type logger interface{ Fatal(args ...any) }

func panicWithPending(lo logger, pending []migration) {
	names := []string{}
	for _, m := range pending {
		names = append(names, m.version)
	}
	lo.Fatal(names)
}

// A return before the exit: the slice may be the function's result.
func returnsBeforeExit(pending []migration, strict bool) []string {
	var names []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(pending\)\)`
	for _, m := range pending {
		names = append(names, m.version)
	}
	if !strict {
		return names
	}
	panic(fmt.Sprint(names))
}

// The exit is conditional: the usual path keeps going.
func exitOnlyWhenEmpty(pending []migration) []string {
	var names []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(pending\)\)`
	for _, m := range pending {
		names = append(names, m.version)
	}
	if len(names) == 0 {
		os.Exit(1)
	}
	return names
}

// A local named panic is an ordinary function.
func shadowedPanic(pending []migration) []string {
	panic := func(v any) { fmt.Println(v) }
	var names []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(pending\)\)`
	for _, m := range pending {
		names = append(names, m.version)
	}
	panic(names)
	return names
}

type notifierConfig struct{ Unknown map[string]any }

// Gathered only for the error a failing start returns.
func rejectUnknown(c *notifierConfig) error {
	if len(c.Unknown) > 0 {
		var keys []string
		for k := range c.Unknown {
			keys = append(keys, k)
		}
		return fmt.Errorf("unknown fields: %v", keys)
	}
	return nil
}

// A nil error: the slice is the result, built on the usual path.
func keysOf(c *notifierConfig) ([]string, error) {
	var keys []string // want `SL003: preallocate it with make\(\[\]string, 0, len\(c.Unknown\)\)`
	for k := range c.Unknown {
		keys = append(keys, k)
	}
	return keys, nil
}
