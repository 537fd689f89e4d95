module example.com/automem

go 1.22
