module example.com/typeswitches

go 1.22
