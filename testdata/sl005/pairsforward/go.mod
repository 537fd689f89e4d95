module example.com/pairsforward

go 1.22
