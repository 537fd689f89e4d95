module example.com/cobraapp

go 1.22
