module example.com/cobralimit

go 1.22
