module example.com/qualified

go 1.22
