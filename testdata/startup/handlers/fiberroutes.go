package main

import "example.com/handlers/web"

type uploads struct{}

// Routes on a fiber Router kept in another package's struct: this file does not import fiber.
func uploadRoutes(s *web.Server) {
	h := &uploads{}
	root := s.Routes
	root.Group("/uploads").Post("/", h.create())
}

// The handler it returns runs per request.
func (u *uploads) create() func(c any) error {
	return func(c any) error { _ = onlyUpload(nil); return nil }
}

func onlyUpload(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
