module example.com/fleet/cellop

go 1.23
