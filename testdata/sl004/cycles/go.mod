module example.com/cycles

go 1.22
