package server

import "github.com/spf13/viper"

type Server struct{ name string }

func New() *Server { return &Server{} }

func (s *Server) Start() {
	s.load()
}

func (s *Server) load() {
	_ = viper.ReadInConfig() // want "SL004: viper.ReadInConfig .* from main.main: main -> server.Server.Start -> server.Server.load;"
}
