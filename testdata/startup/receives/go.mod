module example.com/receives

go 1.22
