module example.com/ownmethod

go 1.22
