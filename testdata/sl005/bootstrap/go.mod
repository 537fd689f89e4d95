module example.com/bootstrap

go 1.22
