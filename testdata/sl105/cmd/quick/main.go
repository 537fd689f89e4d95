// A service that opens its health port at once and waits for nothing: a short liveness window
// never comes into play, and SL105 leaves it out.
package main

func main() {}
