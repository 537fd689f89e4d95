module example.com/instance

go 1.22
