module example.com/stored-values

go 1.22
