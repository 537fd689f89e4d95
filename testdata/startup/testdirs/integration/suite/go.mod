module example.com/testdirs/integration/suite

go 1.22
