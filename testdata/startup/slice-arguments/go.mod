module example.com/slicearguments

go 1.22
