module example.com/gcoff

go 1.22
