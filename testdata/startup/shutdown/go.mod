module example.com/shutdown

go 1.22
