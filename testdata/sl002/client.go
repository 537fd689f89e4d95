package client

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
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
	clientOnce.Do(func() { // the project's own small constructor: nothing measurable postponed
		client = &Client{http: newHTTPClient()}
	})
	return client
}

func GetWithError() (*Client, error) {
	clientOnce.Do(func() { client, clientErr = dial() }) // a network call is lazy by design
	return client, clientErr
}

var fieldOnce sync.Once

func Field() {
	fieldOnce.Do(func() { client.cache = make(map[string]string, 4096) }) // want "SL002: package-level client"
	fieldOnce.Do(func() { registry["default"] = newClient() })            // want "SL002: package-level registry .*\\(os.ReadFile in newClient, json.Unmarshal in newClient\\)"
	fieldOnce.Do(func() { stats.loads++ })                                // a counter: no work
	fieldOnce.Do(func() { counter += 1 })
}

func dial() (*Client, error) {
	conn, err := net.Dial("tcp", "db:5432")
	return &Client{cache: map[string]string{"addr": conn.RemoteAddr().String()}}, err
}

// Reads and decodes a file: the work the rule looks for, one call away.
func newClient() *Client {
	data, _ := os.ReadFile("client.json")
	c := &Client{}
	_ = json.Unmarshal(data, c)
	return c
}

func newHTTPClient() *http.Client { return &http.Client{} }

var (
	settingsOnce sync.Once
	settings     struct{ Listen string }
	raw          []byte
)

// Passing the address of a package variable to a call that fills it in sets it too.
func Settings() {
	settingsOnce.Do(func() { _ = json.Unmarshal(raw, &settings) }) // want "SL002: package-level settings .*decodes data then \\(json.Unmarshal\\)"
	settingsOnce.Do(func() {
		var local struct{ Listen string }
		_ = json.Unmarshal(raw, &local)
		use(&Client{})
	})
}

func use(*Client) {}
