module example.com/halfchart

go 1.22
