// Package conf holds the service's configuration types.
package conf

import (
	"encoding/json"
	"os"

	"gopkg.in/yaml.v3"
)

// DBOptions is a config struct by its name.
type DBOptions struct {
	DSN      string
	MaxConns int
}

// Database is a config struct by its yaml tags.
type Database struct {
	Primary string `yaml:"primary"`
	Replica string `yaml:"replica"`
}

// Limits is a config struct only because a decode call fills it.
type Limits struct {
	MaxBodyBytes int64
	MaxHeaders   int
}

// Peer is not a config struct.
type Peer struct{ Addr string }

// Default returns the built-in database settings.
func Default() Database { return Database{Primary: "localhost:5432"} }

// LoadDatabase reads the database section from a YAML file.
func LoadDatabase(path string) (*Database, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	db := new(Database) // want "SL006: config struct new\\(Database\\) escapes to heap: it is passed to yaml.Unmarshal \\(interface-converted\\)"
	if err := yaml.Unmarshal(data, db); err != nil {
		return nil, err
	}
	return db, nil
}

// LoadLimits decodes limits with the standard library.
func LoadLimits(data []byte) (Limits, error) {
	var l Limits // want "SL006: config struct Limits moved to heap: its address is passed to json.Unmarshal \\(interface-converted\\)"
	err := json.Unmarshal(data, &l)
	return l, err
}

// Peers allocates on the heap too, but a Peer is not configuration.
func Peers(addrs []string) []*Peer {
	peers := make([]*Peer, 0, len(addrs))
	for _, addr := range addrs {
		peers = append(peers, &Peer{Addr: addr})
	}
	return peers
}

// ReloadLimits runs when the operator asks for a reload, long after startup: nothing calls
// it at startup, so with scope "startup" its escape is not reported.
func ReloadLimits(data []byte) (Limits, error) {
	var l Limits
	err := json.Unmarshal(data, &l)
	return l, err
}
