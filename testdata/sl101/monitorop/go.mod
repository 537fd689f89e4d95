module github.com/acme/monitorop

go 1.24
