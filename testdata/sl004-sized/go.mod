module example.com/sized

go 1.22

require github.com/spf13/viper v1.21.0
