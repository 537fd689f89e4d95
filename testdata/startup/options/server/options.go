// Package server keeps the function its option is given in one file and calls it in another:
// the file calling it is completed only once the option's file says what the field holds.
package server

type RunFunc func(name string) error

type Server struct{ run RunFunc }

type Option func(*Server)

func WithRun(run RunFunc) Option {
	return func(s *Server) { s.run = run }
}
