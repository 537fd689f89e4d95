// An API server whose Close method serves (it runs the server until it is closed).
package apiserver

import "net/http"

type Server struct{}

func (s *Server) Close() error { return http.ListenAndServe(":8080", nil) }

func (s *Server) Start() error { return http.ListenAndServe(":8081", nil) }

// Addr is what clients dial.
const Addr = "localhost:8080"
