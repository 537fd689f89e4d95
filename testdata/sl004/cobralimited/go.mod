module example.com/cobralimited

go 1.22
