module example.com/var-literal-methods

go 1.22
