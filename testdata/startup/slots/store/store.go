package store

import (
	"encoding/json"
	"io"
	"os"
)

type Account struct{ Name string }

type Store struct {
	Accounts map[string]*Account
	Archive  []Account
}

func New() *Store { return &Store{Accounts: map[string]*Account{}} }

// A method called on the elements of a map field.
func (s *Store) CopyAll() {
	for _, a := range s.Accounts {
		a.Copy()
	}
}

// Called from a handler only: the elements of a slice field.
func (s *Store) ExportAll() {
	for _, a := range s.Archive {
		a.Export()
	}
}

func (a *Account) Copy() {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}

func (a *Account) Export() {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	_ = json.Unmarshal(data, &v)
}
