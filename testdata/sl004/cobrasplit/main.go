package main

import "example.com/cobrasplit/cmd"

func main() {
	cmd.Execute()
}
