package main

import "example.com/cobraapp/cmd"

func main() {
	cmd.Execute()
}
