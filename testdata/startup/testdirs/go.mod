module example.com/testdirs

go 1.22
