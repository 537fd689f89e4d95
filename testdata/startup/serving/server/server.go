// A server of the module: its Start serves, however its callers hold it.
package server

import "net/http"

type Runner interface{ Start() error }

type HTTP struct{ addr string }

func New(addr string) Runner { return &HTTP{addr: addr} }

func (h *HTTP) Start() error { return http.ListenAndServe(h.addr, nil) }

// WithContext gives the server as its second result, as operator constructors often do.
func WithContext(addr string) (string, *HTTP) { return addr, &HTTP{addr: addr} }
