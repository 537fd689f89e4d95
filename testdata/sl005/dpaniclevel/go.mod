module example.com/dpaniclevel

go 1.22
