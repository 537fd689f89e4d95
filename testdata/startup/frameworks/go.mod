module example.com/frameworks

go 1.22
