module github.com/acme/fleetwatch

go 1.23
