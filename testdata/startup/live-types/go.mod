module example.com/livetypes

go 1.22
