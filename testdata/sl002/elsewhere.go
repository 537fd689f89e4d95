package client

var shared []string

func initElsewhere() {
	shared = append(shared, "x")
}
