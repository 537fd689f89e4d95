module example.com/scope-startup

go 1.22
