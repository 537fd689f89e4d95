module example.com/supervised

go 1.22
