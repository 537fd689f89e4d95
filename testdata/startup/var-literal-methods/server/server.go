package server

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

type Server struct{}

func New() (*Server, error) { return &Server{}, nil }

// Start fetches its routing table before it serves.
func (s *Server) Start() error {
	resp, err := http.Get("http://config/routes")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var routes []string
	return json.Unmarshal(body, &routes) // want "SL008"
}

func (s *Server) Check() error {
	resp, err := http.Get("http://localhost/healthz")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var status []string
	return json.Unmarshal(body, &status) // want "SL008"
}

// Idle is only reached from a literal no one calls.
func Idle() error {
	resp, err := http.Get("http://localhost/idle")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var v []any
	return json.Unmarshal(body, &v)
}

func Probe() error {
	resp, err := http.Get("http://localhost/probe")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var v []any
	return json.Unmarshal(body, &v) // want "SL008"
}

func Warm() error {
	resp, err := http.Get("http://localhost/warm")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var v []any
	return json.Unmarshal(body, &v) // want "SL008"
}

// A hook for the tests of other packages, kept beside the server: the file stays production
// code (most of its functions take no testing type), and the model reads it.
func (s *Server) SetRoutesForTest(tb testing.TB, routes map[string]string) {
	tb.Helper()
}

func Hooked() error {
	resp, err := http.Get("http://localhost/hook")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var v []any
	return json.Unmarshal(body, &v)
}
