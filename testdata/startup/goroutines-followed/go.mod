module example.com/goroutines-followed

go 1.22
