package server

type Hook func()

type Options struct {
	Prepare func()
	Later   func()
}

type Server struct {
	opts  Options
	Hooks []Hook
}

func New(o Options) *Server { return &Server{opts: o} }

func (s *Server) Start() {
	s.opts.Prepare()
	for _, h := range s.Hooks {
		h()
	}
}
