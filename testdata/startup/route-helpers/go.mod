module example.com/route-helpers

go 1.22
