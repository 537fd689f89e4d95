module github.com/acceltech/gpuop

go 1.23
