package main

import (
	"context"

	"example.com/slots/migrate"
)

func main() { migrate.Run(context.Background(), &migrate.DB{}) }
