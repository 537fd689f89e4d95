module example.com/containers

go 1.22
