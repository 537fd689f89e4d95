module example.com/scope-all

go 1.22
