module example.com/pairscheck

go 1.22
