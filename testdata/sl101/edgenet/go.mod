module example.com/edgenet

go 1.23
