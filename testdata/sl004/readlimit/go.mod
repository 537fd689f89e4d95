module example.com/readlimit

go 1.22
