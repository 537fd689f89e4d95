package server

// WithQuietRun drops what it is given: the name is declared again in the literal.
func WithQuietRun(run RunFunc) Option {
	return func(s *Server) {
		run := quiet
		s.run = run
	}
}

func quiet(string) error { return nil }

// WithSilencedRun hands the name's address to what sets it.
func WithSilencedRun(run RunFunc) Option {
	silence(&run)
	return func(s *Server) { s.run = run }
}

func silence(run *RunFunc) { *run = quiet }

// WithReceivedRun takes what a channel gives instead.
func WithReceivedRun(run RunFunc) Option {
	select {
	case run = <-quietRuns:
	default:
	}
	return func(s *Server) { s.run = run }
}

var quietRuns = make(chan RunFunc, 1)
