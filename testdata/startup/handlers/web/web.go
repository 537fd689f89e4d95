// The service's HTTP server: its router is a fiber Router field.
package web

import "github.com/gofiber/fiber/v2"

type Server struct{ Routes fiber.Router }

func New() *Server { app := fiber.New(); return &Server{Routes: app} }
