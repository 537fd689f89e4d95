module example.com/cobrasplit

go 1.22
