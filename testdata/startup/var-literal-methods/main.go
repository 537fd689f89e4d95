// The most common cobra layout: the serve command's RunE is a function literal in a
// package-level variable, and it builds the server and calls a method on it.
package main

import "example.com/var-literal-methods/cli"

func main() { cli.Execute() }
