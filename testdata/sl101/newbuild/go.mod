module example.com/newbuild

go 1.17
