module example.com/serving

go 1.22
