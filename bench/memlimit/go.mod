module memlimit

go 1.22
