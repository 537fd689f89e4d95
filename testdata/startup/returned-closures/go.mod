module example.com/returned-closures

go 1.22
