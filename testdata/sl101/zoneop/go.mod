module github.com/acme/zoneop

go 1.24
