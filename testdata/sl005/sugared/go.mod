module example.com/sugared

go 1.22
