module example.com/nodpanic

go 1.22
