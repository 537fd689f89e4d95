module example.com/macaron

go 1.22
