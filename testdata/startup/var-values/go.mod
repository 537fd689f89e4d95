module example.com/var-values

go 1.22
