module github.com/NightlyOps/BackupOp

go 1.22
