module example.com/heavydep

go 1.22
