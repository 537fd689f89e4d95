package auth

import "example.com/livetypes/client"

// Compile-time checks create nothing.
var (
	_ client.Modifier = &basic{}
	_ client.Modifier = &token{}
)

type basic struct{ users []string }

// Created by main's NewBasic: runs at startup.
func NewBasic() client.Modifier { return &basic{} }

func (b *basic) Modify(header map[string]string) error {
	var names []string // want "SL003"
	for _, u := range b.users {
		names = append(names, u)
	}
	_ = names
	return nil
}

type token struct{ scopes []string }

// Only a handler creates a token: its Modify never runs at startup.
func NewToken() client.Modifier { return &token{} }

func (t *token) Modify(header map[string]string) error {
	var scopes []string
	for _, s := range t.scopes {
		scopes = append(scopes, s)
	}
	_ = scopes
	return nil
}

// A struct that embeds another has its methods: creating it makes both live.
type base struct{ keys []string }

func (b *base) Modify(header map[string]string) error {
	var keys []string // want "SL003"
	for _, k := range b.keys {
		keys = append(keys, k)
	}
	_ = keys
	return nil
}

type Signed struct{ base }

// A function type converted (`Func(f)`) is created by no literal: always live.
type Func func(header map[string]string) error

func (f Func) Modify(header map[string]string) error {
	var all []string // want "SL003"
	for k := range header {
		all = append(all, k)
	}
	_ = all
	return f(header)
}

type audit struct{ events []string }

func (a *audit) Modify(header map[string]string) error {
	var events []string // want "SL003"
	for _, e := range a.events {
		events = append(events, e)
	}
	_ = events
	return nil
}

// Created by a package-level initializer, which runs after main is first searched.
var Audit client.Modifier = &audit{}
