package main

func main() {
	app, err := initApp()
	if err != nil {
		panic(err)
	}
	app.Run()
}
