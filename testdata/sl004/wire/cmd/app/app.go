package main

import "example.com/wired/internal/config"

type App struct{ cfg *config.Config }

func (a *App) Run() {}
