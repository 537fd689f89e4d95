module example.com/mongoop

go 1.22
