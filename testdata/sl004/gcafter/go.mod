module example.com/gcafter

go 1.22
