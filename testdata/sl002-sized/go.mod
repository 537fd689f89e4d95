module example.com/sized

go 1.22
