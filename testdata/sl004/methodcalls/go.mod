module example.com/methodcalls

go 1.22
