// Wire: main calls the injector Wire generated, which calls the providers.
package main

func main() {
	app := initializeApp()
	app.Start()
}

type App struct{ routes []string }

func NewApp() *App { return &App{routes: routes(nil)} }

func (a *App) Start() {}

func routes(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
