module github.com/acme/xdb-operator/v2

go 1.22
