module example.com/servingall

go 1.22
