package client

import (
	"encoding/json"
	"net/http"
	"sync"
)

type Client struct {
	http  *http.Client
	cache map[string]string
}

var (
	clientOnce sync.Once
	client     *Client
	clientErr  error
	registry   = map[string]*Client{}
	stats      struct{ loads int }
	counter    int
)

func Get() *Client {
	clientOnce.Do(func() { // want "SL002: clientOnce.Do sets package-level client in its function at its first use"
		client = &Client{http: newHTTPClient()} // a literal, but one element is a call
	})
	return client
}

func GetWithError() (*Client, error) {
	clientOnce.Do(func() { client, clientErr = dial() }) // want "SL002: sets package-level client .*the error goes to package-level clientErr"
	return client, clientErr
}

var fieldOnce sync.Once

func Field() {
	fieldOnce.Do(func() { client.cache = make(map[string]string, 4096) }) // want "SL002: package-level client"
	fieldOnce.Do(func() { registry["default"] = newClient() })            // want "SL002: package-level registry"
	fieldOnce.Do(func() { stats.loads++ })                                // want "SL002: package-level stats"
	fieldOnce.Do(func() { counter += 1 })                                 // want "SL002: package-level counter"
}

func dial() (*Client, error) { return &Client{}, nil }

func newClient() *Client { return &Client{} }

func newHTTPClient() *http.Client { return &http.Client{} }

var (
	settingsOnce sync.Once
	settings     struct{ Listen string }
	raw          []byte
)

// Passing the address of a package variable to a call that fills it in sets it too.
func Settings() {
	settingsOnce.Do(func() { _ = json.Unmarshal(raw, &settings) }) // want "SL002: package-level settings"
	settingsOnce.Do(func() {
		var local struct{ Listen string }
		_ = json.Unmarshal(raw, &local)
		use(&Client{})
	})
}

func use(*Client) {}
