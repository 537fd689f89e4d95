module example.com/controllers

go 1.22
